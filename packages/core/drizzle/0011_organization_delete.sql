CREATE TABLE "organization_deletions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"requested_by_member_id" text NOT NULL,
	"sent_to" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "organization_deletions_token_key" UNIQUE("token_hash"),
	CONSTRAINT "organization_deletions_status_check" CHECK ("organization_deletions"."status" in ('PENDING','CONFIRMED','CANCELLED'))
);
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_removal_reason_check";--> statement-breakpoint
DROP INDEX "organizations_name_key";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_deletions" ADD CONSTRAINT "organization_deletions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_deletions" ADD CONSTRAINT "organization_deletions_requested_by_member_id_members_id_fk" FOREIGN KEY ("requested_by_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_deletions_one_pending" ON "organization_deletions" USING btree ("organization_id") WHERE "organization_deletions"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations" USING btree ("name_key") WHERE "organizations"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_removal_reason_check" CHECK ("members"."removal_reason" in ('REMOVED','LEFT','DELETED'));--> statement-breakpoint
-- The event each audit action publishes, now with organization.deleted (EVENT_TYPE_OF_ACTION).
CREATE OR REPLACE FUNCTION orgkit_event_type(action text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
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
    WHEN 'organization.deleted' THEN 'organization.deleted'
    WHEN 'person.erased' THEN 'person.erased'
  END
$$;
