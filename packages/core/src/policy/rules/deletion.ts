import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { normalizeOrganizationName } from "../inputs";
import { actorIsActiveMember } from "./access";
import type { ActorFacts } from "./facts";

/** A deletion's confirmation link works for 24 hours, like a transfer's (R22, R33). */
export const DELETION_TTL_MS = 24 * 60 * 60 * 1000;

type WithActor = { readonly actor: ActorFacts };

/** Only the owner deletes the organization: admins manage members, not its existence. */
export const deleterIsTheOwner: Rule<WithActor> = ({ actor }) =>
  actor?.role === "OWNER" ? ALLOW : deny("DELETE_OWNER_ONLY");

export const DELETE_ORGANIZATION_RULES = [actorIsActiveMember, deleterIsTheOwner] as const;

/**
 * May the caller ask to delete their organization? The owner only; everyone else sees the
 * button disabled with DELETE_OWNER_ONLY.
 *
 * @example decideDeleteOrganization({ id: "m1", role: "ADMIN", status: "ACTIVE" }); // DELETE_OWNER_ONLY
 */
export function decideDeleteOrganization(actor: ActorFacts): Decision {
  return decide(DELETE_ORGANIZATION_RULES, { actor });
}

export type DeletionStartSnapshot = {
  readonly actor: ActorFacts;
  /** The organization's name as stored. */
  readonly name: string;
  /** The name the owner typed to confirm they mean this organization. */
  readonly typedName: string;
};

/**
 * The typed name must be the organization's name exactly, letter case included; only white
 * space around it and the Unicode form are forgiven (as when the name was stored, R5).
 */
export const typedNameMatches: Rule<DeletionStartSnapshot> = ({ name, typedName }) =>
  normalizeOrganizationName(typedName) === name ? ALLOW : deny("DELETE_NAME_MISMATCH");

/**
 * The owner starts a deletion by typing the organization's name; a link is emailed to them.
 *
 * @example decideDeletionStart({ actor: owner, name: "Acme", typedName: " Acme" }); // { allowed: true }
 */
export function decideDeletionStart(snapshot: DeletionStartSnapshot): Decision {
  return decide([...DELETE_ORGANIZATION_RULES, typedNameMatches], snapshot);
}

export type DeletionConfirmationSnapshot = {
  readonly actor: ActorFacts;
  readonly deletion: {
    readonly status: "PENDING" | "CONFIRMED" | "CANCELLED";
    readonly requestedByMemberId: string;
    readonly expiresAt: Date;
  };
  readonly now: Date;
};

export const deletionIsOpen: Rule<DeletionConfirmationSnapshot> = ({ deletion }) =>
  deletion.status === "PENDING" ? ALLOW : deny("DELETION_NOT_VALID");

export const deletionIsFresh: Rule<DeletionConfirmationSnapshot> = ({ deletion, now }) =>
  deletion.expiresAt.getTime() > now.getTime() ? ALLOW : deny("DELETION_EXPIRED");

/** The link confirms only for the owner who asked: a new owner starts their own deletion. */
export const confirmerAskedForIt: Rule<DeletionConfirmationSnapshot> = ({ actor, deletion }) =>
  actor?.role === "OWNER" && deletion.requestedByMemberId === actor.id
    ? ALLOW
    : deny("DELETION_LINK_FOR_OWNER");

/**
 * The emailed link deletes the organization once, within 24 hours, for the owner who asked.
 *
 * @example decideDeletionConfirmation({ actor: owner, deletion, now: new Date() });
 */
export function decideDeletionConfirmation(snapshot: DeletionConfirmationSnapshot): Decision {
  return decide(
    [actorIsActiveMember, deletionIsOpen, confirmerAskedForIt, deletionIsFresh],
    snapshot,
  );
}

/** The owner may cancel a pending deletion; its link stops working. */
export function decideDeletionCancellation(snapshot: {
  readonly actor: ActorFacts;
  readonly hasPendingDeletion: boolean;
}): Decision {
  return decide(
    [
      ...DELETE_ORGANIZATION_RULES,
      (s: typeof snapshot) => (s.hasPendingDeletion ? ALLOW : deny("NO_PENDING_DELETION")),
    ],
    snapshot,
  );
}
