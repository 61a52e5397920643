import { type AnyColumn, type Placeholder, sql } from "drizzle-orm";
import { members } from "./schema";

const own = (column: AnyColumn) => sql`own.${sql.identifier(column.name)}`;

/**
 * R7: the id of an account's current membership row: its active one, else its latest removed
 * one. An account has at most one active membership (`members_user_active`); removed rows stay
 * as history, and the latest tells a removed member why their next request is refused (R25).
 * The subquery names its columns through its own alias (drizzle may leave them unqualified).
 */
export const currentMembershipId = (userId: string | Placeholder) =>
  currentMembership(members.id, userId);

/** The organization of an account's current membership (R7's row, as `currentMembershipId`). */
export const currentOrganizationId = (userId: string | Placeholder) =>
  currentMembership(members.organizationId, userId);

const currentMembership = (column: AnyColumn, userId: string | Placeholder) =>
  sql<string>`(select ${own(column)} from ${members} as own where ${own(members.userId)} = ${userId} order by (${own(members.status)} = 'ACTIVE') desc, ${own(members.createdAt)} desc limit 1)`;

/**
 * The columns a rule's `MemberFacts` come from: every read of a member the policy decides on
 * selects these, so no reader can forget why a membership ended (R25's message depends on it).
 */
export const memberFactColumns = {
  id: members.id,
  role: members.role,
  status: members.status,
  removalReason: members.removalReason,
};
