import type { AuditAction } from "@orgkit/core/policy";

/** The filter's label for each action of the audit log. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  "organization.activated": "Organization activated",
  "organization.deletion_requested": "Deletion requested",
  "organization.deletion_cancelled": "Deletion cancelled",
  "organization.deleted": "Organization deleted",
  "invitation.sent": "Invitation sent",
  "invitation.resent": "Invitation resent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "ownership.transfer_requested": "Ownership transfer requested",
  "ownership.transfer_cancelled": "Ownership transfer cancelled",
  "ownership.transferred": "Ownership transferred",
  "audit.pruned": "Audit log pruned",
  "audit.exported": "Audit log exported",
  "person.erased": "Personal data erased",
  "webhook.redelivered": "Webhook sent again",
};

export type ActivityEvent = {
  action: string;
  actorUsername: string | null;
  actorEmail: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
};

function field(side: unknown, key: string): string | null {
  if (!side || typeof side !== "object") return null;
  const value = (side as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

/**
 * One audit event as a sentence: "grace changed ada's role from USER to ADMIN". Never an id
 * or raw JSON; an action this version does not know is named as stored.
 */
export function describeEvent(event: ActivityEvent): string {
  const actor = event.actorUsername ?? event.actorEmail ?? "Someone";
  const target = event.targetLabel ?? "";
  const role = field(event.after, "role");
  switch (event.action) {
    case "organization.activated":
      return `${actor} activated the organization ${target}`;
    case "organization.deletion_requested":
      return `${actor} asked to delete the organization ${target}`;
    case "organization.deletion_cancelled":
      switch (field(event.after, "because")) {
        case "replaced":
          return `${actor} replaced the pending deletion of ${target} with a new request`;
        case "ownership transferred":
          return `The pending deletion of ${target} was cancelled when ownership was transferred`;
        default:
          return `${actor} cancelled the deletion of ${target}`;
      }
    case "organization.deleted":
      return `${actor} deleted the organization ${target}`;
    case "webhook.redelivered":
      return `${actor} sent ${target} again`;
    case "invitation.sent":
      return `${actor} invited ${target}${role ? ` as ${role}` : ""}`;
    case "invitation.resent":
      return `${actor} resent the invitation to ${target}`;
    case "invitation.revoked":
      return `${actor} revoked the invitation to ${target}`;
    case "invitation.accepted":
      return `${target} joined${role ? ` as ${role}` : ""}`;
    case "member.role_changed": {
      const whose = event.actorUsername === target ? "their own" : `${target}'s`;
      return `${actor} changed ${whose} role from ${field(event.before, "role") ?? "?"} to ${role ?? "?"}`;
    }
    case "member.removed":
      return `${actor} removed ${target}`;
    case "member.left":
      return `${target} left the organization`;
    case "ownership.transfer_requested":
      return `${actor} asked to transfer ownership to ${target}`;
    case "ownership.transfer_cancelled":
      switch (field(event.after, "because")) {
        case "target removed":
          return `The ownership transfer to ${target} was cancelled when ${target} was removed`;
        case "target left":
          return `The ownership transfer to ${target} was cancelled when ${target} left`;
        default:
          return `${actor} cancelled the ownership transfer to ${target}`;
      }
    case "ownership.transferred":
      return `${actor} transferred ownership to ${target}`;
    case "audit.pruned": {
      const { deleted, retentionDays } = (event.after ?? {}) as Record<string, unknown>;
      return `${deleted ?? "Some"} events older than ${retentionDays ?? "the retention period's"} days were deleted`;
    }
    case "audit.exported": {
      const format = field(event.after, "format") === "jsonl" ? "JSON Lines" : "CSV";
      return `${actor} exported the audit log as ${format}`;
    }
    case "person.erased":
      return `A person's personal data was erased; they appear as ${target}`;
    default:
      return `${actor}: ${event.action} ${target}`.trim();
  }
}
