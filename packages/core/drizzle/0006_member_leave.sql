ALTER TABLE "members" ADD COLUMN "removal_reason" text;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_removal_reason_check" CHECK ("members"."removal_reason" in ('REMOVED','LEFT'));--> statement-breakpoint
UPDATE "members" SET "removal_reason" = 'REMOVED' WHERE "status" = 'REMOVED';
