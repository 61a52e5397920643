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

export async function ensureDemoTables(db: Db): Promise<void> {
  await db.execute(sql`create table if not exists demo_endpoints (
    id text primary key,
    organization_id text not null references organizations(id),
    name text not null,
    url text not null,
    created_at timestamptz not null default now()
  )`);
}
