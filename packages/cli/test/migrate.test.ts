import { randomBytes } from "node:crypto";
import { POSTGRES_URL } from "@orgkit/core/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrate, runPruneAudit } from "../src";

describe("orgkit migrate", () => {
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  const name = `orgkit_cli_${randomBytes(6).toString("hex")}`;
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  beforeAll(() => admin.unsafe(`create database ${name}`));
  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("R36 applies orgkit's migrations to DATABASE_URL from a deploy pipeline, then finds nothing to do", async () => {
    const lines: string[] = [];
    const env = { DATABASE_URL: url.toString() };
    expect(await runMigrate(env, (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toMatch(/applied \d+ migration/);
    expect(await runMigrate(env, (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toBe("orgkit: the database is up to date");
    const check = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [row] = await check`select count(*)::int as n from pg_tables where tablename = 'members'`;
    await check.end();
    expect(row?.n).toBe(1);
  });

  it("R32 prune-audit runs the retention job on DATABASE_URL: old events go, recent ones stay", async () => {
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [org] = await db`insert into organizations (id, name, name_key, audit_retention_days)
      values (${`org-${name}`}, ${name}, ${name}, 30) returning id`;
    await db`insert into audit_events (organization_id, action, target_type, target_id, target_label, created_at)
      values (${org?.id}, 'organization.activated', 'organization', ${org?.id}, 'old', now() - interval '31 days'),
             (${org?.id}, 'member.role_changed', 'member', 'm1', 'recent', now() - interval '1 day')`;
    const lines: string[] = [];
    expect(await runPruneAudit({ DATABASE_URL: url.toString() }, (line) => lines.push(line))).toBe(
      0,
    );
    expect(lines).toEqual([
      "orgkit: deleted 1 audit event(s) past their organization's retention period",
    ]);
    const left =
      await db`select target_label from audit_events where organization_id = ${org?.id} order by id`;
    await db.end();
    expect(left.map((row) => row.target_label)).toEqual(["recent", "audit log"]);
  });
});
