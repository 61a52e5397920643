import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  type Decision,
  decideRemoval,
  decideResend,
  decideRevoke,
  decideRoleChange,
  decideTransfer,
  type InvitationStatus,
  type MemberFacts,
} from "../policy";

/**
 * What the caller may do to one member, each with its reason code (and its numbers) when refused
 * (R29). No message travels with them: a client says the reason in its viewer's language
 * (`reasonMessage`, or orgkit's pages' catalogue), and a page of 50 members formats none.
 */
export type MemberActions = {
  /** Whether any role change is possible, and why not. */
  changeRole: Decision;
  /** One decision per role a member can be given. */
  roles: Record<AssignableRole, Decision>;
  remove: Decision;
  transferOwnership: Decision;
};

/** What the caller may do to one invitation. */
export type InvitationActions = { resend: Decision; revoke: Decision };

/**
 * The policy's decisions for one member row, from facts the row's own query read: the
 * caller, the member and the organization's active admin-like count.
 */
export function memberActions(
  actor: MemberFacts,
  target: MemberFacts,
  activeAdminLikeCount: number,
): MemberActions {
  const base = { actor, target, activeAdminLikeCount };
  const roles = Object.fromEntries(
    ASSIGNABLE_ROLES.map((role) => [role, decideRoleChange({ ...base, newRole: role })]),
  ) as Record<AssignableRole, Decision>;
  return {
    changeRole: decideRoleChange(base),
    roles,
    remove: decideRemoval(base),
    transferOwnership: decideTransfer({ actor, target }),
  };
}

/** The policy's decisions for one invitation row, with the conflicts its query read. */
export function invitationActions(
  actor: MemberFacts,
  row: {
    status: InvitationStatus;
    emailRegistered: boolean;
    emailInvited: boolean;
    usernameTaken: boolean;
  },
): InvitationActions {
  return {
    resend: decideResend({ ...row, actor }),
    revoke: decideRevoke({ actor, status: row.status }),
  };
}
