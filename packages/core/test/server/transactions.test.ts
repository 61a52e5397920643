import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, schema } from "../../src/server";
import { lastStatement } from "../../src/server/last-statement";
import { lockThenRead } from "../../src/server/organization-lock";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  type Driver,
  POSTGRES_URL,
  type TestDatabase,
  unique,
} from "../../src/testing";
import { DRIVERS } from "../support/suite";

/** A write to see whether the transaction kept it. */
const newOrganization = (name: string) => ({
  id: name,
  name,
  nameKey: name.toLowerCase(),
  createdAt: new Date(),
});

describe.each(DRIVERS)("a transaction's last statement on %s", (driver: Driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database?.drop());

  const stored = async (id: string) =>
    (await database.db.select().from(schema.organizations).where(eq(schema.organizations.id, id)))
      .length;

  it("R31 with COMMIT behind it, the transaction's writes are stored", async () => {
    const id = unique("org");
    await database.db.transaction(async (tx) => {
      await tx.insert(schema.organizations).values(newOrganization(id));
      await lastStatement(tx, () =>
        tx
          .update(schema.organizations)
          .set({ seatLimit: 5 })
          .where(eq(schema.organizations.id, id)),
      );
    });
    expect(await stored(id)).toBe(1);
  });

  it("R31 a last statement that fails is the error thrown, and nothing of the transaction is stored", async () => {
    const id = unique("org");
    const failing = database.db.transaction(async (tx) => {
      await tx.insert(schema.organizations).values(newOrganization(id));
      await lastStatement(tx, () => tx.execute(sql`select 1 / ${0}::int`));
    });
    await expect(failing).rejects.toMatchObject({ cause: { code: "22012" } });
    expect(await stored(id)).toBe(0);
  });
});

describe.each(DRIVERS)("a read sent behind the lock on %s", (driver: Driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database?.drop());

  it("R36 an answer about another organization than the locked one is read again for the locked one", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    const sent: string[] = [];
    const answers = ["another organization", org.organizationId];
    const seen = await lockThenRead(
      ctx,
      org.admin.userId,
      {
        send: async (_tx, organizationId) => {
          sent.push(typeof organizationId === "string" ? organizationId : "current membership");
          return answers[sent.length - 1];
        },
        organizationOf: (answer) => answer,
      },
      async (_tx, organization, answer) => ({ locked: organization.id, answer }),
    );
    expect(sent).toEqual(["current membership", org.organizationId]);
    expect(seen).toEqual({ locked: org.organizationId, answer: org.organizationId });
  });

  it("R36 control: an answer about the locked organization is used as sent", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    let sends = 0;
    await lockThenRead(
      ctx,
      org.admin.userId,
      {
        send: async () => {
          sends += 1;
          return org.organizationId;
        },
        organizationOf: (answer) => answer,
      },
      async () => undefined,
    );
    expect(sends).toBe(1);
  });
});

describe("COMMIT behind the last statement on PostgreSQL", () => {
  it("R31 goes in the statement's round trip: the driver sends it before the statement's answer", async () => {
    const direct = await createTestDatabase("postgres");
    const events: string[] = [];
    const database = await openDatabase({
      url: `${POSTGRES_URL.replace(/\/[^/]*$/, "")}/${direct.name}`,
      maxConnections: 1,
      onQuery: (query) => events.push(query.startsWith("update") ? "update sent" : query),
    });
    try {
      const id = unique("org");
      const run = () =>
        database.db.transaction(async (tx) => {
          await tx.insert(schema.organizations).values(newOrganization(`${id}-${events.length}`));
          await lastStatement(tx, async () => {
            await tx
              .update(schema.organizations)
              .set({ seatLimit: 5 })
              .where(eq(schema.organizations.id, id));
            events.push("update answered");
          });
        });
      await run(); // the first use of a statement on a connection is described first
      events.length = 0;
      await run();
      expect(events.slice(-3)).toEqual(["update sent", "commit", "update answered"]);
      // Control: without it, COMMIT waits for the statement's answer.
      events.length = 0;
      await database.db.transaction(async (tx) => {
        await tx
          .update(schema.organizations)
          .set({ seatLimit: 5 })
          .where(eq(schema.organizations.id, id));
        events.push("update answered");
      });
      expect(events.slice(-3)).toEqual(["update sent", "update answered", "commit"]);
    } finally {
      await database.close();
      await direct.drop();
    }
  });
});
