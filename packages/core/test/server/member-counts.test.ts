import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { COUNT_CAP } from "../../src/policy";
import {
  changeRole,
  confirmOwnershipTransfer,
  getMyOrganization,
  leaveOrganization,
  listMembers,
  type OrgkitContext,
  removeMember,
  schema,
  startOwnershipTransfer,
} from "../../src/server";
import { createOrganization, latestToken, unique } from "../../src/testing";
import { expectCountsMatch } from "../support/invariants";
import { DRIVERS, useDatabase } from "../support/suite";

const { users } = schema;

/** `n` accounts and active USER members of an organization, written in one statement each. */
async function insertMembers(ctx: OrgkitContext, organizationId: string, n: number) {
  const tag = unique("bulk");
  await ctx.db.execute(
    sql`insert into users (id, email, name) select ${tag} || '-' || g, ${tag} || '-' || g || '@example.test', 'bulk' from generate_series(1, ${n}::int) g`,
  );
  await ctx.db.execute(
    sql`insert into members (id, organization_id, user_id, username, role) select ${tag} || '-m' || g, ${organizationId}, ${tag} || '-' || g, ${tag} || '-' || g, 'USER' from generate_series(1, ${n}::int) g`,
  );
  return tag;
}

describe.each(DRIVERS)("member counts kept by the database on %s", (driver) => {
  const t = useDatabase(driver);

  it("R30 the counts follow every kind of write: join, role change, removal, leaving, transfer, bulk rows", async () => {
    const org = await createOrganization(t.ctx);
    await expectCountsMatch(t.ctx, org.organizationId);
    await changeRole(t.ctx, org.owner.userId, { memberId: org.user.memberId, role: "VIEWER" });
    await expectCountsMatch(t.ctx, org.organizationId);
    await removeMember(t.ctx, org.owner.userId, { memberId: org.user.memberId });
    await expectCountsMatch(t.ctx, org.organizationId);
    await leaveOrganization(t.ctx, org.viewer.userId);
    await expectCountsMatch(t.ctx, org.organizationId);
    // One UPDATE swaps two roles: the counts of OWNER and ADMIN do not move.
    const { transferId } = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    const token = await latestToken(t.ctx, transferId);
    await confirmOwnershipTransfer(t.ctx, org.owner.userId, { token });
    await expectCountsMatch(t.ctx, org.organizationId);
    // Statements of many rows: an insert, an update and a delete.
    const tag = await insertMembers(t.ctx, org.organizationId, 5);
    await expectCountsMatch(t.ctx, org.organizationId);
    await t.ctx.db.execute(
      sql`update members set status = 'REMOVED', role = 'VIEWER' where id like ${`${tag}-m%`} and id <> ${`${tag}-m1`}`,
    );
    await expectCountsMatch(t.ctx, org.organizationId);
    await t.ctx.db.execute(sql`delete from members where id = ${`${tag}-m1`}`);
    await expectCountsMatch(t.ctx, org.organizationId);
    // Another organization's counts are its own.
    const other = await createOrganization(t.ctx);
    await expectCountsMatch(t.ctx, other.organizationId);
    await expectCountsMatch(t.ctx, org.organizationId);
  });

  it("R30 the first page's total and the organization's counts read the kept counts, per status and role", async () => {
    const org = await createOrganization(t.ctx);
    await removeMember(t.ctx, org.owner.userId, { memberId: org.user.memberId });
    const total = async (input: Parameters<typeof listMembers>[2]) =>
      (await listMembers(t.ctx, org.owner.userId, input)).total;
    expect(await total({})).toBe(4);
    expect(await total({ status: "ACTIVE" })).toBe(3);
    expect(await total({ status: "REMOVED" })).toBe(1);
    expect(await total({ role: "VIEWER" })).toBe(1);
    expect(await total({ status: "ACTIVE", role: "USER" })).toBe(0);
    expect(await total({ status: "REMOVED", role: "USER" })).toBe(1);
    // A search still counts its matches.
    expect(await total({ search: org.viewer.username })).toBe(1);
    const mine = await getMyOrganization(t.ctx, org.owner.userId);
    expect(mine?.counts).toMatchObject({ members: 3, removed: 1 });
  });

  it(`R30 past ${COUNT_CAP.toLocaleString("en")} members the total says more, as a search's does`, async () => {
    const org = await createOrganization(t.ctx);
    await insertMembers(t.ctx, org.organizationId, COUNT_CAP + 1);
    const page = await listMembers(t.ctx, org.owner.userId, {});
    expect(page.total).toBe(COUNT_CAP + 1);
    const searched = await listMembers(t.ctx, org.owner.userId, { search: "bulk" });
    expect(searched.total).toBe(COUNT_CAP + 1);
    // Positive control: below the cap the total is exact.
    expect((await listMembers(t.ctx, org.owner.userId, { role: "ADMIN" })).total).toBe(1);
    const [accounts] = await t.ctx.db.select({ n: count() }).from(users);
    expect(accounts?.n).toBeGreaterThan(COUNT_CAP);
  });
});
