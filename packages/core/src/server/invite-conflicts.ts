import {
  type AnyColumn,
  Column,
  getTableName,
  is,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { invitations, members, users } from "./schema";
import { instant } from "./seats";

/**
 * A value, a placeholder of one (`reusable`), or a column of the row being read (for one answer
 * per listed invitation).
 */
type Value = string | SQL | AnyColumn | Placeholder;

/**
 * `table.column`, always qualified. drizzle leaves the columns of a one-table select
 * unqualified, even inside a subquery, where they would name the subquery's own table.
 */
const ref = (table: string, column: AnyColumn) =>
  sql`${sql.identifier(table)}.${sql.identifier(column.name)}`;
const outer = (value: Value): string | SQL | Placeholder =>
  is(value, Column) ? ref(getTableName(value.table), value) : value;

/**
 * R9: an account with this email is an active member of an organization. A personal-mode
 * account (one that signed in first, or whose membership was removed) can be invited.
 */
export const emailRegistered = (value: Value) =>
  sql<boolean>`exists (select 1 from ${users} as account inner join ${members} as membership on ${ref("membership", members.userId)} = ${ref("account", users.id)} and ${ref("membership", members.status)} = 'ACTIVE' where lower(${ref("account", users.email)}) = lower(${outer(value)}))`;

/**
 * R9, R10: the conflicts of an invitation for `email` and `username` in one organization, as
 * SQL to select: only that organization's pending, unexpired invitations reserve anything
 * (`except` leaves out the invitation being resent).
 */
export function inviteConflicts(input: {
  organizationId: Value;
  email: Value;
  username: Value;
  /** A moment, or a placeholder of one as an ISO 8601 string. */
  now: Date | Placeholder;
  except?: Value;
}) {
  const organizationId = outer(input.organizationId);
  const other = (column: AnyColumn) => ref("other_invitation", column);
  const open = sql`${other(invitations.organizationId)} = ${organizationId} and ${other(invitations.status)} = 'PENDING' and ${other(invitations.expiresAt)} > ${instant(input.now)}::timestamptz${input.except ? sql` and ${other(invitations.id)} <> ${outer(input.except)}` : sql``}`;
  const openInvitation = (column: AnyColumn, value: Value) =>
    sql`exists (select 1 from ${invitations} as other_invitation where ${open} and lower(${other(column)}) = lower(${outer(value)}))`;
  return {
    emailRegistered: emailRegistered(input.email),
    emailInvited: sql<boolean>`${openInvitation(invitations.email, input.email)}`,
    usernameTaken: sql<boolean>`(exists (select 1 from ${members} as membership where ${ref("membership", members.organizationId)} = ${organizationId} and lower(${ref("membership", members.username)}) = lower(${outer(input.username)}) and ${ref("membership", members.status)} = 'ACTIVE') or ${openInvitation(invitations.username, input.username)})`,
  };
}

/** R10, R12: the conflicts of the invitation row being read, as a resend re-checks them. */
export const resendConflicts = (now: Date) =>
  inviteConflicts({
    organizationId: invitations.organizationId,
    email: invitations.email,
    username: invitations.username,
    now,
    except: invitations.id,
  });
