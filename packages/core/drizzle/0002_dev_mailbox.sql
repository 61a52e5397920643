CREATE TABLE "dev_mailbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_key" text NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dev_mailbox_message_key" UNIQUE("message_key")
);
--> statement-breakpoint
CREATE INDEX "dev_mailbox_to" ON "dev_mailbox" USING btree ("to","id");