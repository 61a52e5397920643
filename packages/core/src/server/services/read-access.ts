import { sql } from "drizzle-orm";
import { decideUserManagement, type MemberFacts } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { currentMembershipId, memberFactColumns } from "../membership";
import { members } from "../schema";

export type Membership = MemberFacts & { organizationId: string };

/**
 * The caller's current membership as the database has it now (the active one, else the latest
 * removed one); null when the account never joined an organization.
 */
export async function readMembership(
  ctx: OrgkitContext,
  actorUserId: string,
): Promise<Membership | null> {
  const [row] = await ctx.db
    .select({
      organizationId: members.organizationId,
      ...memberFactColumns,
    })
    .from(members)
    .where(sql`${members.id} = ${currentMembershipId(actorUserId)}`);
  return row ?? null;
}

export type Manager = { organizationId: string; actor: MemberFacts };

/** For reads of user management (R3, R6): the caller's membership, which must be admin-like. */
export async function requireManager(ctx: OrgkitContext, actorUserId: string): Promise<Manager> {
  const row = await readMembership(ctx, actorUserId);
  const actor = row
    ? { id: row.id, role: row.role, status: row.status, removalReason: row.removalReason }
    : null;
  enforce(decideUserManagement(actor));
  if (!row || !actor) throw new Error("orgkit: unreachable, the policy requires a member");
  return { organizationId: row.organizationId, actor };
}
