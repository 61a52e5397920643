import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { ASSIGNABLE_ROLES, isAdminLike, type Role } from "../roles";
import { actorIsActiveMember, actorIsAdminLike } from "./access";
import type { ActorFacts, MemberFacts } from "./facts";

export type RoleChangeSnapshot = {
  readonly actor: ActorFacts;
  readonly target: MemberFacts;
  /** Active OWNER and ADMIN members of the organization, target included. */
  readonly activeAdminLikeCount: number;
  /** The requested role; left out when the UI asks whether any change is possible. */
  readonly newRole?: Role;
};

export const targetIsNotRemoved: Rule<RoleChangeSnapshot> = ({ target }) =>
  target.status === "REMOVED" ? deny("ROLE_CHANGE_REMOVED") : ALLOW;

export const targetIsNotOwner: Rule<RoleChangeSnapshot> = ({ target }) =>
  target.role === "OWNER" ? deny("ROLE_CHANGE_OWNER") : ALLOW;

export const newRoleIsAssignable: Rule<RoleChangeSnapshot> = ({ newRole }) =>
  newRole === undefined || (ASSIGNABLE_ROLES as readonly Role[]).includes(newRole)
    ? ALLOW
    : deny("ROLE_NOT_ASSIGNABLE");

export const newRoleDiffers: Rule<RoleChangeSnapshot> = ({ target, newRole }) =>
  newRole === target.role ? deny("ROLE_UNCHANGED") : ALLOW;

/** R16: a demotion of the only admin-like member is refused. */
export const keepsAnAdminLikeMember: Rule<RoleChangeSnapshot> = (s) => {
  const demotes =
    isAdminLike(s.target.role) && (s.newRole === undefined || !isAdminLike(s.newRole));
  return demotes && s.activeAdminLikeCount <= 1 ? deny("ROLE_CHANGE_LAST_ADMIN") : ALLOW;
};

export const ROLE_CHANGE_RULES = [
  actorIsActiveMember,
  actorIsAdminLike,
  targetIsNotRemoved,
  targetIsNotOwner,
  newRoleIsAssignable,
  newRoleDiffers,
  keepsAnAdminLikeMember,
] as const;

/** R16–R19: change a member's role. */
export function decideRoleChange(snapshot: RoleChangeSnapshot): Decision {
  return decide(ROLE_CHANGE_RULES, snapshot);
}
