CREATE TABLE "event_consumers" (
	"name" text PRIMARY KEY NOT NULL,
	"url" text,
	"event_types" text[],
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_event_id" bigint NOT NULL,
	"organization_id" text NOT NULL,
	"consumer" text NOT NULL,
	"event_type" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"last_status" integer,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "event_deliveries_status_check" CHECK ("event_deliveries"."status" in ('PENDING','SENT','DEAD'))
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "event_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_audit_event_id_audit_events_id_fk" FOREIGN KEY ("audit_event_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_consumer_event_consumers_name_fk" FOREIGN KEY ("consumer") REFERENCES "public"."event_consumers"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_deliveries_due" ON "event_deliveries" USING btree ("next_attempt_at") WHERE "event_deliveries"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "event_deliveries_queue" ON "event_deliveries" USING btree ("consumer","organization_id","id") WHERE "event_deliveries"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "event_deliveries_log" ON "event_deliveries" USING btree ("organization_id","consumer","id");--> statement-breakpoint
-- The event each audit action publishes (EVENT_TYPE_OF_ACTION in the policy; a test keeps them equal).
CREATE FUNCTION orgkit_event_type(action text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE action
    WHEN 'invitation.sent' THEN 'member.invited'
    WHEN 'invitation.resent' THEN 'invitation.resent'
    WHEN 'invitation.revoked' THEN 'invitation.revoked'
    WHEN 'invitation.accepted' THEN 'member.joined'
    WHEN 'member.role_changed' THEN 'member.role_changed'
    WHEN 'member.removed' THEN 'member.removed'
    WHEN 'member.left' THEN 'member.left'
    WHEN 'ownership.transfer_requested' THEN 'ownership.transfer_started'
    WHEN 'ownership.transferred' THEN 'ownership.transferred'
    WHEN 'organization.activated' THEN 'organization.activated'
    WHEN 'person.erased' THEN 'person.erased'
  END
$$;
--> statement-breakpoint
-- Fans each audit event out to every enabled consumer of its type, in the change's
-- transaction: an event is delivered if and only if its change committed.
CREATE FUNCTION orgkit_fan_out_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  type text := orgkit_event_type(NEW.action);
BEGIN
  IF type IS NOT NULL THEN
    INSERT INTO event_deliveries (audit_event_id, organization_id, consumer, event_type, next_attempt_at, created_at)
    SELECT NEW.id, NEW.organization_id, c.name, type, NEW.created_at, NEW.created_at
    FROM event_consumers c
    WHERE c.enabled AND (c.event_types IS NULL OR type = ANY (c.event_types));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_fan_out
  AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION orgkit_fan_out_event();
