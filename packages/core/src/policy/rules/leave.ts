import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { actorIsActiveMember } from "./access";
import type { ActorFacts } from "./facts";

export type LeaveSnapshot = { readonly actor: ActorFacts };

/** The owner leaves only after handing the organization on (R17, R28). */
export const leaverIsNotTheOwner: Rule<LeaveSnapshot> = ({ actor }) =>
  actor?.role === "OWNER" ? deny("LEAVE_OWNER") : ALLOW;

/** Admins cannot remove themselves (R26): leaving is removing oneself. */
export const leaverIsNotAnAdmin: Rule<LeaveSnapshot> = ({ actor }) =>
  actor?.role === "ADMIN" ? deny("LEAVE_ADMIN") : ALLOW;

export const LEAVE_RULES = [actorIsActiveMember, leaverIsNotTheOwner, leaverIsNotAnAdmin] as const;

/**
 * May the caller leave their organization? A USER or VIEWER may; an ADMIN gets
 * LEAVE_ADMIN (ask the owner, or demote yourself first), the OWNER gets LEAVE_OWNER.
 *
 * @example decideLeave({ id: "m1", role: "VIEWER", status: "ACTIVE" }); // { allowed: true }
 */
export function decideLeave(actor: ActorFacts): Decision {
  return decide(LEAVE_RULES, { actor });
}
