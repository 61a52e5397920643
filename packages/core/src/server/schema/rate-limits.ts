import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at } from "./columns";

/** Fixed-window counters, shared by every app instance through the database (R37). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: at("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
