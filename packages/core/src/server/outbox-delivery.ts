import { and, asc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { OrgkitContext } from "./context";
import { failureNote } from "./faults";
import { type OutboxLetter, parseLetter } from "./outbox";
import { emailOutbox } from "./schema";
import { openToken } from "./tokens";

/** One claimed message, ready to render and send. */
export type OutboxMessage = OutboxLetter & {
  /** The outbox row's id. */
  id: number;
  /** A random key, stable across retries and unique across databases: a provider's idempotency key. */
  key: string;
  to: string;
  /** 1 for the first attempt. */
  attempt: number;
};

/** A failure the outbox should not retry (a rejected address, a bad API key): the message is dead-lettered. */
export class PermanentDeliveryError extends Error {
  override readonly name = "PermanentDeliveryError";
}

export type DeliveryOptions = {
  /**
   * Sends one message or throws: a `PermanentDeliveryError` dead-letters it, any other error
   * retries it later. `@orgkit/emails` provides one: `emailSender({ transport, render })`.
   */
  deliver: (message: OutboxMessage) => Promise<void>;
  /** Attempts before a message is dead-lettered. Default 8. */
  maxAttempts?: number;
  /** Messages claimed per pass. Default 20. */
  batchSize?: number;
  /** Milliseconds a claimed message stays with its worker before another may retry it. Default 120 000. */
  leaseMs?: number;
  /** First retry delay in milliseconds; doubles each attempt, capped at one hour, with ±20% jitter. Default 30 000. */
  backoffMs?: number;
  random?: () => number;
  /**
   * Told of every failed attempt, besides the row's `last_error`. Default: one `console.error`
   * line with the row's id, template, attempt, outcome and the error's class, never its message
   * (a provider's may quote the address, R40).
   */
  onFailure?: (failure: DeliveryFailure) => void;
};

/** One failed attempt: `retrying` is due again later, `dead` is dead-lettered for good. */
export type DeliveryFailure = {
  id: number;
  template: string;
  attempt: number;
  outcome: "retrying" | "dead";
  error: unknown;
};

/** The default `onFailure`: codes only, so an operator sees a failing instance in its log. */
function logFailure({ id, template, attempt, outcome, error }: DeliveryFailure): void {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  console.error("[orgkit] outbox delivery failed (see email_outbox.last_error)", {
    id,
    template,
    attempt,
    outcome,
    error: typeof name === "string" ? name : "Error",
    ...(typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? { code } : {}),
  });
}

/** Messages a pass sent, scheduled for retry, and dead-lettered. */
export type DeliveryReport = { sent: number; retrying: number; dead: number };

type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * R38: claims due messages with `FOR UPDATE SKIP LOCKED`, so several app instances
 * deliver together without sending one twice, then hands each to `deliver`.
 *
 * @returns what the pass did; `{ sent: 0, retrying: 0, dead: 0 }` when nothing was due.
 * @throws the database's error when the claim itself fails (nothing is claimed then).
 * @example
 * await deliverDueOutbox(ctx, { deliver: emailSender({ transport, render: { baseUrl } }) });
 */
export async function deliverDueOutbox(
  ctx: OrgkitContext,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const now = ctx.now();
  const due = ctx.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "PENDING"), lte(emailOutbox.nextAttemptAt, now)))
    .orderBy(asc(emailOutbox.id))
    .limit(options.batchSize ?? 20)
    .for("update", { skipLocked: true });
  // The claim is a lease: if this worker dies, the message is due again when it ends.
  const claimed = await ctx.db
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + (options.leaseMs ?? 120_000)),
    })
    .where(inArray(emailOutbox.id, due))
    .returning();
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
  // Oldest first: UPDATE … RETURNING gives no order.
  for (const row of claimed.sort((a, b) => a.id - b.id)) {
    const outcome = await deliverOne(ctx, row, options);
    if (outcome) report[outcome] += 1;
  }
  return report;
}

/**
 * Sends one claimed row. Every write is fenced by the claim (same attempt, still PENDING): a
 * worker whose lease ran out while earlier rows of its batch were sending, and whose row another
 * worker claimed since, changes nothing. Returns null when the row was no longer this worker's.
 */
async function deliverOne(
  ctx: OrgkitContext,
  row: OutboxRow,
  options: DeliveryOptions,
): Promise<keyof DeliveryReport | null> {
  const claim = and(
    eq(emailOutbox.id, row.id),
    eq(emailOutbox.attempts, row.attempts),
    eq(emailOutbox.status, "PENDING"),
  );
  // The lease is renewed right before this row's send, not once for the whole batch.
  const renewed = await ctx.db
    .update(emailOutbox)
    .set({ nextAttemptAt: new Date(ctx.now().getTime() + (options.leaseMs ?? 120_000)) })
    .where(claim)
    .returning({ id: emailOutbox.id });
  if (renewed.length === 0) return null;
  try {
    let letter: OutboxLetter;
    let sealedElsewhere = false;
    try {
      letter = parseLetter(row, (sealedToken) => {
        try {
          return openToken(ctx.secret, sealedToken);
        } catch (error) {
          sealedElsewhere = true;
          throw error;
        }
      });
    } catch (error) {
      // A token this instance cannot open was sealed under another AUTH_SECRET: an instance
      // that has it may still send the message, so it is retried, not dead-lettered.
      if (sealedElsewhere) {
        throw new Error("its link token was sealed with another secret: AUTH_SECRET differs");
      }
      // A row that does not match its template never will.
      throw new PermanentDeliveryError(`Unreadable ${row.template} message: ${failureNote(error)}`);
    }
    await options.deliver({
      ...letter,
      id: row.id,
      key: row.messageKey,
      to: row.to,
      attempt: row.attempts,
    });
  } catch (error) {
    const lastError = failureNote(error);
    const maxAttempts = options.maxAttempts ?? 8;
    const dead = isPermanent(error) || row.attempts >= maxAttempts;
    if (dead) {
      await finish(ctx, claim, { status: "DEAD", lastError });
    } else {
      const base = Math.min((options.backoffMs ?? 30_000) * 2 ** (row.attempts - 1), 3_600_000);
      const jitter = 0.8 + 0.4 * (options.random ?? Math.random)();
      await ctx.db
        .update(emailOutbox)
        .set({ lastError, nextAttemptAt: new Date(ctx.now().getTime() + base * jitter) })
        .where(claim);
    }
    const outcome = dead ? "dead" : "retrying";
    try {
      (options.onFailure ?? logFailure)({
        id: row.id,
        template: row.template,
        attempt: row.attempts,
        outcome,
        error,
      });
    } catch {
      // A host's reporting fault must not stop the outbox: the row already records the failure.
    }
    return outcome;
  }
  // Outside the send's catch: failing to record a sent message is not a failed send.
  await finish(ctx, claim, { status: "SENT", sentAt: ctx.now(), lastError: null });
  return "sent";
}

/** Ends a message; its sealed token is wiped, since no retry will need it. */
function finish(
  ctx: OrgkitContext,
  claim: SQL | undefined,
  values: Pick<OutboxRow, "status" | "lastError"> & { sentAt?: Date },
) {
  return ctx.db
    .update(emailOutbox)
    .set({ ...values, payload: sql`${emailOutbox.payload} - 'sealedToken'` })
    .where(claim);
}

/** By name too: a host's bundler may load two copies of this module (`instanceof` sees one). */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof PermanentDeliveryError ||
    (error instanceof Error && error.name === "PermanentDeliveryError")
  );
}
