import { and, desc, eq, ilike, lt, or, sql } from "drizzle-orm";
import { type AuditAction, checkText } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { decodeCursor, encodeCursor, escapeLike, pageSize } from "../pagination";
import { auditEvents, members, users } from "../schema";
import { requireManager } from "./read-access";

export type ListAuditEventsInput = {
  /** Only this action. */
  action?: AuditAction;
  /** Events whose actor (username or email) or target matches, anywhere, without regard to case. */
  member?: string;
  cursor?: string;
  limit?: number;
};

/**
 * R32: the audit log, newest first, for admins, with each actor's username in the
 * organization (as they were last known there) beside their email.
 *
 * @throws OrgkitError ADMIN_ACCESS_REQUIRED (or why user management is refused) for a non-manager.
 * @example const { items } = await listAuditEvents(ctx, userId, { action: "member.removed" });
 */
export async function listAuditEvents(
  ctx: OrgkitContext,
  actorUserId: string,
  input: ListAuditEventsInput = {},
) {
  const { organizationId } = await requireManager(ctx, actorUserId);
  const limit = pageSize(input.limit);
  const after = decodeCursor(input.cursor, ["integer"]);
  const actorUsername = sql<
    string | null
  >`(select actor.username from ${members} actor where actor.user_id = ${auditEvents.actorUserId} and actor.organization_id = ${auditEvents.organizationId} order by actor.created_at desc limit 1)`;
  const member = input.member?.trim();
  if (member) enforce(checkText(member));
  const pattern = member ? `%${escapeLike(member)}%` : null;
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorUserId: auditEvents.actorUserId,
      actorEmail: users.email,
      actorUsername,
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
        input.action ? eq(auditEvents.action, input.action) : undefined,
        pattern
          ? or(
              ilike(auditEvents.targetLabel, pattern),
              ilike(users.email, pattern),
              sql`${actorUsername} ilike ${pattern}`,
              // A target named by username is found by its email too.
              sql`exists (select 1 from ${members} target join ${users} target_user on target_user.id = target.user_id where target.organization_id = ${auditEvents.organizationId} and lower(target.username) = lower(${auditEvents.targetLabel}) and target_user.email ilike ${pattern})`,
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}
