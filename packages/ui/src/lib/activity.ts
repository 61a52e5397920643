import type { AuditAction } from "@orgkit/core/policy";
import type { useT } from "./i18n";

/** The Activity section's translator: `useT("activity")`. */
export type ActivityTranslator = ReturnType<typeof useT<"activity">>;

/**
 * The filter's label for an action of the audit log.
 * @example actionLabel("member.removed", useT("activity")); // "Member removed"
 */
export function actionLabel(action: AuditAction, t: ActivityTranslator): string {
  return t(`actions.${action}`);
}

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

function number(side: unknown, key: string): number | null {
  if (!side || typeof side !== "object") return null;
  const value = (side as Record<string, unknown>)[key];
  return typeof value === "number" ? value : null;
}

/** Why a deletion or a transfer was cancelled, as stored, for the message's `select`. */
const BECAUSE: Record<string, string> = {
  replaced: "replaced",
  "ownership transferred": "ownershipTransferred",
  "target removed": "targetRemoved",
  "target left": "targetLeft",
};

/**
 * One audit event as a sentence: "grace changed ada's role from USER to ADMIN". Never an id
 * or raw JSON; an action this version does not know is named as stored.
 * @param t `useT("activity")`: the sentence is in the viewer's language.
 */
export function describeEvent(event: ActivityEvent, t: ActivityTranslator): string {
  const actor = event.actorUsername ?? event.actorEmail ?? t("someone");
  const target = event.targetLabel ?? "";
  const role = field(event.after, "role");
  const because = BECAUSE[field(event.after, "because") ?? ""] ?? "other";
  switch (event.action) {
    case "organization.activated":
      return t("events.organization.activated", { actor, target });
    case "organization.deletion_requested":
      return t("events.organization.deletion_requested", { actor, target });
    case "organization.deletion_cancelled":
      return t("events.organization.deletion_cancelled", { because, actor, target });
    case "organization.deleted":
      return t("events.organization.deleted", { actor, target });
    case "webhook.redelivered":
      return t("events.webhook.redelivered", { actor, target });
    case "invitation.sent":
      return t("events.invitation.sent", {
        hasRole: String(Boolean(role)),
        actor,
        target,
        role: role ?? "",
      });
    case "invitation.resent":
      return t("events.invitation.resent", { actor, target });
    case "invitation.revoked":
      return t("events.invitation.revoked", { actor, target });
    case "invitation.accepted":
      return t("events.invitation.accepted", {
        hasRole: String(Boolean(role)),
        target,
        role: role ?? "",
      });
    case "member.role_changed":
      return t("events.member.role_changed", {
        own: String(event.actorUsername === target),
        actor,
        target,
        from: field(event.before, "role") ?? "?",
        to: role ?? "?",
      });
    case "member.removed":
      return t("events.member.removed", { actor, target });
    case "member.left":
      return t("events.member.left", { target });
    case "ownership.transfer_requested":
      return t("events.ownership.transfer_requested", { actor, target });
    case "ownership.transfer_cancelled":
      return t("events.ownership.transfer_cancelled", { because, actor, target });
    case "ownership.transferred":
      return t("events.ownership.transferred", { actor, target });
    case "audit.pruned": {
      const deleted = number(event.after, "deleted");
      const days = number(event.after, "retentionDays");
      return t("events.audit.pruned", {
        hasDeleted: String(deleted !== null),
        deleted: deleted ?? 0,
        hasDays: String(days !== null),
        days: days ?? 0,
      });
    }
    case "audit.exported":
      return t("events.audit.exported", {
        actor,
        format: field(event.after, "format") === "jsonl" ? "jsonl" : "csv",
      });
    case "person.erased":
      return t("events.person.erased", { target });
    default:
      return t("events.unknown", { actor, action: event.action, target }).trim();
  }
}
