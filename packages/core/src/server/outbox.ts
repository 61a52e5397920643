import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { SHIPPED_LOCALES } from "../messages/locales";
import { INVITATION_ROLES } from "../policy";
import type { Tx } from "./db";
import { emailOutbox } from "./schema";

const sealed = { sealedToken: z.string().min(1) };
/** The email's language; without one (rows queued before emails had one) it is English. */
const locale = z.enum(SHIPPED_LOCALES).optional();

/**
 * What each queued email carries, apart from its link token. One schema per template: the
 * outbox parses a stored row against it before delivery, so a renderer receives exactly
 * these shapes and a row that does not match is dead-lettered, never rendered.
 */
export const outboxPayloadSchemas = {
  invitation: z.object({
    locale,
    organizationName: z.string(),
    inviterUsername: z.string(),
    username: z.string(),
    role: z.enum(INVITATION_ROLES),
    expiresAt: z.string(),
    version: z.number().int(),
  }),
  "ownership-transfer-confirmation": z.object({
    locale,
    organizationName: z.string(),
    ownerUsername: z.string(),
    targetUsername: z.string(),
    targetEmail: z.string(),
    expiresAt: z.string(),
  }),
  "ownership-transferred": z.object({
    locale,
    organizationName: z.string(),
    previousOwner: z.string(),
    newOwner: z.string(),
  }),
  "organization-deletion-confirmation": z.object({
    locale,
    organizationName: z.string(),
    ownerUsername: z.string(),
    expiresAt: z.string(),
  }),
};

type Fields = { [T in EmailTemplate]: z.infer<(typeof outboxPayloadSchemas)[T]> };

/** The stored payloads: templates with a link carry its token sealed with the server secret (wiped once sent). */
export type OutboxPayloads = {
  invitation: Fields["invitation"] & { sealedToken: string };
  "ownership-transfer-confirmation": Fields["ownership-transfer-confirmation"] & {
    sealedToken: string;
  };
  "ownership-transferred": Fields["ownership-transferred"];
  "organization-deletion-confirmation": Fields["organization-deletion-confirmation"] & {
    sealedToken: string;
  };
};

export type EmailTemplate = keyof typeof outboxPayloadSchemas;

/** What a renderer receives: the payload with its link token opened. */
export type LetterPayloads = {
  invitation: Fields["invitation"] & { token: string };
  "ownership-transfer-confirmation": Fields["ownership-transfer-confirmation"] & { token: string };
  "ownership-transferred": Fields["ownership-transferred"];
  "organization-deletion-confirmation": Fields["organization-deletion-confirmation"] & {
    token: string;
  };
};

/** One email to render: a template and its own payload, correlated by the type. */
export type OutboxLetter = {
  [T in EmailTemplate]: { template: T; payload: LetterPayloads[T] };
}[EmailTemplate];

/**
 * Parses a stored template and payload into a letter, opening the sealed token with `open`.
 * @throws z.ZodError when the row does not match its template's schema.
 */
export function parseLetter(
  row: { template: string; payload: unknown },
  open: (sealedToken: string) => string,
): OutboxLetter {
  const letter = z.discriminatedUnion("template", [
    z
      .object({
        template: z.literal("invitation"),
        payload: outboxPayloadSchemas.invitation.extend(sealed),
      })
      .transform(({ template, payload: { sealedToken, ...payload } }) => ({
        template,
        payload: { ...payload, token: open(sealedToken) },
      })),
    z
      .object({
        template: z.literal("ownership-transfer-confirmation"),
        payload: outboxPayloadSchemas["ownership-transfer-confirmation"].extend(sealed),
      })
      .transform(({ template, payload: { sealedToken, ...payload } }) => ({
        template,
        payload: { ...payload, token: open(sealedToken) },
      })),
    z.object({
      template: z.literal("ownership-transferred"),
      payload: outboxPayloadSchemas["ownership-transferred"],
    }),
    z
      .object({
        template: z.literal("organization-deletion-confirmation"),
        payload: outboxPayloadSchemas["organization-deletion-confirmation"].extend(sealed),
      })
      .transform(({ template, payload: { sealedToken, ...payload } }) => ({
        template,
        payload: { ...payload, token: open(sealedToken) },
      })),
  ]);
  return letter.parse(row);
}

export type OutboxEntry = {
  [T in EmailTemplate]: {
    organizationId: string;
    template: T;
    to: string;
    /** The invitation, transfer or deletion the email belongs to. */
    subjectId: string;
    payload: OutboxPayloads[T];
    at: Date;
  };
}[EmailTemplate];

export function outboxRows(entries: OutboxEntry[]) {
  return entries.map(({ at, ...entry }) => ({ ...entry, nextAttemptAt: at, createdAt: at }));
}
export type OutboxRow = ReturnType<typeof outboxRows>[number];

/** The columns of an `outboxRows` row, for a statement's placeholders (`placeholderRow`). */
export const OUTBOX_COLUMNS = [
  "organizationId",
  "template",
  "to",
  "subjectId",
  "payload",
  "nextAttemptAt",
  "createdAt",
] as const satisfies readonly (keyof OutboxRow)[];

/** R38: queued in the caller's transaction, delivered after commit. */
export async function enqueueEmails(tx: Tx, entries: OutboxEntry[]): Promise<void> {
  await tx.insert(emailOutbox).values(outboxRows(entries));
}

/**
 * R38: queued emails of an invitation, transfer or deletion that was revoked, resent or
 * cancelled are not sent with their stale link: cancelled in the caller's transaction, their
 * sealed token wiped. One subject or several, in one statement.
 */
export async function cancelQueuedEmails(
  tx: Tx,
  subjectIds: string | readonly string[],
): Promise<void> {
  const ids = typeof subjectIds === "string" ? [subjectIds] : [...subjectIds];
  if (ids.length === 0) return;
  await tx
    .update(emailOutbox)
    .set({ status: "CANCELLED", payload: sql`${emailOutbox.payload} - 'sealedToken'` })
    .where(and(inArray(emailOutbox.subjectId, ids), eq(emailOutbox.status, "PENDING")));
}
