import { type OrgkitContext, type OutboxPayloads, openToken, schema } from "@orgkit/core/server";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { type RenderOptions, renderEmail } from "./render";
import { type EmailTransport, PermanentDeliveryError } from "./transports";

const { emailOutbox } = schema;

export type DeliveryOptions = {
  transport: EmailTransport;
  render: RenderOptions;
  /** Attempts before a message is dead-lettered. Default 8. */
  maxAttempts?: number;
  /** Messages claimed per pass. Default 20. */
  batchSize?: number;
  /** How long a claimed message stays with its worker before another may retry it. Default 2 min. */
  leaseMs?: number;
  /** First retry delay; doubles each attempt, capped at one hour, with ±20% jitter. Default 30 s. */
  backoffMs?: number;
  random?: () => number;
};

export type DeliveryReport = { sent: number; retrying: number; dead: number };

type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * R38: claims due messages with `FOR UPDATE SKIP LOCKED`, so several app instances
 * deliver together without sending one twice, then renders and sends each.
 */
export async function deliverDueEmails(
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
  for (const row of claimed) report[await deliverOne(ctx, row, options)] += 1;
  return report;
}

async function deliverOne(
  ctx: OrgkitContext,
  row: OutboxRow,
  options: DeliveryOptions,
): Promise<keyof DeliveryReport> {
  try {
    const { sealedToken, ...payload } = row.payload as { sealedToken?: string };
    const token = sealedToken ? openToken(ctx.secret, sealedToken) : undefined;
    const rendered = await renderEmail(
      { template: row.template as keyof OutboxPayloads, payload: payload as never, token },
      options.render,
    );
    await options.transport.send({
      to: row.to,
      ...rendered,
      idempotencyKey: `orgkit-outbox-${row.id}`,
    });
    await finish(ctx, row.id, { status: "SENT", sentAt: ctx.now(), lastError: null });
    return "sent";
  } catch (error) {
    const lastError = describe(error);
    const maxAttempts = options.maxAttempts ?? 8;
    if (error instanceof PermanentDeliveryError || row.attempts >= maxAttempts) {
      await finish(ctx, row.id, { status: "DEAD", lastError });
      return "dead";
    }
    const base = Math.min((options.backoffMs ?? 30_000) * 2 ** (row.attempts - 1), 3_600_000);
    const jitter = 0.8 + 0.4 * (options.random ?? Math.random)();
    await ctx.db
      .update(emailOutbox)
      .set({ lastError, nextAttemptAt: new Date(ctx.now().getTime() + base * jitter) })
      .where(eq(emailOutbox.id, row.id));
    return "retrying";
  }
}

/** Ends a message; its sealed token is wiped, since no retry will need it. */
function finish(
  ctx: OrgkitContext,
  id: number,
  values: Pick<OutboxRow, "status" | "lastError"> & { sentAt?: Date },
) {
  return ctx.db
    .update(emailOutbox)
    .set({ ...values, payload: sql`${emailOutbox.payload} - 'sealedToken'` })
    .where(eq(emailOutbox.id, id));
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
