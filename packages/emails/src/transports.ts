import { type Db, PermanentDeliveryError, schema } from "@orgkit/core/server";
import { desc, sql } from "drizzle-orm";
import { Resend } from "resend";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per queued message: a provider that honours it never sends a retry twice. */
  idempotencyKey: string;
};

/** Sends one email or throws. A host can implement it for SMTP or any provider. */
export interface EmailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<void>;
}

export type ResendTransportOptions = {
  apiKey: string;
  /** The sender, e.g. `"Acme <no-reply@acme.com>"`. */
  from: string;
  /** Only for tests against a fake endpoint. */
  apiBaseUrl?: string;
  /** Give up on a request after this long. Default 10 s. */
  timeoutMs?: number;
};

/**
 * Resend, with the outbox message id as the idempotency key.
 *
 * @example
 * createResendTransport({ apiKey: process.env.RESEND_API_KEY!, from: "Acme <team@acme.com>" })
 */
export function createResendTransport(options: ResendTransportOptions): EmailTransport {
  const resend = new Resend(
    options.apiKey,
    options.apiBaseUrl ? { baseUrl: options.apiBaseUrl } : {},
  );
  return {
    name: "resend",
    async send(email) {
      const { error } = await resend.emails.send(
        {
          from: options.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
        },
        {
          idempotencyKey: email.idempotencyKey,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        },
      );
      if (!error) return;
      // No status means the request never got an answer (network, timeout): retry it.
      const status = "statusCode" in error && error.statusCode ? Number(error.statusCode) : null;
      const message = `Resend ${status ?? "unreachable"}: ${error.message}`;
      // 409: the same key is still being processed (a concurrent retry): try again later.
      const retryable = status === null || status === 409 || status === 429 || status >= 500;
      throw retryable ? new Error(message) : new PermanentDeliveryError(message);
    },
  };
}

export type MailboxMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: Date;
};

/**
 * The dev mailbox: without a real provider, messages are kept in the database and
 * read at `/dev/mailbox`. The log line names the recipient and subject, never the link.
 */
export function createDevMailboxTransport(
  db: Db,
  now: () => Date = () => new Date(),
): EmailTransport {
  return {
    name: "dev-mailbox",
    async send(email) {
      await db
        .insert(schema.devMailbox)
        .values({
          messageKey: email.idempotencyKey,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          sentAt: now(),
        })
        .onConflictDoNothing();
      // No address in the log (R40): the mailbox itself says who it was for.
      console.info("[orgkit] dev mailbox: one email stored");
    },
  };
}

/** The dev mailbox, newest first, optionally for one recipient (without regard to case). */
export async function readDevMailbox(
  db: Db,
  query: { to?: string; limit?: number } = {},
): Promise<MailboxMessage[]> {
  const { devMailbox } = schema;
  return db
    .select({
      to: devMailbox.to,
      subject: devMailbox.subject,
      text: devMailbox.text,
      html: devMailbox.html,
      sentAt: devMailbox.sentAt,
    })
    .from(devMailbox)
    .where(query.to ? sql`lower(${devMailbox.to}) = lower(${query.to})` : undefined)
    .orderBy(desc(devMailbox.id))
    .limit(Math.min(query.limit ?? 50, 200));
}
