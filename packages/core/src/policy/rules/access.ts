import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { type Action, can } from "../permissions";
import type { ReasonCode } from "../reasons";
import { isAdminLike, type RemovalReason } from "../roles";
import type { ActorFacts, MemberFacts } from "./facts";

type WithActor = { readonly actor: ActorFacts };

/** What a member whose membership ended is told on their next request, by why it ended. */
export const REMOVAL_REFUSALS = {
  REMOVED: "MEMBERSHIP_REMOVED",
  LEFT: "MEMBERSHIP_LEFT",
  DELETED: "ORGANIZATION_DELETED",
} as const satisfies Record<RemovalReason, ReasonCode>;

/** Organization features exist only after activation (R6); removed members lose access (R25). */
export const actorIsActiveMember: Rule<WithActor> = ({ actor }) => {
  if (actor === null) return deny("ORGANIZATION_NOT_ACTIVE");
  if (actor.status === "ACTIVE") return ALLOW;
  return deny(REMOVAL_REFUSALS[actor.removalReason ?? "REMOVED"]);
};

/** User management needs OWNER or ADMIN (R3). */
export const actorIsAdminLike: Rule<WithActor> = ({ actor }) =>
  actor !== null && isAdminLike(actor.role) ? ALLOW : deny("ADMIN_ACCESS_REQUIRED");

export const USER_MANAGEMENT_RULES = [actorIsActiveMember, actorIsAdminLike] as const;

/** May the caller open user management, list invitations or read the audit log? (R3, R6) */
export function decideUserManagement(actor: ActorFacts): Decision {
  return decide(USER_MANAGEMENT_RULES, { actor });
}

/**
 * R2: may the caller perform a resource action of the host (`can` with its reason)? For hosts
 * that refuse with a message instead of a bare boolean.
 *
 * @example
 * const decision = decideAction(membership, "endpoint:create");
 * if (!decision.allowed) return { error: reasonMessage(decision.reason) };
 */
export function decideAction(actor: ActorFacts, action: Action): Decision {
  return decide(
    [
      actorIsActiveMember,
      (s: WithActor) => (s.actor && can(s.actor.role, action) ? ALLOW : deny("ROLE_NOT_PERMITTED")),
    ],
    { actor },
  );
}

/** May the caller read their organization at all? (R6, R25) */
export function decideMembership(actor: ActorFacts): Decision {
  return actorIsActiveMember({ actor });
}

/** Narrows a decided actor for the code that follows a successful check. */
export function assertMember(actor: ActorFacts): asserts actor is MemberFacts {
  if (actor === null) throw new Error("Expected a member");
}
