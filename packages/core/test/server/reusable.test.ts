import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Queryable, schema } from "../../src/server";
import { memberUpdateWithAudit } from "../../src/server/record-change";
import { placeholderSet, reusable } from "../../src/server/reusable";
import { createOrganization, unique } from "../../src/testing";
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
    // Positive control: with every value, the same call runs.
    await rename(t.ctx.db, { id: org.organizationId, name: "complete" });
    expect(await nameOf(org.organizationId)).toBe("complete");
  });
});
