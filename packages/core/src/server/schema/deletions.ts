import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, id } from "./columns";
import { members, organizations } from "./organizations";

export type DeletionStatus = "PENDING" | "CONFIRMED" | "CANCELLED";

/** An owner's request to delete their organization, confirmed from an emailed link. */
export const organizationDeletions = pgTable(
  "organization_deletions",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    requestedByMemberId: text("requested_by_member_id")
      .notNull()
      .references(() => members.id),
    /** Where the confirmation link was sent. */
    sentTo: text("sent_to").notNull(),
    /** SHA-256 of the link's token; the token itself is never stored (R33). */
    tokenHash: text("token_hash").notNull().unique("organization_deletions_token_key"),
    status: text("status").$type<DeletionStatus>().notNull().default("PENDING"),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [
    // One deletion is pending at a time; a new request replaces the previous one.
    uniqueIndex("organization_deletions_one_pending")
      .on(t.organizationId)
      .where(sql`${t.status} = 'PENDING'`),
    check(
      "organization_deletions_status_check",
      sql`${t.status} in ('PENDING','CONFIRMED','CANCELLED')`,
    ),
  ],
);
