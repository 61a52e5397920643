/** The Activity page: the audit log, its event descriptions, export, webhook deliveries. */
export const activity = {
  backToOrganization: "Back to organization",
  auditLog: "Audit log",
  member: "Member",
  action: "Action",
  allActions: "All actions",
  loading: "Loading activity…",
  couldNotLoad: "Could not load activity: {message}",
  retry: "Retry",
  noMatches: "No activity matches.",
  empty: "No activity yet.",
  loadMore: "Load more",
  export: "Export",
  exportHint:
    "Download the audit log for your records or an auditor. Dates are in UTC; leave them empty for everything kept.",
  format: "Format",
  formats: { csv: "CSV", jsonl: "JSON Lines" },
  from: "From",
  to: "To",
  download: "Download",
  toBeforeFrom: "To must be the same day as From or later",
  /** The filter's label for each action, keyed by the action as stored (`member.role_changed`). */
  actions: {
    organization: {
      activated: "Organization activated",
      deletion_requested: "Deletion requested",
      deletion_cancelled: "Deletion cancelled",
      deleted: "Organization deleted",
    },
    invitation: {
      sent: "Invitation sent",
      resent: "Invitation resent",
      revoked: "Invitation revoked",
      accepted: "Invitation accepted",
    },
    member: {
      role_changed: "Role changed",
      removed: "Member removed",
      left: "Member left",
    },
    ownership: {
      transfer_requested: "Ownership transfer requested",
      transfer_cancelled: "Ownership transfer cancelled",
      transferred: "Ownership transferred",
    },
    audit: {
      pruned: "Audit log pruned",
      exported: "Audit log exported",
    },
    person: { erased: "Personal data erased" },
    webhook: { redelivered: "Webhook sent again" },
  },
  /** The actor of an event whose actor is gone. */
  someone: "Someone",
  /**
   * Each event as a sentence, keyed like `actions`. `{actor}` and `{target}` are names or
   * emails; `{role}`, `{from}`, `{to}` are role codes.
   */
  events: {
    organization: {
      activated: "{actor} activated the organization {target}",
      deletion_requested: "{actor} asked to delete the organization {target}",
      deletion_cancelled:
        "{because, select, replaced {{actor} replaced the pending deletion of {target} with a new request} ownershipTransferred {The pending deletion of {target} was cancelled when ownership was transferred} other {{actor} cancelled the deletion of {target}}}",
      deleted: "{actor} deleted the organization {target}",
    },
    invitation: {
      sent: "{hasRole, select, true {{actor} invited {target} as {role}} other {{actor} invited {target}}}",
      resent: "{actor} resent the invitation to {target}",
      revoked: "{actor} revoked the invitation to {target}",
      accepted: "{hasRole, select, true {{target} joined as {role}} other {{target} joined}}",
    },
    member: {
      role_changed:
        "{own, select, true {{actor} changed their own role from {from} to {to}} other {{actor} changed {target}'s role from {from} to {to}}}",
      removed: "{actor} removed {target}",
      left: "{target} left the organization",
    },
    ownership: {
      transfer_requested: "{actor} asked to transfer ownership to {target}",
      transfer_cancelled:
        "{because, select, replaced {{actor} replaced the ownership transfer to {target} with a new request} targetRemoved {The ownership transfer to {target} was cancelled when {target} was removed} targetLeft {The ownership transfer to {target} was cancelled when {target} left} other {{actor} cancelled the ownership transfer to {target}}}",
      transferred: "{actor} transferred ownership to {target}",
    },
    audit: {
      // English shows the numbers without grouping ("5000"), as the log always has.
      pruned:
        "{hasDeleted, select, true {{deleted, plural, one {# event} other {# events}}} other {Some events}} older than {hasDays, select, true {{days, plural, one {# day} other {# days}}} other {the retention period}} {hasDeleted, select, true {{deleted, plural, one {was} other {were}}} other {were}} deleted",
      exported:
        "{actor} exported the audit log as {format, select, jsonl {JSON Lines} other {CSV}}",
    },
    person: {
      erased: "A person's personal data was erased; they appear as {target}",
    },
    webhook: { redelivered: "{actor} sent {target} again" },
    /** An action this version does not know, named as stored. */
    unknown: "{actor}: {action} {target}",
  },
} as const;
