import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { checkOrganizationName } from "../inputs";
import type { ActorFacts } from "./facts";

export type ActivationSnapshot = {
  /** Any membership of the caller's account, removed included (R7). */
  readonly actor: ActorFacts;
  /** The trimmed name. */
  readonly name: string;
  /** Whether another organization already has this name, compared without case (R5). */
  readonly nameTaken: boolean;
};

export const actorHasNoOrganization: Rule<ActivationSnapshot> = ({ actor }) =>
  actor === null ? ALLOW : deny("ALREADY_IN_ORGANIZATION");

export const nameIsValid: Rule<ActivationSnapshot> = ({ name }) => checkOrganizationName(name);

export const nameIsFree: Rule<ActivationSnapshot> = ({ nameTaken }) =>
  nameTaken ? deny("ORGANIZATION_NAME_TAKEN") : ALLOW;

export const ACTIVATION_RULES = [actorHasNoOrganization, nameIsValid, nameIsFree] as const;

/** R5, R7: activate an organization from personal mode. */
export function decideActivation(snapshot: ActivationSnapshot): Decision {
  return decide(ACTIVATION_RULES, snapshot);
}
