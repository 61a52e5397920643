import { and, eq, inArray, lt, notExists, sql } from "drizzle-orm";
import { closeAuditDoor, openAuditDoor } from "../audit-maintenance";
import type { OrgkitContext } from "../context";
import { auditEvents, eventDeliveries, organizations } from "../schema";

const DAY_MS = 86_400_000;

/**
 * The retention job: deletes each organization's audit events older than its
 * `audit_retention_days` (default 400), with their event deliveries, in batches, and records
 * one `audit.pruned` event per batch it deleted, in that batch's transaction. It is the only writer the append-only
 * trigger lets delete (R32): each batch's transaction opens that door for itself alone.
 * Events still owed to an event consumer are kept until delivered. Run it daily: from your
 * cron route, or `npx orgkit prune-audit` from a scheduler.
 *
 * @param options.batchSize events deleted per transaction. Default 5 000.
 * @returns `{ deleted }`, events deleted in all.
 * @example await pruneAuditLog(ctx); // { deleted: 1234 }
 */
export async function pruneAuditLog(
  ctx: OrgkitContext,
  options: { batchSize?: number } = {},
): Promise<{ deleted: number }> {
  const now = ctx.now();
  const batchSize = options.batchSize ?? 5_000;
  const retained = await ctx.db
    .select({ id: organizations.id, days: organizations.auditRetentionDays })
    .from(organizations);
  let deleted = 0;
  for (const organization of retained) {
    const cutoff = new Date(now.getTime() - organization.days * DAY_MS);
    for (;;) {
      const count = await ctx.db.transaction(async (tx) => {
        const old = await tx
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.organizationId, organization.id),
              lt(auditEvents.createdAt, cutoff),
              // An event still owed to a consumer waits for its delivery (at least once).
              notExists(
                tx
                  .select({ one: sql`1` })
                  .from(eventDeliveries)
                  .where(
                    and(
                      eq(eventDeliveries.auditEventId, auditEvents.id),
                      eq(eventDeliveries.status, "PENDING"),
                    ),
                  ),
              ),
            ),
          )
          .orderBy(auditEvents.id)
          .limit(batchSize);
        if (old.length === 0) return 0;
        const ids = old.map((row) => row.id);
        await openAuditDoor(tx, "retention");
        await tx.delete(eventDeliveries).where(inArray(eventDeliveries.auditEventId, ids));
        await tx.delete(auditEvents).where(inArray(auditEvents.id, ids));
        await closeAuditDoor(tx);
        // Said in the same transaction: the log never loses events without saying so.
        await tx.insert(auditEvents).values({
          organizationId: organization.id,
          actorUserId: null,
          action: "audit.pruned",
          targetType: "organization",
          targetId: organization.id,
          targetLabel: "audit log",
          after: {
            deleted: ids.length,
            before: cutoff.toISOString(),
            retentionDays: organization.days,
          },
          createdAt: now,
        });
        return ids.length;
      });
      deleted += count;
      if (count < batchSize) break;
    }
  }
  return { deleted };
}

/**
 * Sets how many days an organization's audit log is kept (1 to 36 500). A host decision (a
 * plan, a contract), so a host function, not an admin action.
 *
 * @throws the database's check violation for a value out of range.
 * @example await setAuditRetention(ctx, organizationId, 730);
 */
export async function setAuditRetention(
  ctx: OrgkitContext,
  organizationId: string,
  days: number,
): Promise<void> {
  await ctx.db
    .update(organizations)
    .set({ auditRetentionDays: days })
    .where(eq(organizations.id, organizationId));
}
