import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./columns";
import { organizations } from "./organizations";

/** Append-only (R32): a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The event's public id (webhooks' `webhook-id`): random, unique across databases. */
    eventId: uuid("event_id").notNull().defaultRandom(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    targetLabel: text("target_label").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    createdAt: at("created_at").notNull(),
    /** The actor's IP address and user agent, when the host passes them (off by default). */
    actorIp: text("actor_ip"),
    actorUserAgent: text("actor_user_agent"),
  },
  (t) => [
    index("audit_events_page").on(t.organizationId, t.id),
    // Retention and export read by time.
    index("audit_events_time").on(t.organizationId, t.createdAt),
  ],
);
