import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { checkOrganizationName } from "../inputs";
import type { ActorFacts } from "./facts";

export type ActivationSnapshot = {
  /** The caller's current membership: an active one blocks, a removed one does not (R7). */
  readonly actor: ActorFacts;
  /** The trimmed name. */
  readonly name: string;
  /** Whether another organization has a name with the same canonical key (R5, R39). */
  readonly nameTaken: boolean;
};

export const actorHasNoOrganization: Rule<ActivationSnapshot> = ({ actor }) =>
  actor === null || actor.status === "REMOVED" ? ALLOW : deny("ALREADY_IN_ORGANIZATION");

export const nameIsValid: Rule<ActivationSnapshot> = ({ name }) => checkOrganizationName(name);

export const nameIsFree: Rule<ActivationSnapshot> = ({ nameTaken }) =>
  nameTaken ? deny("ORGANIZATION_NAME_TAKEN") : ALLOW;

export const ACTIVATION_RULES = [actorHasNoOrganization, nameIsValid, nameIsFree] as const;

/** R5, R7: activate an organization from personal mode. */
export function decideActivation(snapshot: ActivationSnapshot): Decision {
  return decide(ACTIVATION_RULES, snapshot);
}
