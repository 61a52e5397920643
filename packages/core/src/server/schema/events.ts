import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
} from "drizzle-orm/pg-core";
import { auditEvents } from "./audit";
import { at } from "./columns";
import { organizations } from "./organizations";

/**
 * Who receives events: `host` (the app's own `onEvent`) and each webhook endpoint, by name.
 * Written by `syncEventConsumers` at start; the audit log's trigger reads it to fan out.
 */
export const eventConsumers = pgTable("event_consumers", {
  name: text("name").primaryKey(),
  /** A webhook endpoint's URL; null for the host's in-process subscriber. */
  url: text("url"),
  /** The event types it receives; null for all. */
  eventTypes: text("event_types").array(),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: at("created_at").notNull().defaultNow(),
});

export type EventDeliveryStatus = "PENDING" | "SENT" | "DEAD";

/**
 * One event for one consumer: the events' outbox and each endpoint's delivery log. Rows are
 * written by the trigger on `audit_events`, in the transaction of the change.
 */
export const eventDeliveries = pgTable(
  "event_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    auditEventId: bigint("audit_event_id", { mode: "number" })
      .notNull()
      .references(() => auditEvents.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    consumer: text("consumer")
      .notNull()
      .references(() => eventConsumers.name),
    eventType: text("event_type").notNull(),
    status: text("status").$type<EventDeliveryStatus>().notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lastError: text("last_error"),
    /** The endpoint's last HTTP status, for the delivery log. */
    lastStatus: integer("last_status"),
    createdAt: at("created_at").notNull(),
    deliveredAt: at("delivered_at"),
  },
  (t) => [
    index("event_deliveries_due").on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    // Each consumer's queue per organization, oldest first: only its head is delivered.
    index("event_deliveries_queue")
      .on(t.consumer, t.organizationId, t.id)
      .where(sql`${t.status} = 'PENDING'`),
    index("event_deliveries_log").on(t.organizationId, t.consumer, t.id),
    check("event_deliveries_status_check", sql`${t.status} in ('PENDING','SENT','DEAD')`),
  ],
);
