import type { Tx } from "./db";
import { emailOutbox } from "./schema";

export type EmailTemplate =
  | "invitation"
  | "ownership-transfer-confirmation"
  | "ownership-transferred";

export type OutboxEntry = {
  organizationId: string;
  template: EmailTemplate;
  to: string;
  subjectId: string;
  /** Template props; a link token goes in `sealedToken`, never in plain text. */
  payload: Record<string, unknown>;
  at: Date;
};

/** R38: queued in the caller's transaction, delivered after commit. */
export async function enqueueEmails(tx: Tx, entries: OutboxEntry[]): Promise<void> {
  await tx
    .insert(emailOutbox)
    .values(entries.map(({ at, ...entry }) => ({ ...entry, nextAttemptAt: at, createdAt: at })));
}
