import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { actorIsActiveMember } from "./access";
import type { ActorFacts, MemberFacts } from "./facts";

/** R22: a confirmation link works for 24 hours. */
export const TRANSFER_TTL_MS = 24 * 60 * 60 * 1000;

export type TransferSnapshot = { readonly actor: ActorFacts; readonly target: MemberFacts };

export const actorIsOwner: Rule<{ readonly actor: ActorFacts }> = ({ actor }) =>
  actor?.role === "OWNER" ? ALLOW : deny("TRANSFER_OWNER_ONLY");

export const targetIsSomeoneElse: Rule<TransferSnapshot> = ({ actor, target }) =>
  actor?.id === target.id ? deny("TRANSFER_TO_SELF") : ALLOW;

export const targetIsActiveMember: Rule<TransferSnapshot> = ({ target }) =>
  target.status === "REMOVED" ? deny("TRANSFER_TO_REMOVED") : ALLOW;

export const targetIsNotCurrentOwner: Rule<TransferSnapshot> = ({ target }) =>
  target.role === "OWNER" ? deny("TRANSFER_TO_OWNER") : ALLOW;

export const targetIsNotViewer: Rule<TransferSnapshot> = ({ target }) =>
  target.role === "VIEWER" ? deny("TRANSFER_TO_VIEWER") : ALLOW;

export const TRANSFER_RULES = [
  actorIsActiveMember,
  actorIsOwner,
  targetIsSomeoneElse,
  targetIsActiveMember,
  targetIsNotCurrentOwner,
  targetIsNotViewer,
] as const;

/** R20, R21: start (and, again at confirmation, finish) an ownership transfer. */
export function decideTransfer(snapshot: TransferSnapshot): Decision {
  return decide(TRANSFER_RULES, snapshot);
}

export type TransferConfirmationSnapshot = TransferSnapshot & {
  readonly transfer: {
    readonly status: "PENDING" | "CONFIRMED" | "CANCELLED";
    readonly fromMemberId: string;
    readonly expiresAt: Date;
  };
  readonly now: Date;
};

/** R22, R23: a replaced, cancelled or used link is no longer valid, whoever opens it. */
export const transferIsOpen: Rule<TransferConfirmationSnapshot> = ({ transfer }) =>
  transfer.status === "PENDING" ? ALLOW : deny("TRANSFER_NOT_VALID");

export const transferIsFresh: Rule<TransferConfirmationSnapshot> = ({ transfer, now }) =>
  transfer.expiresAt.getTime() > now.getTime() ? ALLOW : deny("TRANSFER_EXPIRED");

/** R23: a signed-in member who is not the transfer's owner is told whom the link is for. */
export const confirmerIsTheOwner: Rule<TransferConfirmationSnapshot> = ({ actor, transfer }) =>
  actor?.role === "OWNER" && actor.status === "ACTIVE" && transfer.fromMemberId === actor.id
    ? ALLOW
    : deny("TRANSFER_LINK_FOR_OWNER");

/** R22, R23: the confirmation link works once, within 24 hours, and re-checks R20–R21. */
export function decideTransferConfirmation(snapshot: TransferConfirmationSnapshot): Decision {
  return decide(
    [transferIsOpen, confirmerIsTheOwner, transferIsFresh, ...TRANSFER_RULES],
    snapshot,
  );
}

/** R22: the owner can cancel the pending transfer. */
export function decideTransferCancellation(snapshot: {
  readonly actor: ActorFacts;
  readonly hasPendingTransfer: boolean;
}): Decision {
  return decide(
    [
      actorIsActiveMember,
      actorIsOwner,
      (s: typeof snapshot) => (s.hasPendingTransfer ? ALLOW : deny("NO_PENDING_TRANSFER")),
    ],
    snapshot,
  );
}
