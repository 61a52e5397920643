import { eq, sql } from "drizzle-orm";
import {
  actorIsActiveMember,
  actorIsOwner,
  type Decision,
  decide,
  decideDeleteOrganization,
  decideDeletionCancellation,
  decideLeave,
  decideTransferCancellation,
  decideUserManagement,
} from "../../policy";
import type { OrgkitContext } from "../context";
import { currentMembershipId } from "../membership";
import { readMembers } from "../organization-lock";
import { members, organizationDeletions, organizations, ownershipTransfers } from "../schema";

/** Page-level decisions: what the caller may do regardless of any one row (R29). */
export type Permissions = {
  userManagement: Decision;
  invite: Decision;
  transferOwnership: Decision;
  cancelTransfer: Decision;
  /** Leave organization: USER and VIEWER only. */
  leave: Decision;
  /** Delete organization: the owner only. */
  deleteOrganization: Decision;
  /** Cancel deletion: the owner, while a deletion is pending. */
  cancelDeletion: Decision;
};

/**
 * What the caller may do on the organization's pages, with the reason for every refusal
 * (R29). Decisions on one member or invitation ride with its row in `listMembers` and
 * `listInvitations`. The UI renders these; the server enforces the same decisions.
 *
 * @example const { invite } = await getPermissions(ctx, userId); // { allowed: true }
 */
export async function getPermissions(
  ctx: OrgkitContext,
  actorUserId: string,
): Promise<Permissions> {
  const [own] = await ctx.db
    .select({ organizationId: members.organizationId })
    .from(members)
    .where(sql`${members.id} = ${currentMembershipId(actorUserId)}`);
  const snapshot = own ? await readMembers(ctx.db, own.organizationId, actorUserId, []) : null;
  const actor = snapshot?.actor ?? null;
  const userManagement = decideUserManagement(actor);
  const transferOwnership = decide([actorIsActiveMember, actorIsOwner], { actor });
  const result: Permissions = {
    userManagement,
    invite: userManagement,
    transferOwnership,
    cancelTransfer: transferOwnership,
    leave: decideLeave(actor),
    deleteOrganization: decideDeleteOrganization(actor),
    cancelDeletion: decideDeleteOrganization(actor),
  };
  if (!own || !snapshot || !userManagement.allowed) return result;

  const pending = (table: typeof ownershipTransfers | typeof organizationDeletions) =>
    sql<boolean>`exists (select 1 from ${table} where ${table.organizationId} = ${own.organizationId} and ${table.status} = 'PENDING')`;
  const [row] = await ctx.db
    .select({ transfer: pending(ownershipTransfers), deletion: pending(organizationDeletions) })
    .from(organizations)
    .where(eq(organizations.id, own.organizationId));
  result.cancelTransfer = decideTransferCancellation({
    actor,
    hasPendingTransfer: row?.transfer === true,
  });
  result.cancelDeletion = decideDeletionCancellation({
    actor,
    hasPendingDeletion: row?.deletion === true,
  });

  return result;
}
