import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { MemberStatus, RemovalReason, Role } from "../../policy";
import { users } from "./auth";
import { at, id } from "./columns";

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    /** `organizationNameKey(name)`: names that look identical share it, so only one exists (R39). */
    nameKey: text("name_key").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    /** Days the audit log is kept; `pruneAuditLog` deletes older events. */
    auditRetentionDays: integer("audit_retention_days").notNull().default(400),
    /** Seats the host sells this organization (members plus pending invitations); null: no limit. */
    seatLimit: integer("seat_limit"),
    /** When the owner deleted it: its members are REMOVED (reason DELETED), its name is free. */
    deletedAt: at("deleted_at"),
  },
  (t) => [
    // A deleted organization's name is free again (R5): only live organizations reserve one.
    uniqueIndex("organizations_name_key").on(t.nameKey).where(sql`${t.deletedAt} is null`),
    check("organizations_audit_retention_check", sql`${t.auditRetentionDays} between 1 and 36500`),
    check("organizations_seat_limit_check", sql`${t.seatLimit} > 0`),
  ],
);

export const members = pgTable(
  "members",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** One active membership per account; removed ones stay as history (R7). */
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    username: text("username").notNull(),
    role: text("role").$type<Role>().notNull(),
    status: text("status").$type<MemberStatus>().notNull().default("ACTIVE"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    removedAt: at("removed_at"),
    /** Why a REMOVED member left: an admin removed them, or they left themselves. */
    removalReason: text("removal_reason").$type<RemovalReason>(),
  },
  (t) => [
    uniqueIndex("members_user_active").on(t.userId).where(sql`${t.status} = 'ACTIVE'`),
    index("members_user").on(t.userId, t.createdAt),
    // Second line of defence for R16/R23, never two active owners, is the deferrable exclusion
    // constraint members_one_owner (migration 0013; drizzle cannot declare one): checked at the
    // end of each statement, so one UPDATE can swap the owner and the target.
    uniqueIndex("members_active_username")
      .on(t.organizationId, sql`lower(${t.username})`)
      .where(sql`${t.status} = 'ACTIVE'`),
    // R16's count of active admin-like members reads only those rows, whatever the size.
    index("members_active_admins")
      .on(t.organizationId)
      .where(sql`${t.status} = 'ACTIVE' and ${t.role} in ('OWNER', 'ADMIN')`),
    // Keyset pagination of the members page: (organization, username, id).
    index("members_page").on(t.organizationId, sql`${t.username} collate "C"`, t.id),
    check("members_role_check", sql`${t.role} in ('OWNER','ADMIN','USER','VIEWER')`),
    check("members_status_check", sql`${t.status} in ('ACTIVE','REMOVED')`),
    check("members_removal_reason_check", sql`${t.removalReason} in ('REMOVED','LEFT','DELETED')`),
  ],
);

/**
 * How many members an organization has in each status and role, kept by triggers on `members`
 * (migration 0014), so a count costs the same at 10 members and at 100,000. A row whose count
 * fell to 0 stays (a role emptied, an organization deleted): readers sum, so it counts nothing.
 */
export const memberCounts = pgTable(
  "member_counts",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    status: text("status").$type<MemberStatus>().notNull(),
    role: text("role").$type<Role>().notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.status, t.role] }),
    check("member_counts_count_check", sql`${t.count} >= 0`),
  ],
);
