import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  behindTransactionPooler,
  type Database,
  type DatabaseOptions,
  inviteUser,
  isPooledUrl,
  openDatabase,
  schema,
  TransactionRolledBackError,
} from "../../src/server";
import { createPostgresClient } from "../../src/server/postgres";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  POSTGRES_URL,
  type Pooler,
  startPgBouncer,
  type TestDatabase,
  unique,
} from "../../src/testing";

// Through PgBouncer 1.18 in transaction mode with two server connections, so that one
// client's consecutive statements land on different server connections.
const WRITES = 60;

describe("through a transaction-mode pooler (PgBouncer)", () => {
  let direct: TestDatabase;
  let pooler: Pooler;
  beforeAll(async () => {
    direct = await createTestDatabase("postgres");
    pooler = await startPgBouncer({ poolSize: 2 });
  });
  afterAll(async () => {
    await direct?.drop();
    await pooler?.stop();
  });

  const invitationsOf = async (organizationId: string) => {
    const [row] = await direct.db
      .select({ n: count() })
      .from(schema.invitations)
      .where(eq(schema.invitations.organizationId, organizationId));
    return row?.n ?? 0;
  };

  /** Sends `WRITES` invitations at once through `database`; returns how many were acknowledged. */
  async function inviteMany(database: Database) {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    const before = await invitationsOf(org.organizationId);
    const results = await Promise.allSettled(
      Array.from({ length: WRITES }, () => {
        const username = unique("p");
        return inviteUser(ctx, org.owner.userId, {
          email: `${username}@example.test`,
          username,
          role: "USER",
        });
      }),
    );
    const acknowledged = results.filter((r) => r.status === "fulfilled").length;
    return { acknowledged, stored: (await invitationsOf(org.organizationId)) - before };
  }

  /** Opens the database, invites WRITES people at once, and expects every one acknowledged and stored. */
  async function expectEveryWriteStored(options: DatabaseOptions) {
    const database = await openDatabase(options);
    try {
      const { acknowledged, stored } = await inviteMany(database);
      expect(acknowledged).toBe(WRITES);
      expect(stored).toBe(WRITES);
    } finally {
      await database.close();
    }
  }

  it("R31 every write acknowledged through the pooler is stored (`?pgbouncer=true` turns prepared statements off)", async () => {
    const url = `${pooler.url(direct.name ?? "")}?pgbouncer=true`;
    expect(isPooledUrl(url)).toBe(true);
    await expectEveryWriteStored({ url, maxConnections: 10 });
  });

  it("R31 an unmarked pooler URL with `prepare: false` stores every acknowledged write, one statement in flight at a time", async () => {
    const url = pooler.url(direct.name ?? "");
    expect(isPooledUrl(url)).toBe(false);
    // Through a pooler nothing is pipelined; off it, up to the driver's default.
    expect(createPostgresClient({ url, max: 1, prepare: false }).client.options).toMatchObject({
      max_pipeline: 0,
    });
    expect(createPostgresClient({ url, max: 1, prepare: true }).client.options).toMatchObject({
      max_pipeline: 100,
    });
    await expectEveryWriteStored({ url, maxConnections: 10, prepare: false });
  });

  it("R31 opening an unmarked pooler URL finds the pooler: nothing prepared or pipelined, every write stored", async () => {
    const url = pooler.url(direct.name ?? "");
    expect(isPooledUrl(url)).toBe(false);
    expect(await behindTransactionPooler(url)).toBe(true);
    await expectEveryWriteStored({ url, maxConnections: 10 });
  });

  it("R31 control: a direct URL is not taken for a pooler", async () => {
    const url = `${POSTGRES_URL.replace(/\/[^/]*$/, "")}/${direct.name}`;
    expect(await behindTransactionPooler(url)).toBe(false);
  });

  it("R31 control: the bare driver's transactions through the same pooler lose acknowledged writes", async () => {
    // Shows that this pooler reproduces the fault orgkit's client guards against.
    const sql = postgres(pooler.url(direct.name ?? ""), { max: 10, onnotice: () => {} });
    try {
      await sql`create table probe (n int)`;
      const results = await Promise.allSettled(
        Array.from({ length: WRITES * 3 }, (_, n) =>
          sql.begin(async (tx) => {
            await tx`insert into probe values (${n})`;
          }),
        ),
      );
      const acknowledged = results.filter((r) => r.status === "fulfilled").length;
      const [row] = await sql`select count(*)::int as n from probe`;
      expect(row?.n).toBeLessThan(acknowledged);
    } finally {
      await sql.end();
    }
  });

  it("R31 off a pooler orgkit's statements are prepared, one round trip each; with prepare off, none is", async () => {
    const url = `${POSTGRES_URL.replace(/\/[^/]*$/, "")}/${direct.name}`;
    const prepared = async (prepare: boolean) => {
      const database = await openDatabase({ url, maxConnections: 1, prepare });
      try {
        const { ctx } = contextFor(database);
        const org = await createOrganization(ctx);
        await inviteUser(ctx, org.owner.userId, {
          email: `${unique("p")}@example.test`,
          username: unique("p"),
          role: "USER",
        });
        const rows = await database.db
          .select({ statement: sql<string>`statement` })
          .from(sql`pg_prepared_statements`);
        return rows.map((row) => row.statement);
      } finally {
        await database.close();
      }
    };
    const on = await prepared(true);
    expect(on.some((statement) => statement.endsWith("for update"))).toBe(true);
    expect(on.some((statement) => statement.startsWith('insert into "invitations"'))).toBe(true);
    const off = await prepared(false);
    expect(off.filter((statement) => statement.includes('"invitations"'))).toEqual([]);
  });

  it("R31 a rolled-back COMMIT is an error of its own kind", () => {
    const error = new TransactionRolledBackError();
    expect(error.code).toBe("TRANSACTION_ROLLED_BACK");
    expect(isPooledUrl("postgres://u@db.example:6543/app")).toBe(true);
    expect(isPooledUrl("postgres://u@ep-x-pooler.eu.aws.neon.tech/app")).toBe(true);
    expect(isPooledUrl("postgres://u@127.0.0.1:5432/app")).toBe(false);
    expect(isPooledUrl("postgres://u@bouncer.internal:6432/app")).toBe(true);
    // Multi-host URLs (postgres-js accepts them) are read too; port 65430 is not 6543.
    expect(isPooledUrl("postgres://u@h1:5432,h2:6543/app")).toBe(true);
    expect(isPooledUrl("postgres://u@h1:5432,h2:5433/app")).toBe(false);
    expect(isPooledUrl("postgres://u@h:65430/app?sslmode=require")).toBe(false);
    expect(isPooledUrl("postgres://u@h/app?sslmode=require&pgbouncer=true")).toBe(true);
  });
});
