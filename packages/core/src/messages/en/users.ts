/** The Users page: seats, the members and invitations lists, their rows and actions, Invite user. */
export const users = {
  backToOrganization: "Back to organization",
  organizationUsers: "Organization users",
  /** Seats used against the organization's limit. */
  seats: "{used, number} of {limit, plural, one {# seat} other {# seats}}",
  tabs: {
    members: "Members",
    invitations: "Pending invitations",
    removed: "Removed",
  },
  /**
   * Each list's states. `{shown}` and `{total}` arrive formatted (past 10,000 a count reads
   * "10,000+"); `{count}` is the number that chooses the plural.
   */
  lists: {
    members: {
      loading: "Loading members…",
      loadFailed: "Could not load members: {error}",
      empty: "No members.",
      noMatch: "No members match.",
      showing: "Showing {shown} {count, plural, one {member} other {members}}",
      showingOf: "Showing {shown} of {total} {count, plural, one {member} other {members}}",
    },
    removed: {
      loading: "Loading removed members…",
      loadFailed: "Could not load removed members: {error}",
      empty: "No removed members.",
      noMatch: "No removed members match.",
      showing: "Showing {shown} removed {count, plural, one {member} other {members}}",
      showingOf: "Showing {shown} of {total} removed {count, plural, one {member} other {members}}",
    },
    invitations: {
      loading: "Loading pending invitations…",
      loadFailed: "Could not load pending invitations: {error}",
      empty: "No pending invitations.",
      noMatch: "No pending invitations match.",
      showing: "Showing {shown} pending {count, plural, one {invitation} other {invitations}}",
      showingOf:
        "Showing {shown} of {total} pending {count, plural, one {invitation} other {invitations}}",
    },
  },
  retry: "Retry",
  loadMore: "Load more",
  searchMembers: "Search by username or email",
  searchInvitations: "Search by email or username",
  allRoles: "All roles",
  /** Column headers, and the invite form's labels. */
  username: "Username",
  email: "Email",
  role: "Role",
  status: "Status",
  expires: "Expires",
  actions: "Actions",
  /** A row's labels before a value, e.g. "Role: ADMIN" on a phone. */
  usernameLabel: "Username:",
  roleLabel: "Role:",
  statusLabel: "Status:",
  expiresLabel: "Expires:",
  /** A form field's error, before its message, for screen readers. */
  errorLabel: "Error:",
  actionsFor: "Actions for {name}",
  you: "You",
  /** A removed member who left by themselves. */
  left: "left",
  changeRole: "Change role",
  changeRoleTo: "Change role to {role}",
  transferOwnership: "Transfer ownership",
  remove: "Remove",
  roleChanged: "{username} is now {role}",
  memberRemoved: "{username} was removed",
  transferStarted: "Confirmation sent to {sentTo}",
  removeConfirmTitle: "Remove {username}?",
  removeConfirmText: "They lose access at once and stay listed as REMOVED. This cannot be undone.",
  transferConfirmTitle: "Transfer ownership to {username}?",
  transferConfirmText:
    "A confirmation link is emailed to you. Nothing changes until you confirm: then you become ADMIN and they become OWNER.",
  sendConfirmation: "Send confirmation",
  demoteSelfTitle: "Change your own role to {role}?",
  demoteSelfText:
    "You will lose User management: you can no longer invite people, change roles or remove members, and only another admin or the owner can give it back.",
  changeMyRole: "Change my role",
  emailFailed: "Email failed",
  resend: "Resend",
  revoke: "Revoke",
  invitationResent: "Invitation resent to {email}",
  invitationRevoked: "Invitation to {email} revoked",
  revokeConfirmTitle: "Revoke the invitation to {email}?",
  revokeConfirmText: "The link stops working at once.",
  inviteUser: "Invite user",
  usernameHint: "{min, number}–{max, number} characters: a-z, 0-9, dot, underscore or hyphen",
  sendInvitation: "Send invitation",
  invitationSent: "Invitation sent to {email}",
  /** The server's refusal (`{reason}`) with what it means for this field. */
  emailTaken: "{reason}: This email is already registered or invited.",
  usernameTaken: "{reason}: This username is taken in the organization.",
} as const;
