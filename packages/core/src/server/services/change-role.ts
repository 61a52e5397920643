import { and, eq, ne } from "drizzle-orm";
import { type AssignableRole, decideRoleChange } from "../../policy";
import type { OrgkitContext } from "../context";
import { enforce } from "../guard";
import { lastStatement } from "../last-statement";
import { facts, requireTarget, withMembers } from "../organization-lock";
import { memberUpdateWithAudit } from "../record-change";
import { members } from "../schema";

// The invariants are repeated in the WHERE: no write to a removed member or the owner.
const setRole = memberUpdateWithAudit(
  (id) => and(eq(members.id, id), eq(members.status, "ACTIVE"), ne(members.role, "OWNER")),
  ["role", "updatedAt"],
);

/** R16–R19: change an active member's role to ADMIN, USER or VIEWER. */
export function changeRole(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { memberId: string; role: AssignableRole },
) {
  return withMembers(ctx, actorUserId, [input.memberId], async (tx, organization, snapshot) => {
    const target = requireTarget(snapshot.actor, snapshot.targets.get(input.memberId));
    enforce(
      decideRoleChange({
        actor: snapshot.actor,
        target: facts(target),
        activeAdminLikeCount: snapshot.activeAdminLikeCount,
        newRole: input.role,
      }),
    );
    const now = ctx.now();
    // A write that matches no row fails (see `memberUpdateWithAudit`), so COMMIT may follow.
    await lastStatement(tx, () =>
      setRole(
        tx,
        target.id,
        { role: input.role, updatedAt: now },
        {
          organizationId: organization.id,
          actorUserId,
          action: "member.role_changed",
          targetType: "member",
          targetLabel: target.username,
          before: { role: target.role },
          after: { role: input.role },
          at: now,
        },
      ),
    );
    return { memberId: target.id, role: input.role };
  });
}
