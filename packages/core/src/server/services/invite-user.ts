import { and, eq, sql } from "drizzle-orm";
import { shippedLocale } from "../../messages/locales";
import {
  decideInvite,
  INVITATION_TTL_MS,
  type InvitationRole,
  normalizeEmail,
  normalizeUsername,
  PolicyError,
} from "../../policy";
import type { OrgkitContext } from "../context";
import type { Queryable, Tx } from "../db";
import { enforce } from "../guard";
import { inviteConflicts } from "../invite-conflicts";
import { currentMembershipId, memberFactColumns } from "../membership";
import { inOrganization, type LockedOrganization } from "../organization-lock";
import { spendInviteBudget } from "../rate-limit";
import { recordChange } from "../record-change";
import { invitations, members, organizations } from "../schema";
import { seatsUsed } from "../seats";
import { newToken } from "../tokens";
import { invitationEmail } from "./invitation-email";

/**
 * The inviter and R9–R10's facts in one read: is the email registered or invited here, is the
 * username taken in the organization (active members and pending, unexpired invitations)?
 */
export async function readInvite(
  tx: Queryable,
  organizationId: string,
  actorUserId: string,
  email: string,
  username: string,
  now: Date,
) {
  const [row] = await tx
    .select({
      actor: { ...memberFactColumns, username: members.username },
      ...inviteConflicts({ organizationId, email, username, now }),
      seatLimit: organizations.seatLimit,
      seatsUsed: seatsUsed(organizationId, now),
    })
    .from(organizations)
    .leftJoin(
      members,
      and(
        eq(members.organizationId, organizations.id),
        sql`${members.id} = ${currentMembershipId(actorUserId)}`,
      ),
    )
    .where(eq(organizations.id, organizationId));
  if (!row) throw new Error("orgkit: organization vanished under its lock");
  return row;
}

/**
 * R8–R11: invite a person; the email is queued in the same transaction (R38).
 * @param input `locale` is the invitee's language for this invitation's emails (`"de"`,
 *   `"de-CH"`); an unshipped one, or none, is English.
 */
export function inviteUser(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { email: string; username: string; role: InvitationRole; locale?: string },
) {
  return inOrganization(ctx, actorUserId, (tx, organization) =>
    inviteInOrganization(ctx, tx, organization, actorUserId, input),
  );
}

/**
 * One invitation inside a transaction that holds the organization's lock: the policy's
 * decision (R8–R10, seats), the rate limit (R37), the row, its audit event and its queued
 * email. A refusal throws before anything is written. `budget`, when given, is what a batch
 * may still send (read once under the lock); the row refuses BULK_RATE_LIMITED past it.
 */
export async function inviteInOrganization(
  ctx: OrgkitContext,
  tx: Tx,
  organization: LockedOrganization,
  actorUserId: string,
  input: { email: string; username: string; role: string; locale?: string },
  budget?: { left: number; available: number },
) {
  const email = normalizeEmail(input.email);
  const username = normalizeUsername(input.username);
  const now = ctx.now();
  const {
    actor,
    seatLimit,
    seatsUsed: used,
    ...conflicts
  } = await readInvite(tx, organization.id, actorUserId, email, username, now);
  const seats = { used, limit: seatLimit };
  enforce(decideInvite({ actor, email, username, role: input.role, seats, ...conflicts }));
  if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");
  // The policy allowed it: one of the invitation roles.
  const role = input.role as InvitationRole;
  if (budget) {
    if (budget.left <= 0)
      throw new PolicyError("BULK_RATE_LIMITED", { params: { available: budget.available } });
    budget.left -= 1;
  }
  await spendInviteBudget(ctx, tx, actorUserId, organization.id);

  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const [invitation] = await tx
    .insert(invitations)
    .values({
      organizationId: organization.id,
      email,
      username,
      role,
      tokenHash: hash,
      invitedByMemberId: actor.id,
      createdAt: now,
      sentAt: now,
      expiresAt,
      locale: shippedLocale(input.locale),
    })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error("orgkit: invitation insert returned nothing");

  await recordChange(
    tx,
    {
      organizationId: organization.id,
      actorUserId,
      action: "invitation.sent",
      targetType: "invitation",
      targetId: invitation.id,
      targetLabel: email,
      after: { email, username, role, status: "PENDING" },
      at: now,
    },
    [
      invitationEmail(
        ctx,
        {
          id: invitation.id,
          organizationId: organization.id,
          organizationName: organization.name,
          inviterUsername: actor.username,
          email,
          username,
          role,
          expiresAt,
          version: 1,
          locale: shippedLocale(input.locale),
        },
        token,
        now,
      ),
    ],
  );
  return { invitationId: invitation.id, expiresAt };
}
