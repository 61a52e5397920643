import { ALLOW, type Decision, decide, deny, type Rule } from "../decision";
import { checkEmail, checkText, checkUsername, normalizeEmail, normalizeUsername } from "../inputs";
import type { ReasonCode } from "../reasons";
import { INVITATION_ROLES, isAdminLike, type Role } from "../roles";
import { USER_MANAGEMENT_RULES } from "./access";
import type { ActorFacts } from "./facts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Most rows one bulk invitation may carry. */
export const BULK_INVITE_MAX_ROWS = 500;
/** Most characters of pasted lines or a CSV file one bulk invitation reads at a time. */
export const BULK_INVITE_MAX_TEXT = 40_000;

export const INVITATION_STATUSES = ["PENDING", "ACCEPTED", "REVOKED", "EXPIRED"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
/** What the database stores: EXPIRED is derived from the expiry (R11). */
export type StoredInvitationStatus = Exclude<InvitationStatus, "EXPIRED">;

/** R11: a PENDING invitation past its expiry is EXPIRED. */
export function invitationStatus(
  invitation: { readonly status: StoredInvitationStatus; readonly expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.status !== "PENDING") return invitation.status;
  return invitation.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : "PENDING";
}

export type InviteSnapshot = {
  readonly actor: ActorFacts;
  readonly email: string;
  readonly username: string;
  readonly role: string;
  /** An account exists with this email, compared without case. */
  readonly emailRegistered: boolean;
  /** A pending invitation already carries this email. */
  readonly emailInvited: boolean;
  /** An active member or pending invitation of the organization has this username. */
  readonly usernameTaken: boolean;
  /** Seats in use (active members and pending, unexpired invitations) and the limit, if any. */
  readonly seats?: Seats;
};

/** A seat is an active member or a pending, unexpired invitation; `limit` null is unlimited. */
export type Seats = { readonly used: number; readonly limit: number | null };

/** Seat limits: one more seat must be free. */
export const seatIsFree: Rule<{ readonly seats?: Seats }> = ({ seats }) =>
  seats && seats.limit !== null && seats.used >= seats.limit
    ? deny("SEAT_LIMIT_REACHED", { used: seats.used, limit: seats.limit })
    : ALLOW;

export const roleIsInvitable: Rule<Pick<InviteSnapshot, "role">> = ({ role }) => {
  if (role === "OWNER") return deny("OWNER_NOT_INVITABLE");
  return (INVITATION_ROLES as readonly string[]).includes(role) ? ALLOW : deny("ROLE_INVALID");
};
export const emailIsValid: Rule<InviteSnapshot> = ({ email }) => checkEmail(email);
export const usernameIsValid: Rule<InviteSnapshot> = ({ username }) => checkUsername(username);
export const emailIsFree: Rule<Pick<InviteSnapshot, "emailRegistered" | "emailInvited">> = (s) =>
  s.emailRegistered || s.emailInvited ? deny("EMAIL_ALREADY_USED") : ALLOW;
export const usernameIsFree: Rule<Pick<InviteSnapshot, "usernameTaken">> = ({ usernameTaken }) =>
  usernameTaken ? deny("USERNAME_ALREADY_USED") : ALLOW;

export const INVITE_RULES = [
  ...USER_MANAGEMENT_RULES,
  roleIsInvitable,
  emailIsValid,
  usernameIsValid,
  emailIsFree,
  usernameIsFree,
  seatIsFree,
] as const;

/** R8–R10: invite a person by email, username and role. */
export function decideInvite(snapshot: InviteSnapshot): Decision {
  return decide(INVITE_RULES, snapshot);
}

type InvitationActionSnapshot = { readonly actor: ActorFacts; readonly status: InvitationStatus };

/** R10, R12: a resend re-checks the email and username against everything but itself. */
export type ResendSnapshot = InvitationActionSnapshot &
  Pick<InviteSnapshot, "emailRegistered" | "emailInvited" | "usernameTaken" | "seats">;

/** An expired invitation holds no seat: resending it takes one again. */
export const resendFindsASeat: Rule<ResendSnapshot> = (snapshot) =>
  snapshot.status === "EXPIRED" ? seatIsFree(snapshot) : ALLOW;

export const invitationIsResendable: Rule<InvitationActionSnapshot> = ({ status }) =>
  status === "PENDING" || status === "EXPIRED" ? ALLOW : deny("INVITATION_NOT_RESENDABLE");

export const invitationIsRevocable: Rule<InvitationActionSnapshot> = ({ status }) => {
  if (status === "ACCEPTED") return deny("INVITATION_ACCEPTED");
  return status === "REVOKED" ? deny("INVITATION_ALREADY_REVOKED") : ALLOW;
};

/** R12: resend a pending or expired invitation whose email and username are still free. */
export function decideResend(snapshot: ResendSnapshot): Decision {
  return decide(
    [
      ...USER_MANAGEMENT_RULES,
      invitationIsResendable,
      emailIsFree,
      usernameIsFree,
      resendFindsASeat,
    ],
    snapshot,
  );
}

/** R13: revoke an invitation that was not accepted. */
export function decideRevoke(snapshot: InvitationActionSnapshot): Decision {
  return decide([...USER_MANAGEMENT_RULES, invitationIsRevocable], snapshot);
}

export type AcceptanceSnapshot = {
  readonly status: InvitationStatus;
  readonly emailRegistered: boolean;
  readonly usernameTaken: boolean;
  /** The inviter is still an active OWNER or ADMIN of the organization. */
  readonly inviterRole: Role | null;
  /** The organization was deleted since (its invitations were revoked with it). */
  readonly organizationDeleted?: boolean;
};

/** A deleted organization's invitations say so, not only that they are no longer valid. */
export const organizationStillExists: Rule<AcceptanceSnapshot> = ({ organizationDeleted }) =>
  organizationDeleted ? deny("INVITATION_ORGANIZATION_DELETED") : ALLOW;

export const invitationIsOpen: Rule<AcceptanceSnapshot> = ({ status }) => {
  if (status === "EXPIRED") return deny("INVITATION_EXPIRED");
  return status === "PENDING" ? ALLOW : deny("INVITATION_NOT_VALID");
};

export const inviterIsStillAdminLike: Rule<AcceptanceSnapshot> = ({ inviterRole }) =>
  inviterRole !== null && isAdminLike(inviterRole) ? ALLOW : deny("INVITER_NOT_ADMIN");

/** R14, R15: everything is checked again when the invitee accepts. */
export function decideAcceptance(snapshot: AcceptanceSnapshot): Decision {
  return decide(
    [
      organizationStillExists,
      invitationIsOpen,
      (s: AcceptanceSnapshot) =>
        emailIsFree({ emailRegistered: s.emailRegistered, emailInvited: false }),
      (s: AcceptanceSnapshot) => usernameIsFree(s),
      inviterIsStillAdminLike,
    ],
    snapshot,
  );
}

export type InviteField = "email" | "username" | "role";

/**
 * R8–R10, R39: every problem of an invitation's fields at once, for a form that shows them
 * all (the server decides with `decideInvite`, whose first refusal wins, and also checks what
 * only the database knows: a registered email, a taken username). Values are normalized as
 * the server does before they are checked.
 *
 * @returns the reason for each refused field; `{}` when every field passes.
 * @example
 * inviteFieldErrors({ email: "nope", username: "a", role: "OWNER" });
 * // { email: "EMAIL_INVALID", username: "USERNAME_INVALID", role: "OWNER_NOT_INVITABLE" }
 */
export function inviteFieldErrors(input: {
  email: string;
  username: string;
  role: string;
}): Partial<Record<InviteField, ReasonCode>> {
  const errors: Partial<Record<InviteField, ReasonCode>> = {};
  const checks: [InviteField, () => Decision][] = [
    ["email", () => checkEmail(normalizeEmail(input.email))],
    ["username", () => checkUsername(normalizeUsername(input.username))],
    ["role", () => roleIsInvitable({ role: input.role })],
  ];
  for (const [field, check] of checks) {
    const text = checkText(input[field]);
    const decision = text.allowed ? check() : text;
    if (!decision.allowed) errors[field] = decision.reason;
  }
  return errors;
}
