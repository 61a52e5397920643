/** The Organization page: activation, members' own role, leaving, transfer banner, deletion. */
export const organization = {
  transferPending:
    "Ownership transfer to <strong>{target}</strong> is pending. Confirmation sent to <strong>{sentTo}</strong> ({expired, select, true {the link has expired} other {link valid until {expiresAt}}}).",
  cancelTransfer: "Cancel transfer",
  transferCancelled: "Ownership transfer cancelled",
  yourRole: "Your role",
  yourUsername: "Your username",
  openUserManagement: "Open user management",
  /** Leave organization: the section's title, its button and the dialog's confirm button. */
  leave: "Leave organization",
  leaveExplained:
    "You lose access to {organization} at once and return to personal mode. An admin can invite you again.",
  leaveConfirmTitle: "Leave {organization}?",
  leaveConfirmText:
    "You lose access to the organization at once and return to personal mode. An admin can invite you again.",
  left: "You left {organization}",
  /** Activate organization: the section's title and its button. */
  activate: "Activate organization",
  activateExplained:
    "You are in personal mode. Create an organization with a unique name to use Organization and User Management.",
  organizationName: "Organization name",
  activated: "{organization} is active",
  /** Delete organization: the section's title and its button. */
  delete: "Delete organization",
  deletionPending:
    "Deletion of <strong>{organization}</strong> is pending. Confirmation sent to <strong>{sentTo}</strong> ({expired, select, true {the link has expired} other {link valid until {expiresAt}}}).",
  cancelDeletion: "Cancel deletion",
  deletionCancelled: "Deletion cancelled",
  deleteExplained:
    "Every member loses access at once and returns to personal mode, pending invitations stop working and the name becomes free. Nobody can open the activity log afterwards: export it from Activity first if you need it. A confirmation link is emailed to you first; nothing changes until you open it.",
  typeNameToConfirm: "Type {organization} to confirm",
  sendNewLink: "Send a new link",
  confirmationSent: "Confirmation sent to {sentTo}",
} as const;
