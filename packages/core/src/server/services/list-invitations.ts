import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { type InvitationStatus, invitationStatus } from "../../policy";
import type { OrgkitContext } from "../context";
import { decodeCursor, encodeCursor, pageSize } from "../pagination";
import { emailOutbox, invitations, type OutboxStatus } from "../schema";
import { requireManager } from "./read-access";

export type ListInvitationsInput = {
  /** PENDING (the default) lists pending and expired invitations; ALL lists every one. */
  scope?: "PENDING" | "ALL";
  cursor?: string;
  limit?: number;
};

/** Pending invitations with email, username, role, status and expiry (R30), newest first. */
export async function listInvitations(
  ctx: OrgkitContext,
  actorUserId: string,
  input: ListInvitationsInput = {},
) {
  const { organizationId } = await requireManager(ctx, actorUserId);
  const limit = pageSize(input.limit);
  const after = decodeCursor(input.cursor, ["time", "text"]);
  const filters: (SQL | undefined)[] = [eq(invitations.organizationId, organizationId)];
  if ((input.scope ?? "PENDING") === "PENDING") filters.push(eq(invitations.status, "PENDING"));
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
    })
    .from(invitations)
    .where(and(...filters))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1);
  const now = ctx.now();
  const items = rows
    .slice(0, limit)
    .map((row) => ({ ...row, status: invitationStatus(row, now) as InvitationStatus }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.createdAt.getTime(), last.id]) : null,
  };
}
