import { and, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { OrgkitContext } from "../context";
import { decodeCursor, encodeCursor, pageSize } from "../pagination";
import { auditEvents, eventConsumers, eventDeliveries } from "../schema";
import { requireManager } from "./read-access";

export type ListEventDeliveriesInput = {
  /** One webhook endpoint's log, by name. Default: every endpoint's. */
  endpoint?: string;
  cursor?: string;
  limit?: number;
};

/**
 * The webhook delivery log of the caller's organization, newest first, by keyset: each
 * event's endpoint, type, status (PENDING, SENT, DEAD), attempts, the endpoint's last HTTP
 * status and, while failing, why; `waitingBehind` marks a pending event held back by an
 * earlier one of its queue that has not been delivered yet. Also the endpoints themselves (names only: a URL may carry
 * a token). The host's own `onEvent` deliveries are not listed.
 *
 * @returns `{ endpoints, items, nextCursor }`.
 * @throws OrgkitError ADMIN_ACCESS_REQUIRED for a non-manager (R3).
 * @example const { items } = await listEventDeliveries(ctx, userId, { endpoint: "crm" });
 */
export async function listEventDeliveries(
  ctx: OrgkitContext,
  actorUserId: string,
  input: ListEventDeliveriesInput = {},
) {
  const { organizationId } = await requireManager(ctx, actorUserId);
  const limit = pageSize(input.limit);
  const after = decodeCursor(input.cursor, ["integer"]);
  const endpoints = await ctx.db
    .select({ name: eventConsumers.name, enabled: eventConsumers.enabled })
    .from(eventConsumers)
    .where(isNotNull(eventConsumers.url))
    .orderBy(eventConsumers.name);
  const rows = await ctx.db
    .select({
      id: eventDeliveries.id,
      endpoint: eventDeliveries.consumer,
      eventId: auditEvents.eventId,
      eventType: eventDeliveries.eventType,
      status: eventDeliveries.status,
      attempts: eventDeliveries.attempts,
      lastStatus: eventDeliveries.lastStatus,
      lastError: eventDeliveries.lastError,
      createdAt: eventDeliveries.createdAt,
      deliveredAt: eventDeliveries.deliveredAt,
      // Delivery is in order per endpoint and organization: a pending event behind an earlier
      // pending one waits for it (through the partial index of the queue).
      waitingBehind: sql<boolean>`${eventDeliveries.status} = 'PENDING' and exists (select 1 from ${eventDeliveries} as ahead where ahead.consumer = ${eventDeliveries.consumer} and ahead.organization_id = ${eventDeliveries.organizationId} and ahead.status = 'PENDING' and ahead.id < ${eventDeliveries.id})`,
    })
    .from(eventDeliveries)
    .innerJoin(auditEvents, eq(auditEvents.id, eventDeliveries.auditEventId))
    .innerJoin(eventConsumers, eq(eventConsumers.name, eventDeliveries.consumer))
    .where(
      and(
        eq(eventDeliveries.organizationId, organizationId),
        isNotNull(eventConsumers.url),
        input.endpoint ? eq(eventDeliveries.consumer, input.endpoint) : undefined,
        after ? lt(eventDeliveries.id, after[0]) : undefined,
      ),
    )
    .orderBy(desc(eventDeliveries.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ lastError, ...row }) => ({
    ...row,
    // Why it failed, while it does; nothing once it was delivered.
    lastError: row.status === "SENT" ? null : lastError,
  }));
  const last = items.at(-1);
  return {
    endpoints,
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}
