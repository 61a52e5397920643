ALTER TABLE "audit_events" ADD COLUMN "actor_ip" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_user_agent" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "audit_retention_days" integer DEFAULT 400 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_time" ON "audit_events" USING btree ("organization_id","created_at");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_audit_retention_check" CHECK ("organizations"."audit_retention_days" between 1 and 36500);--> statement-breakpoint
-- R32: the audit log stays append-only, with two narrow doors a transaction opens for itself
-- (set_config(…, true) lasts until its COMMIT): retention deletes old events, erasure
-- rewrites a person's personal data and nothing else of an event.
CREATE OR REPLACE FUNCTION orgkit_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('orgkit.audit_maintenance', true) = 'retention' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('orgkit.audit_maintenance', true) = 'erasure'
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
