import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { PolicyError } from "../../policy";
import { appendAudit } from "../audit-log";
import type { OrgkitContext } from "../context";
import { eventConsumers, eventDeliveries } from "../schema";
import { requireManager } from "./read-access";

/**
 * An admin sends a dead-lettered webhook delivery again (after fixing the endpoint): it is
 * PENDING once more with fresh attempts, delivered by the next worker pass with the same
 * event id (so a receiver that saw it deduplicates), and the request is audited as
 * `webhook.redelivered`. As the oldest pending event of its queue, it goes before later
 * events still waiting; those already delivered are not sent again.
 *
 * @param input `{ deliveryId }` from `listEventDeliveries`.
 * @returns `{ deliveryId }`.
 * @throws PolicyError ADMIN_ACCESS_REQUIRED (R3); NOT_FOUND for a delivery of another
 *   organization or of the host's own subscriber (R34); DELIVERY_NOT_DEAD unless it failed
 *   for good.
 * @example await redeliverEvent(ctx, userId, { deliveryId: 42 });
 */
export async function redeliverEvent(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { deliveryId: number },
) {
  const { organizationId } = await requireManager(ctx, actorUserId);
  return ctx.db.transaction(async (tx) => {
    const mine = and(
      eq(eventDeliveries.id, input.deliveryId),
      eq(eventDeliveries.organizationId, organizationId),
      // Webhook endpoints only, as the log lists them.
      inArray(
        eventDeliveries.consumer,
        tx
          .select({ name: eventConsumers.name })
          .from(eventConsumers)
          .where(isNotNull(eventConsumers.url)),
      ),
    );
    const now = ctx.now();
    const [row] = await tx
      .update(eventDeliveries)
      .set({ status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: null })
      .where(and(mine, eq(eventDeliveries.status, "DEAD")))
      .returning({ consumer: eventDeliveries.consumer, eventType: eventDeliveries.eventType });
    if (!row) {
      const [found] = await tx.select({ id: eventDeliveries.id }).from(eventDeliveries).where(mine);
      throw new PolicyError(found ? "DELIVERY_NOT_DEAD" : "NOT_FOUND");
    }
    await appendAudit(tx, {
      organizationId,
      actorUserId,
      action: "webhook.redelivered",
      targetType: "event_delivery",
      targetId: String(input.deliveryId),
      targetLabel: `${row.eventType} to ${row.consumer}`,
      at: now,
    });
    return { deliveryId: input.deliveryId };
  });
}
