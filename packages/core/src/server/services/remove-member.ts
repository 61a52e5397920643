import { and, eq, ne } from "drizzle-orm";
import { decideRemoval } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { facts, requireTarget, withMembers } from "../organization-lock";
import { memberUpdateWithAudit } from "../record-change";
import { members } from "../schema";
import { endMembership } from "./cancel-transfers";

// The invariants are repeated in the WHERE: never the owner, never twice.
const removal = memberUpdateWithAudit(
  (id) => and(eq(members.id, id), eq(members.status, "ACTIVE"), ne(members.role, "OWNER")),
  ["status", "removedAt", "updatedAt", "removalReason"],
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
    const now = ctx.now();
    const remove = () =>
      removal(
        tx,
        target.id,
        { status: "REMOVED", removedAt: now, updatedAt: now, removalReason: "REMOVED" },
        {
          organizationId: organization.id,
          actorUserId,
          action: "member.removed",
          targetType: "member",
          targetLabel: target.username,
          before: { status: "ACTIVE", role: target.role },
          after: { status: "REMOVED", role: target.role },
          at: now,
        },
      );
    await endMembership(tx, organization.id, target, actorUserId, now, "target removed", remove);
    return { memberId: target.id, userId: target.userId, organizationId: organization.id };
  });
}
