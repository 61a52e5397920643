/** Every action the audit log records. */
export const AUDIT_ACTIONS = [
  "organization.activated",
  "organization.deletion_requested",
  "organization.deletion_cancelled",
  "organization.deleted",
  "invitation.sent",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "member.role_changed",
  "member.removed",
  "member.left",
  "ownership.transfer_requested",
  "ownership.transfer_cancelled",
  "ownership.transferred",
  "audit.pruned",
  "audit.exported",
  "person.erased",
  "webhook.redelivered",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
