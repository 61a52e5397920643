import type { AuditAction } from "./audit-actions";

/**
 * The events orgkit publishes, to the host's `onEvent` and to webhook endpoints. Each is
 * recorded in the transaction of its change (with its audit event), so an event exists if
 * and only if the change committed.
 */
export const EVENT_TYPES = [
  "member.invited",
  "invitation.resent",
  "invitation.revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "ownership.transfer_started",
  "ownership.transferred",
  "organization.activated",
  "organization.deleted",
  "person.erased",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Which audit action publishes which event; actions not listed publish none (a cancelled
 * transfer changes nothing a subscriber acts on). The database's `orgkit_event_type(action)`
 * holds the same table; a test keeps the two equal.
 */
export const EVENT_TYPE_OF_ACTION = {
  "invitation.sent": "member.invited",
  "invitation.resent": "invitation.resent",
  "invitation.revoked": "invitation.revoked",
  "invitation.accepted": "member.joined",
  "member.role_changed": "member.role_changed",
  "member.removed": "member.removed",
  "member.left": "member.left",
  "ownership.transfer_requested": "ownership.transfer_started",
  "ownership.transferred": "ownership.transferred",
  "organization.activated": "organization.activated",
  "organization.deleted": "organization.deleted",
  // Recipients of a person's data hear of its erasure (the target is the pseudonym).
  "person.erased": "person.erased",
} as const satisfies Partial<Record<AuditAction, EventType>>;
