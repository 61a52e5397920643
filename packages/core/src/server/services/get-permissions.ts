import { and, eq, inArray, sql } from "drizzle-orm";
import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  actorIsActiveMember,
  actorIsOwner,
  type Decision,
  decide,
  decideRemoval,
  decideResend,
  decideRevoke,
  decideRoleChange,
  decideTransfer,
  decideTransferCancellation,
  decideUserManagement,
  invitationStatus,
} from "../../policy";
import type { OrgkitContext } from "../context";
import { resendConflicts } from "../invite-conflicts";
import { currentMembershipId } from "../membership";
import { facts, readMembers } from "../organization-lock";
import { invitations, members, ownershipTransfers } from "../schema";

export type MemberActions = {
  /** Whether any role change is possible, and why not. */
  changeRole: Decision;
  /** One decision per role the selector offers. */
  roles: Record<AssignableRole, Decision>;
  remove: Decision;
  transferOwnership: Decision;
};

export type InvitationActions = { resend: Decision; revoke: Decision };

export type Permissions = {
  userManagement: Decision;
  invite: Decision;
  transferOwnership: Decision;
  cancelTransfer: Decision;
  members: Record<string, MemberActions>;
  invitations: Record<string, InvitationActions>;
};

/**
 * What the caller may do to each listed member and invitation, with the reason for
 * every refusal (R29). The UI renders these; the server enforces the same decisions.
 */
export async function getPermissions(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { memberIds?: string[]; invitationIds?: string[] } = {},
): Promise<Permissions> {
  const [own] = await ctx.db
    .select({ organizationId: members.organizationId })
    .from(members)
    .where(sql`${members.id} = ${currentMembershipId(actorUserId)}`);
  const snapshot = own
    ? await readMembers(ctx.db, own.organizationId, actorUserId, input.memberIds ?? [])
    : null;
  const actor = snapshot?.actor ?? null;
  const userManagement = decideUserManagement(actor);
  const transferOwnership = decide([actorIsActiveMember, actorIsOwner], { actor });
  const result: Permissions = {
    userManagement,
    invite: userManagement,
    transferOwnership,
    cancelTransfer: transferOwnership,
    members: {},
    invitations: {},
  };
  if (!own || !snapshot || !userManagement.allowed) return result;

  const hasPending = await ctx.db
    .select({ id: ownershipTransfers.id })
    .from(ownershipTransfers)
    .where(
      and(
        eq(ownershipTransfers.organizationId, own.organizationId),
        eq(ownershipTransfers.status, "PENDING"),
      ),
    );
  result.cancelTransfer = decideTransferCancellation({
    actor,
    hasPendingTransfer: hasPending.length > 0,
  });

  const { activeAdminLikeCount } = snapshot;
  for (const row of snapshot.targets.values()) {
    const target = facts(row);
    const base = { actor, target, activeAdminLikeCount };
    const roles = Object.fromEntries(
      ASSIGNABLE_ROLES.map((role) => [role, decideRoleChange({ ...base, newRole: role })]),
    ) as Record<AssignableRole, Decision>;
    result.members[row.id] = {
      changeRole: decideRoleChange(base),
      roles,
      remove: decideRemoval(base),
      transferOwnership: decideTransfer({ actor, target }),
    };
  }

  const ids = input.invitationIds ?? [];
  if (ids.length === 0) return result;
  const now = ctx.now();
  const rows = await ctx.db
    .select({
      id: invitations.id,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      ...resendConflicts(now),
    })
    .from(invitations)
    .where(and(eq(invitations.organizationId, own.organizationId), inArray(invitations.id, ids)));
  for (const row of rows) {
    const status = invitationStatus(row, now);
    result.invitations[row.id] = {
      resend: decideResend({ ...row, actor, status }),
      revoke: decideRevoke({ actor, status }),
    };
  }
  return result;
}
