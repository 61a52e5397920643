import type { Db } from "@orgkit/core/server";
import { sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A toy host resource, checked with orgkit's policy like any host resource (R2). */
export const endpoints = pgTable("demo_endpoints", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  organizationId: text("organization_id").notNull(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Creates the demo's own table once. Several instances start together on one database, and
 * two concurrent `create table if not exists` can both try to create it: a transaction-scoped
 * advisory lock (safe through a transaction-mode pooler) lets one at a time check.
 */
export async function ensureDemoTables(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orgkit-demo-tables'))`);
    await tx.execute(sql`create table if not exists demo_endpoints (
      id text primary key,
      organization_id text not null references organizations(id),
      name text not null,
      url text not null,
      created_at timestamptz not null default now()
    )`);
  });
}
