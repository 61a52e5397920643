import { randomBytes } from "node:crypto";
import { readMigrationFiles } from "drizzle-orm/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsFolder, openDatabase } from "../../src/server";
import { POSTGRES_URL, type Pooler, startPgBouncer } from "../../src/testing";

const MIGRATIONS = readMigrationFiles({ migrationsFolder }).length;

describe("migrate", () => {
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  const name = `orgkit_migrate_${randomBytes(6).toString("hex")}`;
  let pooler: Pooler;
  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
    pooler = await startPgBouncer({ poolSize: 2 });
  });
  afterAll(async () => {
    await pooler?.stop();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("R36 three instances starting at once on an empty database migrate it once, two through a pooler", async () => {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const databases = await Promise.all([
      openDatabase({ url: url.toString() }),
      openDatabase({ url: `${pooler.url(name)}?pgbouncer=true` }),
      openDatabase({ url: `${pooler.url(name)}?pgbouncer=true` }),
    ]);
    try {
      const results = await Promise.all(databases.map((database) => migrate(database)));
      // One of them applied everything; the others waited for its lock and found nothing to do.
      expect(results.map((r) => r.applied).sort()).toEqual([0, 0, MIGRATIONS]);
      const again = await migrate(databases[0] as (typeof databases)[number]);
      expect(again.applied).toBe(0);
      const direct = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [journal] =
        await direct`select count(*)::int as n from orgkit_migrations.__drizzle_migrations`;
      const [tables] =
        await direct`select count(*)::int as n from pg_tables where tablename = 'audit_events'`;
      await direct.end();
      expect(journal?.n).toBe(MIGRATIONS);
      expect(tables?.n).toBe(1);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  });

  it("R36 migrates an embedded PGlite database, and a second run applies nothing", async () => {
    const database = await openDatabase();
    try {
      expect((await migrate(database)).applied).toBe(MIGRATIONS);
      expect((await migrate(database)).applied).toBe(0);
    } finally {
      await database.close();
    }
  });
});
