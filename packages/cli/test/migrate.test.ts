import { randomBytes } from "node:crypto";
import { POSTGRES_URL } from "@orgkit/core/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrate } from "../src";

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
});
