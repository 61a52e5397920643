import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { buildSync } from "esbuild";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsFolder, openDatabase, schema } from "../../src/server";
import { rekeyOrganizationNames } from "../../src/server/migrate";
import { MIGRATIONS as EMBEDDED } from "../../src/server/migrations-sql";
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

  it("R36 migrate carries drizzle/'s SQL byte for byte (after drizzle-kit, run pnpm db:generate)", () => {
    const folder = readMigrationFiles({ migrationsFolder });
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(EMBEDDED.map((migration) => sha(migration.sql))).toEqual(folder.map((m) => m.hash));
    expect(EMBEDDED.map((migration) => migration.when)).toEqual(folder.map((m) => m.folderMillis));
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

describe("the embedded database's folder", () => {
  it("R31 a second process opening the same PGlite folder gets an error naming the folder; after the first closes, it opens", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "orgkit-pglite-"));
    const dataDir = path.join(dir, "data");
    const first = await openDatabase({ dataDir });
    // The second process runs the server bundled as it ships, away from drizzle/: migrate
    // must carry its SQL (a traced serverless function ships no such folder).
    const bundle = path.resolve("node_modules/.cache/orgkit-test/server.mjs");
    buildSync({
      entryPoints: ["src/server/index.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outfile: bundle,
      logLevel: "silent",
    });
    const script = `import(${JSON.stringify(pathToFileURL(bundle).href)}).then(async (m) => { const d = await m.openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); const { applied } = await m.migrate(d); await d.close(); console.log("opened", applied); }).catch((e) => { console.log(e.code, e.message); process.exit(3); })`;
    const second = () =>
      spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        encoding: "utf8",
      });
    try {
      const refused = second();
      expect(refused.status).toBe(3);
      expect(refused.stdout).toContain("DATA_DIR_LOCKED");
      expect(refused.stdout).toContain(dataDir);
      expect(refused.stdout).toContain("DATABASE_URL");
    } finally {
      await first.close();
    }
    const opened = second();
    expect(opened.stdout.trim()).toBe(`opened ${MIGRATIONS}`);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("upgrading stored organization name keys", () => {
  it("R39 keys the SQL backfill computed are recomputed exactly; look-alike names stay apart", async () => {
    const database = await openDatabase();
    try {
      await migrate(database);
      // What migration 0004's SQL gives: NFKC and lower case only.
      await database.db.insert(schema.organizations).values([
        { name: "Straße", nameKey: "straße", createdAt: new Date("2026-01-01") },
        { name: "STRASSE", nameKey: "strasse", createdAt: new Date("2026-01-02") },
        { name: "Acme\u200b", nameKey: "acme\u200b", createdAt: new Date("2026-01-03") },
      ]);
      await database.db.transaction((tx) => rekeyOrganizationNames(tx));
      const rows = await database.db
        .select({ name: schema.organizations.name, key: schema.organizations.nameKey })
        .from(schema.organizations)
        .orderBy(schema.organizations.createdAt);
      expect(rows[0]).toEqual({ name: "Straße", key: "strasse" });
      expect(rows[1]?.key).toMatch(/^strasse #/);
      expect(rows[2]).toEqual({ name: "Acme\u200b", key: "acme" });
    } finally {
      await database.close();
    }
  });
});
