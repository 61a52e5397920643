/** Invite several: paste or upload, check, fix, send, result. */
export const inviteSeveral = {
  title: "Invite several",
  pasteLabel: "Paste one person per line: email, username, role",
  pasteHint:
    "Up to {maxRows, number} rows ({maxCharacters, number} characters) at a time, separated by commas, semicolons or tabs, as a spreadsheet exports them; a first line naming the columns is optional. Every row is checked before anything is sent.",
  tooLong: "The list has {length, number} characters: split it into parts of at most {max, number}",
  chooseFile: "Or choose a CSV file",
  checkRows: "Check rows",
  readySummary:
    "{ready, plural, one {# row} other {# rows}} ready{refused, plural, =0 {} one {, # row refused} other {, # rows refused}}",
  sentSummary:
    "{sent, plural, one {# invitation} other {# invitations}} sent{refused, plural, =0 {} one {, # row refused} other {, # rows refused}}",
  rowsChanged: "Rows changed: check again before sending.",
  showOnlyToFix: "Show only rows to fix",
  rowsToInvite: "Rows to invite",
  refusedRows: "Refused rows",
  columns: {
    row: "Row",
    email: "Email",
    username: "Username",
    role: "Role",
    status: "Status",
    reason: "Reason",
  },
  emailOfRow: "Email, row {row, number}",
  usernameOfRow: "Username, row {row, number}",
  roleOfRow: "Role, row {row, number}",
  noRole: "(none)",
  pages: "Rows",
  previous: "Previous",
  next: "Next",
  pageOf: "Page {page, number} of {pages, number}",
  checkAgain: "Check again",
  send: "Send {count, plural, one {# invitation} other {# invitations}}",
  startOver: "Start over",
  inviteMore: "Invite more",
  statuses: {
    ready: "Ready",
    changed: "Changed",
    sent: "Sent",
  },
} as const;
