import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import type { InvitationRole, StoredInvitationStatus } from "../../policy";
import { at, id } from "./columns";
import { members, organizations } from "./organizations";

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    username: text("username").notNull(),
    role: text("role").$type<InvitationRole>().notNull(),
    status: text("status").$type<StoredInvitationStatus>().notNull().default("PENDING"),
    /** SHA-256 of the link's token; the token itself is never stored (R33). */
    tokenHash: text("token_hash").notNull().unique("invitations_token_key"),
    /** Bumped by each resend, so a queued email for an older link is recognisable. */
    version: integer("version").notNull().default(1),
    /** The language the invitation's emails are written in, as the inviter chose it (`en`, `de`). */
    locale: text("locale").notNull().default("en"),
    invitedByMemberId: text("invited_by_member_id")
      .notNull()
      .references(() => members.id),
    acceptedMemberId: text("accepted_member_id").references(() => members.id),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    // Not unique: an expired invitation is still PENDING but reserves nothing (R9, R10), and
    // every invitation of an organization is written under its lock (R36).
    index("invitations_pending_email")
      .on(t.organizationId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'PENDING'`),
    index("invitations_pending_username")
      .on(t.organizationId, sql`lower(${t.username})`)
      .where(sql`${t.status} = 'PENDING'`),
    index("invitations_page").on(t.organizationId, t.status, t.createdAt),
    check("invitations_role_check", sql`${t.role} in ('ADMIN','USER','VIEWER')`),
    check("invitations_status_check", sql`${t.status} in ('PENDING','ACCEPTED','REVOKED')`),
  ],
);
