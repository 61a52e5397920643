import { and, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import {
  checkText,
  type InvitationRole,
  type InvitationStatus,
  invitationStatus,
} from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { resendConflicts } from "../invite-conflicts";
import { cappedCount, decodeCursor, encodeCursor, escapeLike, pageSize } from "../pagination";
import { invitationActions } from "../row-actions";
import { emailOutbox, invitations, type OutboxStatus } from "../schema";
import { requireManager } from "./read-access";

export type ListInvitationsInput = {
  /** PENDING (the default) lists pending and expired invitations; ALL lists every one. */
  scope?: "PENDING" | "ALL";
  /** Matches the email or the username, anywhere, without regard to case. */
  search?: string;
  role?: InvitationRole;
  cursor?: string;
  limit?: number;
};

/**
 * Pending invitations with email, username, role, status and expiry (R30), newest first,
 * by keyset. Each item carries the caller's Resend and Revoke decisions (R29), from the
 * conflicts its own row read. The first page (no cursor) also counts every match, up to
 * `COUNT_CAP + 1` (more means "10,000+").
 *
 * @returns `{ items, nextCursor, total }`; `total` is null on later pages.
 * @throws OrgkitError ADMIN_ACCESS_REQUIRED (or why user management is refused) for a non-manager.
 * @example const { items, total } = await listInvitations(ctx, userId, { search: "ada" });
 */
export async function listInvitations(
  ctx: OrgkitContext,
  actorUserId: string,
  input: ListInvitationsInput = {},
) {
  const { organizationId, actor } = await requireManager(ctx, actorUserId);
  const limit = pageSize(input.limit);
  const after = decodeCursor(input.cursor, ["time", "text"]);
  const filters: (SQL | undefined)[] = [eq(invitations.organizationId, organizationId)];
  if ((input.scope ?? "PENDING") === "PENDING") filters.push(eq(invitations.status, "PENDING"));
  if (input.role) filters.push(eq(invitations.role, input.role));
  const search = input.search?.trim();
  if (search) {
    enforce(checkText(search));
    const pattern = `%${escapeLike(search)}%`;
    filters.push(or(ilike(invitations.email, pattern), ilike(invitations.username, pattern)));
  }
  // Every match, counted on the first page only, before the cursor narrows the filters; in the
  // page's order, so a small organization's count walks the index (see listMembers).
  const total = after
    ? sql<number>`0`
    : cappedCount(
        ctx.db
          .select({ one: sql`1` })
          .from(invitations)
          .where(and(...filters))
          .orderBy(desc(invitations.createdAt), desc(invitations.id)),
      );
  if (after) {
    const [createdAt, id] = [new Date(after[0]), after[1]];
    filters.push(
      or(
        lt(invitations.createdAt, createdAt),
        and(eq(invitations.createdAt, createdAt), lt(invitations.id, id)),
      ),
    );
  }
  const rows = await ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      username: invitations.username,
      role: invitations.role,
      status: invitations.status,
      createdAt: invitations.createdAt,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
      /** The newest email's delivery: PENDING, SENT or DEAD (failed for good). */
      // Qualified by hand: drizzle leaves single-table columns bare, which the subquery would capture.
      emailStatus: sql<OutboxStatus | null>`(select o.status from ${emailOutbox} o where o.subject_id = ${invitations}.id order by o.id desc limit 1)`,
      ...resendConflicts(ctx.now()),
      total,
    })
    .from(invitations)
    .where(and(...filters))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1);
  const now = ctx.now();
  const items = rows
    .slice(0, limit)
    .map(({ emailRegistered, emailInvited, usernameTaken, total: _total, ...row }) => {
      const status = invitationStatus(row, now) as InvitationStatus;
      return {
        ...row,
        status,
        actions: invitationActions(actor, { status, emailRegistered, emailInvited, usernameTaken }),
      };
    });
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.createdAt.getTime(), last.id]) : null,
    total: after ? null : (rows[0]?.total ?? 0),
  };
}
