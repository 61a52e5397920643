import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  decideRemoval,
  decideResend,
  decideRevoke,
  decideRoleChange,
  decideTransfer,
  type ExplainedDecision,
  explain,
  type InvitationStatus,
  type MemberFacts,
} from "../policy";

/** What the caller may do to one member, each with its reason when refused (R29). */
export type MemberActions = {
  /** Whether any role change is possible, and why not. */
  changeRole: ExplainedDecision;
  /** One decision per role a member can be given. */
  roles: Record<AssignableRole, ExplainedDecision>;
  remove: ExplainedDecision;
  transferOwnership: ExplainedDecision;
};

/** What the caller may do to one invitation. */
export type InvitationActions = { resend: ExplainedDecision; revoke: ExplainedDecision };

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
    ASSIGNABLE_ROLES.map((role) => [role, explain(decideRoleChange({ ...base, newRole: role }))]),
  ) as Record<AssignableRole, ExplainedDecision>;
  return {
    changeRole: explain(decideRoleChange(base)),
    roles,
    remove: explain(decideRemoval(base)),
    transferOwnership: explain(decideTransfer({ actor, target })),
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
    resend: explain(decideResend({ ...row, actor })),
    revoke: explain(decideRevoke({ actor, status: row.status })),
  };
}
