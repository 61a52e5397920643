import type { Decision, ReasonParams } from "./decision";

/**
 * How a refusal is classified. Transports map a kind to their own status
 * (tRPC code, HTTP status); core never names a transport.
 */
export type ReasonKind =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "precondition"
  | "gone"
  | "rate_limited";

type ReasonEntry = { readonly kind: ReasonKind; readonly message: string };

/** Every reason a rule can give, with its message in the product guide's words. */
export const REASONS = {
  UNAUTHENTICATED: { kind: "unauthenticated", message: "Sign in to continue" },
  NOT_FOUND: { kind: "not_found", message: "Not found" },
  INPUT_INVALID: { kind: "invalid", message: "The request is not valid" },
  TEXT_INVALID: {
    kind: "invalid",
    message: "Remove control characters and invisible direction marks",
  },
  ADMIN_ACCESS_REQUIRED: { kind: "forbidden", message: "Admin access required" },
  ORGANIZATION_NOT_ACTIVE: { kind: "precondition", message: "Activate organization first" },
  MEMBERSHIP_REMOVED: {
    kind: "forbidden",
    message: "Your access to this organization was removed",
  },
  MEMBERSHIP_LEFT: { kind: "forbidden", message: "You left this organization" },
  ORGANIZATION_DELETED: { kind: "forbidden", message: "This organization was deleted" },
  ALREADY_IN_ORGANIZATION: {
    kind: "conflict",
    message: "Your account already belongs to an organization",
  },
  ORGANIZATION_NAME_INVALID: {
    kind: "invalid",
    message: "Organization name must be 2–64 characters",
  },
  ORGANIZATION_NAME_TAKEN: { kind: "conflict", message: "Organization name is already taken" },
  EMAIL_INVALID: { kind: "invalid", message: "Enter a valid email address" },
  USERNAME_INVALID: {
    kind: "invalid",
    message: "Username must be 3–32 characters: a-z, 0-9, dot, underscore or hyphen",
  },
  ROLE_INVALID: { kind: "invalid", message: "Choose a role: USER, ADMIN or VIEWER" },
  OWNER_NOT_INVITABLE: {
    kind: "invalid",
    message:
      "OWNER is not available as an invitation role. Use ownership transfer after the user joins.",
  },
  EMAIL_ALREADY_USED: { kind: "conflict", message: "Email or username already used" },
  USERNAME_ALREADY_USED: { kind: "conflict", message: "Email or username already used" },
  INVITATION_EXPIRED: {
    kind: "gone",
    message: "Invitation expired. Ask an admin to resend it.",
  },
  INVITATION_NOT_VALID: { kind: "gone", message: "This invitation is no longer valid" },
  INVITATION_ORGANIZATION_DELETED: {
    kind: "gone",
    message: "This invitation is no longer valid: the organization was deleted",
  },
  INVITER_NOT_ADMIN: {
    kind: "gone",
    message: "This invitation is no longer valid: the person who sent it can no longer invite",
  },
  INVITATION_NOT_RESENDABLE: {
    kind: "precondition",
    message: "Only pending or expired invitations can be resent",
  },
  INVITATION_ACCEPTED: { kind: "precondition", message: "Accepted invitations cannot be revoked" },
  INVITATION_ALREADY_REVOKED: { kind: "precondition", message: "Invitation is already revoked" },
  ROLE_CHANGE_OWNER: { kind: "precondition", message: "Role change disabled: member is the owner" },
  ROLE_CHANGE_REMOVED: {
    kind: "precondition",
    message: "Role change disabled: member is removed",
  },
  ROLE_CHANGE_LAST_ADMIN: {
    kind: "precondition",
    message: "Role change disabled: would leave no admin-like member",
  },
  ROLE_NOT_ASSIGNABLE: {
    kind: "invalid",
    message: "No role change can make anyone OWNER. Use the ownership transfer flow.",
  },
  ROLE_UNCHANGED: { kind: "precondition", message: "Member already has this role" },
  REMOVE_SELF: { kind: "precondition", message: "Remove action disabled: user is self" },
  REMOVE_ALREADY_REMOVED: {
    kind: "precondition",
    message: "Remove action disabled: already removed",
  },
  REMOVE_OWNER: { kind: "precondition", message: "Remove action disabled: owner" },
  REMOVE_LAST_ADMIN: {
    kind: "precondition",
    message: "Remove action disabled: last admin-like member",
  },
  LEAVE_OWNER: {
    kind: "precondition",
    message: "Leave organization disabled: transfer ownership first",
  },
  LEAVE_ADMIN: {
    kind: "precondition",
    message: "Leave organization disabled: admins cannot remove themselves",
  },
  SEAT_LIMIT_REACHED: {
    kind: "precondition",
    message: "Seat limit reached: {used} of {limit} seats used",
  },
  TRANSFER_OWNER_ONLY: {
    kind: "forbidden",
    message: "Only the current owner can transfer organization ownership",
  },
  TRANSFER_TO_SELF: {
    kind: "precondition",
    message: "Ownership cannot be transferred to yourself",
  },
  TRANSFER_TO_REMOVED: {
    kind: "precondition",
    message: "Ownership cannot be transferred to removed users",
  },
  TRANSFER_TO_VIEWER: {
    kind: "precondition",
    message: "Ownership cannot be transferred to VIEWER members",
  },
  TRANSFER_TO_OWNER: {
    kind: "precondition",
    message: "Ownership cannot be transferred to the current owner",
  },
  TRANSFER_EXPIRED: {
    kind: "gone",
    message: "Confirmation link expired. Start the transfer again.",
  },
  TRANSFER_NOT_VALID: { kind: "gone", message: "This confirmation link is no longer valid" },
  TRANSFER_LINK_FOR_OWNER: {
    kind: "forbidden",
    message: "This confirmation link is for the organization's owner",
  },
  NO_PENDING_TRANSFER: { kind: "precondition", message: "No ownership transfer is pending" },
  DELETE_OWNER_ONLY: {
    kind: "forbidden",
    message: "Delete organization disabled: only the owner can delete it",
  },
  DELETE_NAME_MISMATCH: {
    kind: "invalid",
    message: "Type the organization's name exactly as shown to delete it",
  },
  DELETION_EXPIRED: {
    kind: "gone",
    message: "Deletion link expired. Start the deletion again.",
  },
  DELETION_NOT_VALID: { kind: "gone", message: "This deletion link is no longer valid" },
  DELETION_LINK_FOR_OWNER: {
    kind: "forbidden",
    message: "This deletion link is for the owner who asked for it",
  },
  NO_PENDING_DELETION: { kind: "precondition", message: "No deletion is pending" },
  DELIVERY_NOT_DEAD: {
    kind: "precondition",
    message: "Only a delivery that failed for good can be sent again",
  },
  ROLE_NOT_PERMITTED: { kind: "forbidden", message: "Your role cannot make this change" },
  RATE_LIMITED: { kind: "rate_limited", message: "Too many requests. Try again later." },
  BULK_RATE_LIMITED: {
    kind: "rate_limited",
    message: "Invitation limit reached: {available} can be sent now, the rest later",
  },
  BULK_INVITE_ROWS: { kind: "invalid", message: "Add 1 to {max} rows to invite" },
  ROW_MALFORMED: {
    kind: "invalid",
    message: "Each row needs an email, a username and a role, separated by commas",
  },
} as const satisfies Record<string, ReasonEntry>;

export type ReasonCode = keyof typeof REASONS;

/**
 * A reason's message in the guide's words, its `{placeholders}` filled from `params`.
 *
 * @example reasonMessage("SEAT_LIMIT_REACHED", { used: 20, limit: 20 }); // "Seat limit reached: 20 of 20 seats used"
 */
export function reasonMessage(code: ReasonCode, params?: ReasonParams): string {
  const message: string = REASONS[code].message;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && Object.hasOwn(REASONS, value);
}

/** A decision as a client shows it: allowed, or the reason's code with its message. */
export type ExplainedDecision =
  | { allowed: true }
  | { allowed: false; reason: ReasonCode; message: string };

/**
 * Adds the guide's message to a refusal, so a list row carries what its UI says.
 * @example explain(deny("ADMIN_ACCESS_REQUIRED")) // { allowed: false, reason: "ADMIN_ACCESS_REQUIRED", message: "Admin access required" }
 */
export function explain(decision: Decision): ExplainedDecision {
  return decision.allowed
    ? { allowed: true }
    : {
        allowed: false,
        reason: decision.reason,
        message: reasonMessage(decision.reason, decision.params),
      };
}
