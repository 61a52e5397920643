import { and, eq, ne } from "drizzle-orm";
import { decideRemoval } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { facts, requireTarget, withMembers } from "../organization-lock";
import { members } from "../schema";
import { endMembership, membershipEnd } from "./end-membership";

// The invariants are repeated in the WHERE: never the owner, never twice.
const removal = membershipEnd((id) =>
  and(eq(members.id, id), eq(members.status, "ACTIVE"), ne(members.role, "OWNER")),
);

/** R25–R28: the member stays listed as REMOVED and loses access at once. */
export function removeMember(ctx: OrgkitContext, actorUserId: string, input: { memberId: string }) {
  return withMembers(ctx, actorUserId, [input.memberId], async (tx, organization, snapshot) => {
    const target = requireTarget(snapshot.actor, snapshot.targets.get(input.memberId));
    enforce(
      decideRemoval({
        actor: snapshot.actor,
        target: facts(target),
        activeAdminLikeCount: snapshot.activeAdminLikeCount,
      }),
    );
    await endMembership(tx, removal, {
      organizationId: organization.id,
      actorUserId,
      member: target,
      reason: "REMOVED",
      now: ctx.now(),
    });
    return { memberId: target.id, userId: target.userId, organizationId: organization.id };
  });
}
