import { and, count, eq, gt } from "drizzle-orm";
import { expect } from "vitest";
import { isAdminLike } from "../../src/policy";
import { type OrgkitContext, schema } from "../../src/server";

/**
 * The state invariants of R16, R17, R10 and R23 for one organization, at `ctx.now()`. R10: an
 * expired invitation (still PENDING in its row, R11) no longer reserves its username.
 */
export async function expectInvariants(ctx: OrgkitContext, organizationId: string) {
  const members = await ctx.db
    .select()
    .from(schema.members)
    .where(eq(schema.members.organizationId, organizationId));
  const active = members.filter((m) => m.status === "ACTIVE");
  expect(
    active.filter((m) => m.role === "OWNER"),
    "exactly one active OWNER",
  ).toHaveLength(1);
  expect(
    members.filter((m) => m.role === "OWNER" && m.status !== "ACTIVE"),
    "owner never removed",
  ).toHaveLength(0);
  expect(
    active.some((m) => isAdminLike(m.role)),
    "an active admin-like member",
  ).toBe(true);
  const pending = await ctx.db
    .select({ username: schema.invitations.username })
    .from(schema.invitations)
    .where(
      and(
        eq(schema.invitations.organizationId, organizationId),
        eq(schema.invitations.status, "PENDING"),
        gt(schema.invitations.expiresAt, ctx.now()),
      ),
    );
  const usernames = [...active, ...pending].map((row) => row.username.toLowerCase());
  expect(
    new Set(usernames).size,
    "usernames unique among active members and pending, unexpired invitations",
  ).toBe(usernames.length);
  await expectCountsMatch(ctx, organizationId);
  return { members, active };
}

/** The counts the database keeps for an organization, and the members counted by hand. */
export async function expectCountsMatch(ctx: OrgkitContext, organizationId: string) {
  const kept = await ctx.db
    .select({
      status: schema.memberCounts.status,
      role: schema.memberCounts.role,
      n: schema.memberCounts.count,
    })
    .from(schema.memberCounts)
    .where(eq(schema.memberCounts.organizationId, organizationId));
  const actual = await ctx.db
    .select({ status: schema.members.status, role: schema.members.role, n: count() })
    .from(schema.members)
    .where(eq(schema.members.organizationId, organizationId))
    .groupBy(schema.members.status, schema.members.role);
  const key = (row: { status: string; role: string }) => `${row.status} ${row.role}`;
  expect(new Map(kept.filter((row) => row.n > 0).map((row) => [key(row), row.n]))).toEqual(
    new Map(actual.map((row) => [key(row), row.n])),
  );
}
