DROP INDEX "members_one_owner";--> statement-breakpoint
-- R16, R23: never two active owners, checked at the end of each statement (not row by row), so
-- confirming a transfer swaps the owner and the target in one UPDATE.
ALTER TABLE "members" ADD CONSTRAINT "members_one_owner"
  EXCLUDE USING btree ("organization_id" WITH =) WHERE ("role" = 'OWNER' AND "status" = 'ACTIVE')
  DEFERRABLE INITIALLY IMMEDIATE;
