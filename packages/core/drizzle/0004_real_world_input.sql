ALTER TABLE "members" DROP CONSTRAINT "members_user_key";--> statement-breakpoint
DROP INDEX "invitations_pending_email";--> statement-breakpoint
DROP INDEX "invitations_pending_username";--> statement-breakpoint
DROP INDEX "organizations_name_key";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "name_key" text;--> statement-breakpoint
-- Existing names get SQL's nearest key (the app writes organizationNameKey from now on); of names
-- that collide under it, the oldest keeps the key and the others are suffixed with their id.
UPDATE "organizations" SET "name_key" = btrim(regexp_replace(lower(normalize("name", NFKC)), '\s+', ' ', 'g'));--> statement-breakpoint
UPDATE "organizations" o SET "name_key" = o."name_key" || ' #' || o."id" WHERE EXISTS (SELECT 1 FROM "organizations" p WHERE p."name_key" = o."name_key" AND (p."created_at", p."id") < (o."created_at", o."id"));--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "members_user_active" ON "members" USING btree ("user_id") WHERE "members"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "members_user" ON "members" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "invitations_pending_email" ON "invitations" USING btree ("organization_id",lower("email")) WHERE "invitations"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "invitations_pending_username" ON "invitations" USING btree ("organization_id",lower("username")) WHERE "invitations"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations" USING btree ("name_key");