import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { checkText, type MemberStatus, type Role } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { currentMembershipId } from "../membership";
import {
  cappedCount,
  countedMembers,
  decodeCursor,
  encodeCursor,
  escapeLike,
  pageSize,
} from "../pagination";
import { memberActions } from "../row-actions";
import { members, users } from "../schema";
import { requireManager } from "./read-access";

export type ListMembersInput = {
  /** Matches the username or the email, anywhere, without regard to case. */
  search?: string;
  role?: Role;
  status?: MemberStatus;
  cursor?: string;
  limit?: number;
};

/** Byte order, the same on every server locale, matching the `members_page` index. */
const byteOrder = sql`${members.username} collate "C"`;

/**
 * Organization users, by username, with keyset pagination (R30). Each item carries the
 * caller's actions on it, decided by the policy from facts read by the same statement (R29),
 * and `isYou` on the caller's own row. The first page (no cursor) also counts every match, up
 * to `COUNT_CAP + 1` (more means "10,000+").
 *
 * @returns `{ items, nextCursor, total }`; `total` is null on later pages.
 * @throws OrgkitError ADMIN_ACCESS_REQUIRED (or why user management is refused) for a non-manager.
 * @example const { items, total } = await listMembers(ctx, userId, { status: "ACTIVE", search: "ada" });
 */
export async function listMembers(
  ctx: OrgkitContext,
  actorUserId: string,
  input: ListMembersInput = {},
) {
  const limit = pageSize(input.limit);
  const after = decodeCursor(input.cursor, ["text", "text"]);
  // The caller's organization, if they may manage it: the check rides along with the page
  // query, and only an empty page asks why (one statement in the common case).
  const managed = sql`(select me.organization_id from ${members} me where me.user_id = ${actorUserId} and me.status = 'ACTIVE' and me.role in ('OWNER', 'ADMIN'))`;
  const filters: (SQL | undefined)[] = [sql`${members.organizationId} = ${managed}`];
  if (input.role) filters.push(eq(members.role, input.role));
  if (input.status) filters.push(eq(members.status, input.status));
  const search = input.search?.trim();
  // The tRPC schema refuses these first; a host calling the service directly meets the same rule.
  if (search) enforce(checkText(search));
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    filters.push(or(ilike(members.username, pattern), ilike(users.email, pattern)));
  }
  // Every match, counted on the first page only, before the cursor narrows the filters. Without
  // a search, the counts the database keeps answer; a search counts its matches in the page's
  // order: the planner cannot know how many members the caller's organization has (its id is a
  // subquery), and without an order it may scan the whole table for a small one beside large
  // ones; in order it walks the `members_page` index and stops at the cap.
  const total = after
    ? sql<number>`0`
    : search
      ? cappedCount(
          ctx.db
            .select({ one: sql`1` })
            .from(members)
            .innerJoin(users, eq(users.id, members.userId))
            .where(and(...filters))
            .orderBy(byteOrder, asc(members.id)),
        )
      : countedMembers(managed, { status: input.status, role: input.role });
  if (after) {
    const [username, id] = after;
    filters.push(sql`(${byteOrder}, ${members.id}) > (${username}, ${id})`);
  }
  // The caller and the admin-like count are uncorrelated subqueries: PostgreSQL computes
  // each once per statement, not per row.
  const me = sql`(select me.id, me.role from ${members} me where me.id = ${currentMembershipId(actorUserId)})`;
  const rows = await ctx.db
    .select({
      // No account ids: a member is addressed by membership id only (R40).
      id: members.id,
      username: members.username,
      email: users.email,
      role: members.role,
      status: members.status,
      createdAt: members.createdAt,
      removedAt: members.removedAt,
      removalReason: members.removalReason,
      actorId: sql<string>`(select caller.id from ${me} caller)`,
      actorRole: sql<Role>`(select caller.role from ${me} caller)`,
      activeAdminLikeCount: sql<number>`(select count(*)::int from ${members} admin_like where admin_like.organization_id = ${managed} and admin_like.status = 'ACTIVE' and admin_like.role in ('OWNER', 'ADMIN'))`,
      total,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(...filters))
    .orderBy(asc(byteOrder), asc(members.id))
    .limit(limit + 1);
  if (rows.length === 0) await requireManager(ctx, actorUserId);
  const items = rows
    .slice(0, limit)
    .map(({ actorId, actorRole, activeAdminLikeCount, total: _total, ...member }) => ({
      ...member,
      isYou: member.id === actorId,
      actions: memberActions(
        { id: actorId, role: actorRole, status: "ACTIVE" },
        member,
        activeAdminLikeCount,
      ),
    }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.username, last.id]) : null,
    total: after ? null : (rows[0]?.total ?? 0),
  };
}
