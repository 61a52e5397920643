import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { decideMembership, decideUserManagement } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { currentMembershipId, memberFactColumns } from "../membership";
import { cappedCount, countedMembers } from "../pagination";
import { invitations, members, organizations, ownershipTransfers, users } from "../schema";
import { seatsUsed } from "../seats";
import { readPendingDeletion } from "./delete-organization";

const target = alias(members, "target");

/**
 * Personal mode (null) or the caller's organization and role; refuses removed members (R25).
 * For an admin-like caller, also the pending transfer (and for the owner, a pending deletion)
 * and the counts User management's tabs
 * show (active members, removed members, pending invitations including expired ones).
 */
export async function getMyOrganization(ctx: OrgkitContext, actorUserId: string) {
  const [row] = await ctx.db
    .select({
      organization: { id: organizations.id, name: organizations.name },
      member: { ...memberFactColumns, username: members.username },
      email: users.email,
    })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .innerJoin(users, eq(users.id, members.userId))
    .where(sql`${members.id} = ${currentMembershipId(actorUserId)}`);
  // A removed member is back in personal mode (R7): they may activate or accept again.
  if (!row || row.member.status === "REMOVED") return null;
  enforce(decideMembership(row.member));
  const canManage = decideUserManagement(row.member).allowed;
  const [pendingTransfer, counts, pendingDeletion] = canManage
    ? await Promise.all([
        readPendingTransfer(ctx, row.organization.id),
        readCounts(ctx, row.organization.id),
        row.member.role === "OWNER" ? readPendingDeletion(ctx, row.organization.id) : null,
      ])
    : [null, null, null];
  return {
    organization: row.organization,
    member: {
      id: row.member.id,
      username: row.member.username,
      role: row.member.role,
      status: row.member.status,
      email: row.email,
    },
    pendingTransfer,
    /** The owner's pending deletion: where its link went and when it expires. */
    pendingDeletion,
    counts,
  };
}

/**
 * How many active members, removed members and pending invitations, in one statement, each
 * up to `COUNT_CAP + 1` (more means "10,000+"), so the cost does not grow with the organization
 * (members from the counts the database keeps).
 */
async function readCounts(ctx: OrgkitContext, organizationId: string) {
  const count = (table: typeof invitations, status: string) =>
    cappedCount(
      ctx.db
        .select({ one: sql`1` })
        .from(table)
        .where(and(eq(table.organizationId, organizationId), sql`${table.status} = ${status}`)),
    );
  const [row] = await ctx.db
    .select({
      members: countedMembers(organizationId, { status: "ACTIVE" }),
      removed: countedMembers(organizationId, { status: "REMOVED" }),
      pendingInvitations: count(invitations, "PENDING"),
      seatLimit: organizations.seatLimit,
      // Counted only when there is a limit to show it against.
      seatsUsed: seatsUsed(organizationId, ctx.now()),
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) return { members: 0, removed: 0, pendingInvitations: 0, seats: null };
  const { seatLimit, seatsUsed: used, ...counts } = row;
  return { ...counts, seats: seatLimit === null ? null : { used: used ?? 0, limit: seatLimit } };
}

/** R24: the pending transfer, its target and where the confirmation was sent. */
async function readPendingTransfer(ctx: OrgkitContext, organizationId: string) {
  const [pending] = await ctx.db
    .select({
      id: ownershipTransfers.id,
      targetMemberId: ownershipTransfers.toMemberId,
      targetUsername: target.username,
      sentTo: ownershipTransfers.sentTo,
      expiresAt: ownershipTransfers.expiresAt,
    })
    .from(ownershipTransfers)
    .innerJoin(target, eq(target.id, ownershipTransfers.toMemberId))
    .where(
      and(
        eq(ownershipTransfers.organizationId, organizationId),
        eq(ownershipTransfers.status, "PENDING"),
      ),
    );
  if (!pending) return null;
  return { ...pending, expired: pending.expiresAt.getTime() <= ctx.now().getTime() };
}
