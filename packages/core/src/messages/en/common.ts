/** Words every page shares: roles, page titles, generic states and errors. */
export const common = {
  roleDescriptions: {
    OWNER: "Organization owner. Can manage organization settings, users, and ownership transfer.",
    ADMIN: "Can manage organization settings, users, invitations, endpoints, and targets.",
    USER: "Can create and manage delivery configuration, but cannot manage organization users.",
    VIEWER:
      "Read-only access. Can view organization resources but cannot mutate settings, endpoints, targets, users, or other configuration.",
  },
  pageTitles: {
    organization: "Organization",
    users: "User management",
    activity: "Activity",
    acceptInvitation: "Accept invitation",
    confirmTransfer: "Confirm ownership transfer",
    confirmDeletion: "Confirm organization deletion",
    notFound: "Not found",
  },
  /** Statuses as badges show them: the guide writes them as codes. */
  statuses: {
    ACTIVE: "ACTIVE",
    REMOVED: "REMOVED",
    PENDING: "PENDING",
    ACCEPTED: "ACCEPTED",
    REVOKED: "REVOKED",
    EXPIRED: "EXPIRED",
  },
  pageNotFound: "This page does not exist.",
  loading: "Loading…",
  emailLanguage: "Email language",
  cancel: "Cancel",
  dismiss: "Dismiss",
  notification: "Notification",
  notifications: "Notifications ({hotkey})",
  thereIsAProblem: "There is a problem",
  somethingWentWrong: "Something went wrong. Try again.",
  requestTooLarge: "Too much at once: send it in smaller parts",
} as const;
