import { text, timestamp } from "drizzle-orm/pg-core";

export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
