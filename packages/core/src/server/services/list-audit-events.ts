import { and, desc, eq, lt } from "drizzle-orm";
import type { OrgkitContext } from "../context";
import { decodeCursor, encodeCursor, pageSize } from "../pagination";
import { auditEvents, users } from "../schema";
import { requireManager } from "./read-access";

/** R32: the audit log, newest first, for admins. */
export async function listAuditEvents(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { cursor?: string; limit?: number } = {},
) {
  const { organizationId } = await requireManager(ctx, actorUserId);
  const limit = pageSize(input.limit);
  const after = decodeCursor(input.cursor, ["integer"]);
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorUserId: auditEvents.actorUserId,
      actorEmail: users.email,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetLabel: auditEvents.targetLabel,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        after ? lt(auditEvents.id, after[0]) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}
