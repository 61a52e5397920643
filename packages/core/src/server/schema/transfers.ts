import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, id } from "./columns";
import { members, organizations } from "./organizations";

export type TransferStatus = "PENDING" | "CONFIRMED" | "CANCELLED";

export const ownershipTransfers = pgTable(
  "ownership_transfers",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    fromMemberId: text("from_member_id")
      .notNull()
      .references(() => members.id),
    toMemberId: text("to_member_id")
      .notNull()
      .references(() => members.id),
    /** Where the confirmation link was sent (R24). */
    sentTo: text("sent_to").notNull(),
    tokenHash: text("token_hash").notNull().unique("ownership_transfers_token_key"),
    status: text("status").$type<TransferStatus>().notNull().default("PENDING"),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [
    // One transfer is pending at a time (R22).
    uniqueIndex("ownership_transfers_one_pending")
      .on(t.organizationId)
      .where(sql`${t.status} = 'PENDING'`),
    check(
      "ownership_transfers_status_check",
      sql`${t.status} in ('PENDING','CONFIRMED','CANCELLED')`,
    ),
  ],
);
