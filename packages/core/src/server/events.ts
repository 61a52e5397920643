import { and, asc, eq, inArray, lt, lte, notExists, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { Webhook } from "standardwebhooks";
import type { EventType } from "../policy";
import { OrgkitConfigError } from "./config-error";
import type { OrgkitContext } from "./context";
import { failureNote, faultCodes } from "./faults";
import type { DeliveryReport } from "./outbox-delivery";
import { auditEvents, eventConsumers, eventDeliveries, members } from "./schema";

/** An event as the host's `onEvent` and webhook endpoints receive it. */
export type OrgkitEvent = {
  /** Stable across retries and consumers (a webhook's `webhook-id`): deduplicate on it. */
  id: string;
  type: EventType;
  organizationId: string;
  occurredAt: Date;
  /** The account that made the change; null for one made by orgkit itself. */
  actor: { userId: string | null };
  /** What changed: a member (with its account), an invitation, a transfer or the organization. */
  target: { type: string; id: string; label: string; userId: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** A webhook endpoint the host configures: events are POSTed and signed (Standard Webhooks). */
export type WebhookEndpoint = {
  /** A stable name, e.g. "crm": the delivery log is kept per name. Letters, digits, `-`, `_`. */
  name: string;
  /** Where events are POSTed, `https://` (or `http://` for local development). */
  url: string;
  /** The signing secret: `whsec_` and the base64 of 24 to 64 random bytes (Standard Webhooks). */
  secret: string;
  /** The event types it receives. Default: all. */
  eventTypes?: readonly EventType[];
};

export type EventDeliveryOptions = {
  /** The host's in-process subscriber (consumer "host"); throw to have the event retried. */
  onEvent?: (event: OrgkitEvent) => Promise<void> | void;
  webhooks?: readonly WebhookEndpoint[];
  /** Attempts before a delivery is dead-lettered (the queue behind it then moves on). Default 8. */
  maxAttempts?: number;
  /** First retry delay in milliseconds, doubling, capped at one hour. Default 30 000. */
  backoffMs?: number;
  /** Milliseconds a claimed delivery stays with its worker. Default 120 000. */
  leaseMs?: number;
  /** Milliseconds a webhook endpoint has to answer. Default 10 000. */
  timeoutMs?: number;
  batchSize?: number;
  /** The HTTP client for webhooks (tests pass their own). Default: global fetch. */
  fetch?: typeof fetch;
  /**
   * Told of every failed attempt, besides the delivery log. Default: one `console.error` line
   * with the delivery's id, consumer, event type, attempt and outcome.
   */
  onFailure?: (failure: EventDeliveryFailure) => void;
};

/** One failed attempt to deliver an event: `dead` means the queue behind it moves on. */
export type EventDeliveryFailure = {
  id: number;
  consumer: string;
  eventType: string;
  attempt: number;
  outcome: "retrying" | "dead";
  status: number | null;
};

function logEventFailure(failure: EventDeliveryFailure): void {
  console.error("[orgkit] event delivery failed (see event_deliveries.last_error)", failure);
}

const HOST = "host";
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/**
 * Records who receives events from now on: the host's `onEvent` (when `host` is true) and
 * each webhook endpoint, enabled. Call it at start, with the same configuration on every
 * instance. It never disables a consumer it does not list: an instance started with an old
 * or partial configuration must not stop the others' deliveries. Stop one on purpose with
 * `disableEventConsumer`.
 *
 * @throws OrgkitConfigError for a bad endpoint name, URL or secret.
 * @example await syncEventConsumers(ctx, { host: true, webhooks: [{ name: "crm", url, secret }] });
 */
export async function syncEventConsumers(
  ctx: OrgkitContext,
  consumers: { host: boolean; webhooks?: readonly WebhookEndpoint[] },
): Promise<void> {
  const webhooks = consumers.webhooks ?? [];
  for (const endpoint of webhooks) checkEndpoint(endpoint);
  const rows = [
    ...(consumers.host ? [{ name: HOST, url: null, eventTypes: null }] : []),
    ...webhooks.map((e) => ({
      name: e.name,
      url: e.url,
      eventTypes: e.eventTypes ? [...e.eventTypes] : null,
    })),
  ];
  if (rows.length === 0) return;
  await ctx.db
    .insert(eventConsumers)
    .values(rows.map((row) => ({ ...row, enabled: true })))
    .onConflictDoUpdate({
      target: eventConsumers.name,
      set: {
        url: sql`excluded.url`,
        eventTypes: sql`excluded.event_types`,
        enabled: true,
      },
    });
}

/**
 * Stops publishing to a consumer (`"host"` or an endpoint's name): events from now on get
 * no delivery for it; its log and pending deliveries stay (they are still delivered).
 *
 * @example await disableEventConsumer(ctx, "crm");
 */
export async function disableEventConsumer(ctx: OrgkitContext, name: string): Promise<void> {
  await ctx.db.update(eventConsumers).set({ enabled: false }).where(eq(eventConsumers.name, name));
}

function checkEndpoint(endpoint: WebhookEndpoint): void {
  if (!NAME.test(endpoint.name) || endpoint.name === HOST) {
    throw new OrgkitConfigError(
      `webhook name "${endpoint.name}" must be 1–64 letters, digits, - or _ (not "host")`,
    );
  }
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    throw new OrgkitConfigError(`webhook "${endpoint.name}" needs an http(s) URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new OrgkitConfigError(`webhook "${endpoint.name}" needs an http(s) URL`);
  }
  // fetch refuses them, and the endpoint's log would show them: put tokens in a header or path.
  if (url.username || url.password) {
    throw new OrgkitConfigError(`webhook "${endpoint.name}" URL must not carry a user or password`);
  }
  // Standard Webhooks: "whsec_" and 24 to 64 random bytes in base64.
  const key = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(endpoint.secret)?.[1];
  const bytes = key ? Buffer.from(key, "base64").length : 0;
  if (bytes < 24 || bytes > 64) {
    throw new OrgkitConfigError(
      `webhook "${endpoint.name}" needs a secret like whsec_<base64 of 24 to 64 random bytes>`,
    );
  }
}

type Claimed = typeof eventDeliveries.$inferSelect;

/**
 * Delivers due events, in order per consumer and organization: only the oldest pending
 * delivery of each queue is claimed (`FOR UPDATE SKIP LOCKED`, with a lease), so a failing
 * endpoint holds back its own later events until it recovers or the event is dead-lettered.
 * At least once: a consumer deduplicates on `event.id`.
 *
 * @returns `{ sent, retrying, dead }` for this pass.
 * @example await deliverDueEvents(ctx, { onEvent: async (event) => console.info(event.type) });
 */
export async function deliverDueEvents(
  ctx: OrgkitContext,
  options: EventDeliveryOptions,
): Promise<DeliveryReport> {
  const now = ctx.now();
  // Aliased on both sides: drizzle leaves a one-table select's columns bare, which the
  // subquery would read as its own.
  const head = alias(eventDeliveries, "head");
  const earlier = alias(eventDeliveries, "earlier");
  const due = ctx.db
    .select({ id: head.id })
    .from(head)
    .where(
      and(
        eq(head.status, "PENDING"),
        lte(head.nextAttemptAt, now),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.consumer, head.consumer),
                eq(earlier.organizationId, head.organizationId),
                eq(earlier.status, "PENDING"),
                lt(earlier.id, head.id),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(head.id))
    .limit(options.batchSize ?? 20)
    .for("update", { skipLocked: true });
  const claimed = await ctx.db
    .update(eventDeliveries)
    .set({
      attempts: sql`${eventDeliveries.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + (options.leaseMs ?? 120_000)),
    })
    .where(inArray(eventDeliveries.id, due))
    .returning();
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
  if (claimed.length === 0) return report;
  const events = await readEvents(
    ctx,
    claimed.map((row) => row.auditEventId),
  );
  for (const row of claimed.sort((a, b) => a.id - b.id)) {
    const event = events.get(row.auditEventId);
    const outcome = await deliverOne(ctx, row, event, options);
    if (outcome) report[outcome] += 1;
  }
  return report;
}

async function readEvents(ctx: OrgkitContext, ids: number[]): Promise<Map<number, OrgkitEvent>> {
  const rows = await ctx.db
    .select({
      auditId: auditEvents.id,
      id: auditEvents.eventId,
      action: auditEvents.action,
      type: sql<EventType>`orgkit_event_type(${auditEvents.action})`,
      organizationId: auditEvents.organizationId,
      occurredAt: auditEvents.createdAt,
      actorUserId: auditEvents.actorUserId,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetLabel: auditEvents.targetLabel,
      targetUserId: members.userId,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(
      members,
      and(eq(auditEvents.targetType, "member"), eq(members.id, auditEvents.targetId)),
    )
    .where(inArray(auditEvents.id, ids));
  return new Map(
    rows.map((row) => [
      row.auditId,
      {
        id: row.id,
        type: row.type,
        organizationId: row.organizationId,
        occurredAt: row.occurredAt,
        actor: { userId: row.actorUserId },
        target: {
          type: row.targetType,
          id: row.targetId,
          label: row.targetLabel,
          userId: row.targetUserId,
        },
        before: row.before,
        after: row.after,
      },
    ]),
  );
}

async function deliverOne(
  ctx: OrgkitContext,
  row: Claimed,
  event: OrgkitEvent | undefined,
  options: EventDeliveryOptions,
): Promise<keyof DeliveryReport | null> {
  const claim = and(
    eq(eventDeliveries.id, row.id),
    eq(eventDeliveries.attempts, row.attempts),
    eq(eventDeliveries.status, "PENDING"),
  );
  // The lease is renewed right before this delivery, not once for the batch: a batch of slow
  // endpoints must not outlive its claim and be sent twice by another worker.
  const renewed = await ctx.db
    .update(eventDeliveries)
    .set({ nextAttemptAt: new Date(ctx.now().getTime() + (options.leaseMs ?? 120_000)) })
    .where(claim)
    .returning({ id: eventDeliveries.id });
  if (renewed.length === 0) return null;
  let status: number | null = null;
  try {
    if (!event) throw new Error("the event's audit record is gone");
    if (row.consumer === HOST) {
      if (!options.onEvent) throw new Error("no onEvent subscriber in this process");
      await options.onEvent(event);
    } else {
      const endpoint = options.webhooks?.find((e) => e.name === row.consumer);
      if (!endpoint) throw new Error(`no webhook endpoint "${row.consumer}" in this process`);
      status = await postWebhook(endpoint, event, options);
    }
  } catch (error) {
    return fail(ctx, claim, row, error, status, options);
  }
  await ctx.db
    .update(eventDeliveries)
    .set({ status: "SENT", deliveredAt: ctx.now(), lastError: null, lastStatus: status })
    .where(claim);
  return "sent";
}

/** POSTs one event, signed; resolves with the 2xx status, else throws (to retry). */
async function postWebhook(
  endpoint: WebhookEndpoint,
  event: OrgkitEvent,
  options: EventDeliveryOptions,
): Promise<number> {
  const body = JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      organizationId: event.organizationId,
      actor: event.actor,
      target: event.target,
      before: event.before,
      after: event.after,
    },
  });
  const messageId = `evt_${event.id}`;
  const sentAt = new Date();
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "orgkit-webhooks",
        "webhook-id": messageId,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": new Webhook(endpoint.secret).sign(messageId, sentAt, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    // Never the error's own message: fetch's may quote the URL, and the log is read by admins.
    const { error: kind, code } = faultCodes(error);
    throw new Error(`no answer from the endpoint (${code ?? kind})`);
  }
  // The answer's body is not read: an endpoint's reply is not ours to store.
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299) {
    throw Object.assign(new Error(`the endpoint answered ${response.status}`), {
      status: response.status,
    });
  }
  return response.status;
}

async function fail(
  ctx: OrgkitContext,
  claim: SQL | undefined,
  row: Claimed,
  error: unknown,
  status: number | null,
  options: EventDeliveryOptions,
): Promise<keyof DeliveryReport> {
  const lastError = failureNote(error);
  const lastStatus = (error as { status?: number }).status ?? status;
  const dead = row.attempts >= (options.maxAttempts ?? 8);
  if (dead) {
    await ctx.db
      .update(eventDeliveries)
      .set({ status: "DEAD", lastError, lastStatus })
      .where(claim);
  } else {
    const base = Math.min((options.backoffMs ?? 30_000) * 2 ** (row.attempts - 1), 3_600_000);
    await ctx.db
      .update(eventDeliveries)
      .set({ lastError, lastStatus, nextAttemptAt: new Date(ctx.now().getTime() + base) })
      .where(claim);
  }
  const outcome = dead ? "dead" : "retrying";
  try {
    (options.onFailure ?? logEventFailure)({
      id: row.id,
      consumer: row.consumer,
      eventType: row.eventType,
      attempt: row.attempts,
      outcome,
      status: lastStatus,
    });
  } catch {
    // A host's reporting fault must not stop delivery: the log row already says it.
  }
  return outcome;
}
