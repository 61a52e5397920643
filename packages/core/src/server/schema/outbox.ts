import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./columns";
import { organizations } from "./organizations";

/** CANCELLED: the invitation or transfer it belongs to was revoked, resent or cancelled first. */
export type OutboxStatus = "PENDING" | "SENT" | "DEAD" | "CANCELLED";

/** Email written in the same transaction as the change, delivered after commit (R38). */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /**
     * The message's idempotency key for providers: random, so it never repeats across
     * databases (a preview branch, a reset database) the way a serial id does.
     */
    messageKey: uuid("message_key").notNull().defaultRandom(),
    organizationId: text("organization_id").references(() => organizations.id),
    template: text("template").notNull(),
    to: text("to").notNull(),
    /** Template props. A link's token is kept only sealed, and wiped once sent. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The invitation or transfer the message belongs to, for "email failed" displays. */
    subjectId: text("subject_id"),
    status: text("status").$type<OutboxStatus>().notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull(),
    sentAt: at("sent_at"),
  },
  (t) => [
    index("email_outbox_due").on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    index("email_outbox_subject").on(t.subjectId),
    check("email_outbox_status_check", sql`${t.status} in ('PENDING','SENT','DEAD','CANCELLED')`),
  ],
);
