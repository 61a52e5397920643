import { and, eq, gt } from "drizzle-orm";
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
  return { members, active };
}
