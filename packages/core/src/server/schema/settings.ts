import { pgTable, text } from "drizzle-orm/pg-core";
import { at } from "./columns";

/** Facts about the deployment itself, e.g. the fingerprint of the secret every instance shares. */
export const orgkitSettings = pgTable("orgkit_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
