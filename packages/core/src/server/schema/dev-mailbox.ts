import { bigserial, index, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "./columns";

/** Messages of the dev mailbox transport, used when no email provider is configured. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The sender's idempotency key: a retried delivery is stored once. */
    messageKey: text("message_key").notNull().unique("dev_mailbox_message_key"),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    sentAt: at("sent_at").notNull(),
  },
  (t) => [index("dev_mailbox_to").on(t.to, t.id)],
);
