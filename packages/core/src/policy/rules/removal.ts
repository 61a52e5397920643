import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { isAdminLike } from "../roles";
import { actorIsActiveMember, actorIsAdminLike } from "./access";
import type { ActorFacts, MemberFacts } from "./facts";

export type RemovalSnapshot = {
  readonly actor: ActorFacts;
  readonly target: MemberFacts;
  /** Active OWNER and ADMIN members of the organization, target included. */
  readonly activeAdminLikeCount: number;
};

export const targetIsNotSelf: Rule<RemovalSnapshot> = ({ actor, target }) =>
  actor?.id === target.id ? deny("REMOVE_SELF") : ALLOW;

export const targetIsActive: Rule<RemovalSnapshot> = ({ target }) =>
  target.status === "REMOVED" ? deny("REMOVE_ALREADY_REMOVED") : ALLOW;

export const targetIsNotTheOwner: Rule<RemovalSnapshot> = ({ target }) =>
  target.role === "OWNER" ? deny("REMOVE_OWNER") : ALLOW;

export const targetIsNotLastAdminLike: Rule<RemovalSnapshot> = ({
  target,
  activeAdminLikeCount,
}) => (isAdminLike(target.role) && activeAdminLikeCount <= 1 ? deny("REMOVE_LAST_ADMIN") : ALLOW);

export const REMOVAL_RULES = [
  actorIsActiveMember,
  actorIsAdminLike,
  targetIsNotSelf,
  targetIsActive,
  targetIsNotTheOwner,
  targetIsNotLastAdminLike,
] as const;

/** R25–R28: remove a member. */
export function decideRemoval(snapshot: RemovalSnapshot): Decision {
  return decide(REMOVAL_RULES, snapshot);
}
