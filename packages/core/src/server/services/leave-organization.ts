import { and, eq, inArray } from "drizzle-orm";
import { decideLeave } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { withMembers } from "../organization-lock";
import { members } from "../schema";
import { endMembership, membershipEnd } from "./end-membership";

// The role is read again under the lock: a promotion that committed first wins.
const departure = membershipEnd((id) =>
  and(eq(members.id, id), eq(members.status, "ACTIVE"), inArray(members.role, ["USER", "VIEWER"])),
);

/**
 * A USER or VIEWER leaves their organization: they become REMOVED with reason LEFT and are
 * back in personal mode (R7), under the organization's lock, audited as `member.left`. A
 * pending transfer to them is cancelled. ADMIN and OWNER are refused (R26, R28).
 *
 * @returns `{ memberId, userId, organizationId }` of the membership that ended.
 * @throws OrgkitError LEAVE_ADMIN or LEAVE_OWNER; ORGANIZATION_NOT_ACTIVE in personal mode.
 * @example await leaveOrganization(ctx, session.user.id);
 */
export function leaveOrganization(ctx: OrgkitContext, actorUserId: string) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    enforce(decideLeave(actor));
    if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");
    await endMembership(tx, departure, {
      organizationId: organization.id,
      actorUserId,
      member: actor,
      reason: "LEFT",
      now: ctx.now(),
    });
    return { memberId: actor.id, userId: actorUserId, organizationId: organization.id };
  });
}
