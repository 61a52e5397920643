import { translate } from "../messages/translate";
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

type ReasonEntry = { readonly kind: ReasonKind };

/**
 * Every reason a rule can give, with its kind. Its message, in the guide's words, lives in the
 * message catalogue (`@orgkit/core/messages`, section `reasons`), once per locale.
 */
export const REASONS = {
  UNAUTHENTICATED: { kind: "unauthenticated" },
  NOT_FOUND: { kind: "not_found" },
  INPUT_INVALID: { kind: "invalid" },
  TEXT_INVALID: { kind: "invalid" },
  ADMIN_ACCESS_REQUIRED: { kind: "forbidden" },
  ORGANIZATION_NOT_ACTIVE: { kind: "precondition" },
  MEMBERSHIP_REMOVED: { kind: "forbidden" },
  MEMBERSHIP_LEFT: { kind: "forbidden" },
  ORGANIZATION_DELETED: { kind: "forbidden" },
  ALREADY_IN_ORGANIZATION: { kind: "conflict" },
  ORGANIZATION_NAME_INVALID: { kind: "invalid" },
  ORGANIZATION_NAME_TAKEN: { kind: "conflict" },
  EMAIL_INVALID: { kind: "invalid" },
  USERNAME_INVALID: { kind: "invalid" },
  ROLE_INVALID: { kind: "invalid" },
  OWNER_NOT_INVITABLE: { kind: "invalid" },
  EMAIL_ALREADY_USED: { kind: "conflict" },
  USERNAME_ALREADY_USED: { kind: "conflict" },
  INVITATION_EXPIRED: { kind: "gone" },
  INVITATION_NOT_VALID: { kind: "gone" },
  INVITATION_ALREADY_JOINED: { kind: "gone" },
  INVITATION_ORGANIZATION_DELETED: { kind: "gone" },
  INVITER_NOT_ADMIN: { kind: "gone" },
  INVITATION_NOT_RESENDABLE: { kind: "precondition" },
  INVITATION_ACCEPTED: { kind: "precondition" },
  INVITATION_ALREADY_REVOKED: { kind: "precondition" },
  ROLE_CHANGE_OWNER: { kind: "precondition" },
  ROLE_CHANGE_REMOVED: { kind: "precondition" },
  ROLE_CHANGE_LAST_ADMIN: { kind: "precondition" },
  ROLE_NOT_ASSIGNABLE: { kind: "invalid" },
  ROLE_UNCHANGED: { kind: "precondition" },
  REMOVE_SELF: { kind: "precondition" },
  REMOVE_ALREADY_REMOVED: { kind: "precondition" },
  REMOVE_OWNER: { kind: "precondition" },
  REMOVE_LAST_ADMIN: { kind: "precondition" },
  LEAVE_OWNER: { kind: "precondition" },
  LEAVE_ADMIN: { kind: "precondition" },
  SEAT_LIMIT_REACHED: { kind: "precondition" },
  TRANSFER_OWNER_ONLY: { kind: "forbidden" },
  TRANSFER_TO_SELF: { kind: "precondition" },
  TRANSFER_TO_REMOVED: { kind: "precondition" },
  TRANSFER_TO_VIEWER: { kind: "precondition" },
  TRANSFER_TO_OWNER: { kind: "precondition" },
  TRANSFER_EXPIRED: { kind: "gone" },
  TRANSFER_NOT_VALID: { kind: "gone" },
  TRANSFER_LINK_FOR_OWNER: { kind: "forbidden" },
  NO_PENDING_TRANSFER: { kind: "precondition" },
  DELETE_OWNER_ONLY: { kind: "forbidden" },
  DELETE_NAME_MISMATCH: { kind: "invalid" },
  DELETION_EXPIRED: { kind: "gone" },
  DELETION_NOT_VALID: { kind: "gone" },
  DELETION_LINK_FOR_OWNER: { kind: "forbidden" },
  NO_PENDING_DELETION: { kind: "precondition" },
  DELIVERY_NOT_DEAD: { kind: "precondition" },
  ROLE_NOT_PERMITTED: { kind: "forbidden" },
  RATE_LIMITED: { kind: "rate_limited" },
  BULK_RATE_LIMITED: { kind: "rate_limited" },
  BULK_INVITE_ROWS: { kind: "invalid" },
  ROW_MALFORMED: { kind: "invalid" },
} as const satisfies Record<string, ReasonEntry>;

export type ReasonCode = keyof typeof REASONS;

/**
 * A reason's message in the guide's words (or a shipped locale's), its `{placeholders}` filled
 * from `params` by ICU MessageFormat.
 *
 * @param locale a BCP 47 tag; `de-CH` uses the German catalogue, an unshipped one English.
 * @example reasonMessage("SEAT_LIMIT_REACHED", { used: 20, limit: 20 }); // "Seat limit reached: 20 of 20 seats used"
 * @example reasonMessage("SEAT_LIMIT_REACHED", { used: 20, limit: 20 }, "de"); // "Platzlimit erreicht: 20 von 20 Plätzen belegt"
 */
export function reasonMessage(code: ReasonCode, params?: ReasonParams, locale = "en"): string {
  return translate(locale, "reasons", code, params);
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
