/** Every email: subject, heading, body, button and footnote. */
export const emails = {
  openLink: "Or open this link: {url}",
  invitation: {
    subject: "You are invited to join {organization}",
    heading: "Join {organization}",
    body: "{inviter} invited you to join {organization} as {role}, with the username {username}.",
    role: "{role}: {description}",
    action: "Accept invitation",
    expires: "This link expires on {expiresAt} and works once.",
    footnote:
      "If you did not expect this invitation, ignore this email: nothing happens unless you accept it.",
  },
  transferConfirmation: {
    subject: "Confirm the ownership transfer of {organization}",
    heading: "Confirm ownership transfer",
    body: "{owner}, you asked to transfer ownership of {organization} to {target} ({targetEmail}).",
    effect:
      "When you confirm, you become ADMIN and {target} becomes OWNER. Nothing changes until then.",
    action: "Confirm transfer",
    expires: "This link expires in 24 hours, on {expiresAt}, and works once.",
    footnote:
      "Changed your mind? Open user management ({cancelUrl}) and select Cancel transfer. If you did not ask for this, cancel it there.",
  },
  transferred: {
    subject: "Ownership of {organization} was transferred",
    heading: "Ownership transferred",
    body: "{newOwner} is now the OWNER of {organization}. {previousOwner} is now an ADMIN.",
    action: "Open organization",
  },
  deletionConfirmation: {
    subject: "Confirm the deletion of {organization}",
    heading: "Confirm organization deletion",
    body: "{owner}, you asked to delete {organization}.",
    effect:
      "When you confirm, every member loses access at once and returns to personal mode, pending invitations stop working, and the name {organization} becomes free. The activity log is kept. Nothing changes until then.",
    action: "Delete organization",
    expires: "This link expires in 24 hours, on {expiresAt}, and works once.",
    footnote:
      "Changed your mind? Open the Organization page ({cancelUrl}) and select Cancel deletion. If you did not ask for this, cancel it there.",
  },
} as const;
