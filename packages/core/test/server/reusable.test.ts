import { and, asc, eq, sql } from "drizzle-orm";
import { Cache, type MutationOption } from "drizzle-orm/cache/core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Queryable, schema } from "../../src/server";
import { memberUpdateWithAudit } from "../../src/server/record-change";
import { placeholderSet, reusable } from "../../src/server/reusable";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  POSTGRES_URL,
  type TestDatabase,
  unique,
} from "../../src/testing";
import { DRIVERS, useDatabase } from "../support/suite";

const { members, users, ownershipTransfers, organizations, auditEvents } = schema;

/** Members of an organization with their account and any pending transfer to them (a left join). */
const membersOf = (db: Queryable, organizationId: string | ReturnType<typeof sql.placeholder>) =>
  db
    .select({
      id: members.id,
      role: members.role,
      createdAt: members.createdAt,
      removedAt: members.removedAt,
      account: { email: users.email },
      transfer: { id: ownershipTransfers.id },
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(
      ownershipTransfers,
      and(eq(ownershipTransfers.toMemberId, members.id), eq(ownershipTransfers.status, "PENDING")),
    )
    .where(eq(members.organizationId, organizationId))
    .orderBy(asc(members.username));

describe.each(DRIVERS)("statements built once (reusable) on %s", (driver) => {
  const t = useDatabase(driver);
  const reusedMembersOf = reusable<Awaited<ReturnType<typeof membersOf>>>((db) =>
    membersOf(db, sql.placeholder("organization")),
  );
  const rename = reusable<unknown>((db) =>
    db
      .update(organizations)
      .set(placeholderSet(organizations, { name: sql.placeholder("name") }))
      .where(eq(organizations.id, sql.placeholder("id"))),
  );
  const nameOf = async (id: string) =>
    (
      await t.ctx.db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, id))
    )[0]?.name;

  it("R31 a statement built once answers as its builder does, in every later transaction", async () => {
    const first = await createOrganization(t.ctx);
    const second = await createOrganization(t.ctx);
    for (const org of [first, second]) {
      const built = await membersOf(t.ctx.db, org.organizationId);
      expect(built).toHaveLength(4);
      // Dates, nested objects and a left join's missing row (null) map as the builder maps them.
      expect(built[0]?.createdAt).toBeInstanceOf(Date);
      expect(built.every((row) => row.transfer === null)).toBe(true);
      const reused = await t.ctx.db.transaction((tx) =>
        reusedMembersOf(tx, { organization: org.organizationId }),
      );
      expect(reused).toEqual(built);
      // Outside a transaction too.
      expect(await reusedMembersOf(t.ctx.db, { organization: org.organizationId })).toEqual(built);
    }
  });

  it("R31 a statement built once runs in the transaction it is given: a rollback discards it", async () => {
    const org = await createOrganization(t.ctx);
    const before = await nameOf(org.organizationId);
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await rename(tx, { id: org.organizationId, name: "rolled back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await nameOf(org.organizationId)).toBe(before);
    // Positive control: committed, the same statement's write is stored.
    await t.ctx.db.transaction((tx) => rename(tx, { id: org.organizationId, name: "renamed" }));
    expect(await nameOf(org.organizationId)).toBe("renamed");
  });

  it("R32 a null value of a statement built once is stored as NULL, not as JSON null", async () => {
    const org = await createOrganization(t.ctx);
    const label = unique("label");
    const touch = memberUpdateWithAudit((id) => eq(members.id, id), ["removedAt", "updatedAt"]);
    await t.ctx.db.transaction((tx) =>
      touch(
        tx,
        org.viewer.memberId,
        { removedAt: null, updatedAt: t.ctx.now() },
        {
          organizationId: org.organizationId,
          actorUserId: null,
          action: "member.role_changed",
          targetType: "member",
          targetLabel: label,
          before: null,
          after: { role: "VIEWER" },
          at: t.ctx.now(),
        },
      ),
    );
    const [event] = await t.ctx.db
      .select({
        beforeIsNull: sql<boolean>`${auditEvents.before} is null`,
        after: auditEvents.after,
        targetId: auditEvents.targetId,
      })
      .from(auditEvents)
      .where(eq(auditEvents.targetLabel, label));
    expect(event).toEqual({
      beforeIsNull: true,
      after: { role: "VIEWER" },
      targetId: org.viewer.memberId,
    });
    const [member] = await t.ctx.db
      .select({ removedAt: members.removedAt })
      .from(members)
      .where(eq(members.id, org.viewer.memberId));
    expect(member).toEqual({ removedAt: null });
  });

  it("R31 a statement built once refuses a call without a placeholder's value, and sends nothing", async () => {
    const org = await createOrganization(t.ctx);
    const before = await nameOf(org.organizationId);
    await expect(rename(t.ctx.db, { id: org.organizationId })).rejects.toThrow(
      'No value for placeholder "name"',
    );
    expect(await nameOf(org.organizationId)).toBe(before);
    // An undefined value is refused too: drizzle would leave the column out, a fixed statement cannot.
    await expect(rename(t.ctx.db, { id: org.organizationId, name: undefined })).rejects.toThrow(
      'orgkit: no value for placeholder "name"',
    );
    expect(await nameOf(org.organizationId)).toBe(before);
    // Positive control: with every value, the same call runs.
    await rename(t.ctx.db, { id: org.organizationId, name: "complete" });
    expect(await nameOf(org.organizationId)).toBe("complete");
  });
});

/** A drizzle query cache that records which tables it was told were written. */
class RecordingCache extends Cache {
  readonly mutated: unknown[] = [];
  strategy() {
    return "all" as const;
  }
  async get() {
    return undefined;
  }
  async put() {}
  async onMutate(params: MutationOption) {
    this.mutated.push(params.tables);
  }
}

describe("statements built once (reusable) on a host's drizzle with a query cache", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(() => database?.drop());

  it("R31 the cache hears of every write a statement built once makes, as of a builder's", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database.name}`;
    const client = postgres(url.toString(), { max: 1 });
    try {
      const cache = new RecordingCache();
      const cached = drizzle(client, { schema, cache }) as unknown as Queryable;
      const setName = reusable<unknown>((db) =>
        db
          .update(organizations)
          .set(placeholderSet(organizations, { name: sql.placeholder("name") }))
          .where(eq(organizations.id, sql.placeholder("id"))),
      );
      // Built first on another database (no cache), as a process's first call may be.
      await setName(ctx.db, { id: org.organizationId, name: "first" });
      await setName(cached, { id: org.organizationId, name: "second" });
      expect(cache.mutated).toEqual([["organizations"]]);
      // Positive control: drizzle's own builder tells the cache the same.
      await cached
        .update(organizations)
        .set({ name: "third" })
        .where(eq(organizations.id, org.organizationId));
      expect(cache.mutated).toEqual([["organizations"], ["organizations"]]);
    } finally {
      await client.end();
    }
  });
});
