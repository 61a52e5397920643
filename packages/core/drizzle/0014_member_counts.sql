CREATE TABLE "member_counts" (
	"organization_id" text NOT NULL,
	"status" text NOT NULL,
	"role" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "member_counts_organization_id_status_role_pk" PRIMARY KEY("organization_id","status","role"),
	CONSTRAINT "member_counts_count_check" CHECK ("member_counts"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "member_counts" ADD CONSTRAINT "member_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- How many members each organization has per status and role, kept in the same transaction as
-- the write by statement triggers with transition tables: one statement per write, however many
-- rows it touched. A count drops by UPDATE, as a CHECK is tested before ON CONFLICT.
CREATE FUNCTION orgkit_member_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO member_counts AS counted (organization_id, status, role, count)
      SELECT organization_id, status, role, count(*) FROM new_rows GROUP BY 1, 2, 3
      ON CONFLICT (organization_id, status, role)
      DO UPDATE SET count = counted.count + excluded.count;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH changes AS (
      SELECT organization_id, status, role, sum(n) AS n FROM (
        SELECT organization_id, status, role, -1 AS n FROM old_rows
        UNION ALL
        SELECT organization_id, status, role, 1 AS n FROM new_rows
      ) moved GROUP BY 1, 2, 3 HAVING sum(n) <> 0
    ), dropped AS (
      UPDATE member_counts AS counted SET count = counted.count + changes.n
      FROM changes
      WHERE changes.n < 0 AND counted.organization_id = changes.organization_id
        AND counted.status = changes.status AND counted.role = changes.role
    )
    INSERT INTO member_counts AS counted (organization_id, status, role, count)
      SELECT organization_id, status, role, n FROM changes WHERE n > 0
      ON CONFLICT (organization_id, status, role)
      DO UPDATE SET count = counted.count + excluded.count;
  ELSE
    UPDATE member_counts AS counted SET count = counted.count - gone.n
    FROM (SELECT organization_id, status, role, count(*) AS n FROM old_rows GROUP BY 1, 2, 3) gone
    WHERE counted.organization_id = gone.organization_id AND counted.status = gone.status
      AND counted.role = gone.role;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_counted_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION orgkit_member_counts();
--> statement-breakpoint
CREATE TRIGGER members_counted_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION orgkit_member_counts();
--> statement-breakpoint
CREATE TRIGGER members_counted_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION orgkit_member_counts();
--> statement-breakpoint
INSERT INTO member_counts (organization_id, status, role, count)
  SELECT organization_id, status, role, count(*) FROM members GROUP BY 1, 2, 3;
