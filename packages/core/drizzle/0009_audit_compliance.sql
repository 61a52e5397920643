ALTER TABLE "audit_events" ADD COLUMN "actor_ip" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_user_agent" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "audit_retention_days" integer DEFAULT 400 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_time" ON "audit_events" USING btree ("organization_id","created_at");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_audit_retention_check" CHECK ("organizations"."audit_retention_days" between 1 and 36500);--> statement-breakpoint
-- R32: the audit log stays append-only, with two narrow doors that only the retention job and
-- an erasure open, each for its own transaction: it writes its transaction id here first (a
-- row a read-only query cannot make, gone when that transaction ends).
CREATE TABLE "audit_maintenance" (
	"txid" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL CHECK ("kind" in ('retention','erasure'))
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION orgkit_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  door text := (SELECT kind FROM audit_maintenance WHERE txid = txid_current());
BEGIN
  IF TG_OP = 'DELETE' AND door = 'retention' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND door = 'erasure'
    AND NEW.id = OLD.id AND NEW.event_id = OLD.event_id
    AND NEW.organization_id = OLD.organization_id AND NEW.action = OLD.action
    AND NEW.target_type = OLD.target_type AND NEW.target_id = OLD.target_id
    AND NEW.created_at = OLD.created_at
    AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION orgkit_audit_append_only();
--> statement-breakpoint
-- The actor's IP address and user agent, when the host passes them for a request: the
-- request's transactions carry them as transaction-local settings (withRequestContext).
CREATE FUNCTION orgkit_audit_request_context() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor_ip := coalesce(NEW.actor_ip, nullif(current_setting('orgkit.actor_ip', true), ''));
  NEW.actor_user_agent := coalesce(NEW.actor_user_agent, nullif(current_setting('orgkit.actor_user_agent', true), ''));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_request_context
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION orgkit_audit_request_context();
