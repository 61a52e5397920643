/** The pages an emailed link opens: accept invitation, confirm transfer, confirm deletion. */
export const links = {
  /** When the link stops working, in the tense the server's decision gives it. */
  linkExpiry: "This link {expired, select, true {expired} other {expires}} on {expiresAt}.",
  invitation: {
    missing:
      "To see this invitation, open the link in your invitation email. The page forgets the link once it is open, so a reload needs the email again.",
    /** The invitation cannot be shown; `reason` is the refusal's own message. */
    notValid: "{reason}. Ask an admin of the organization for a new invitation.",
    /** The invitation's organization was deleted; `reason` is the refusal's own message. */
    organizationDeleted: "{reason}.",
    join: "Join {organization}",
    invitedBy: "Invited by",
    email: "Email",
    username: "Username",
    role: "Role",
    expires: "Expires",
    expired: "Expired",
    accept: "Accept invitation",
    otherAccount: "You are signed in as {account}. This invitation is for {email}.",
    continueAs: "Continue as {email}?",
    switchAccount: "Accepting signs {account} out on this browser and signs you in as {email}.",
    acceptAs: "Accept as {email}",
    welcome: "Welcome aboard",
    /** The person joined through this link (R15); `reason` is the refusal's own message. */
    alreadyJoined: "{reason}.",
    /** Shown under `alreadyJoined`: a link to the organization's pages. */
    openOrganization: "Go to your organization",
  },
  transfer: {
    missing: "To confirm the transfer, open the confirmation link from your email.",
    explained:
      "When you confirm, you become <strong>ADMIN</strong> and <strong>{target}</strong> becomes <strong>OWNER</strong> of {organization}. There is always exactly one owner.",
    confirm: "Confirm transfer",
    back: "Back to user management",
    transferred: "Ownership transferred",
  },
  deletion: {
    missing: "To delete the organization, open the confirmation link from your email.",
    /** `members` is the count as shown: "1,234", or "10,000+" past the cap. */
    explained:
      "When you confirm, <strong>{organization}</strong> is deleted: {count, plural, =1 {its one member loses access at once and returns} other {all {members} members lose access at once and return}} to personal mode, pending invitations stop working and the name becomes free. This cannot be undone.",
    confirm: "Delete organization",
    back: "Back to organization",
    deleted: "Organization deleted",
  },
} as const;
