import type { InvitationRole } from "../policy";
import type { Tx } from "./db";
import { emailOutbox } from "./schema";

/** The props each queued email carries; `@orgkit/emails` renders them after commit. */
export type OutboxPayloads = {
  invitation: {
    organizationName: string;
    inviterUsername: string;
    username: string;
    role: InvitationRole;
    expiresAt: string;
    version: number;
    /** The link token, sealed with the server secret; wiped once sent. */
    sealedToken: string;
  };
  "ownership-transfer-confirmation": {
    organizationName: string;
    ownerUsername: string;
    targetUsername: string;
    targetEmail: string;
    expiresAt: string;
    sealedToken: string;
  };
  "ownership-transferred": { organizationName: string; previousOwner: string; newOwner: string };
};

export type EmailTemplate = keyof OutboxPayloads;

export type OutboxEntry = {
  [T in EmailTemplate]: {
    organizationId: string;
    template: T;
    to: string;
    /** The invitation or transfer the email belongs to. */
    subjectId: string;
    payload: OutboxPayloads[T];
    at: Date;
  };
}[EmailTemplate];

export function outboxRows(entries: OutboxEntry[]) {
  return entries.map(({ at, ...entry }) => ({ ...entry, nextAttemptAt: at, createdAt: at }));
}

/** R38: queued in the caller's transaction, delivered after commit. */
export async function enqueueEmails(tx: Tx, entries: OutboxEntry[]): Promise<void> {
  await tx.insert(emailOutbox).values(outboxRows(entries));
}
