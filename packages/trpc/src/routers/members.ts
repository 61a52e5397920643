import type { AssignableRole } from "@orgkit/core/policy";
import { changeRole, listMembers, removeMember } from "@orgkit/core/server";
import { changeRoleInput, listMembersInput, memberInput } from "../schemas";
import { orgProcedure, router } from "../trpc";

export const membersRouter = router({
  list: orgProcedure
    .input(listMembersInput)
    .query(({ ctx, input }) => listMembers(ctx.orgkit, ctx.user.id, input)),
  changeRole: orgProcedure
    .input(changeRoleInput)
    // OWNER passes the schema on purpose: the policy refuses it with its own reason (R17).
    .mutation(({ ctx, input }) =>
      changeRole(ctx.orgkit, ctx.user.id, { ...input, role: input.role as AssignableRole }),
    ),
  // The host ends the removed account's sessions from the `member.removed` event (R25).
  remove: orgProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    const removed = await removeMember(ctx.orgkit, ctx.user.id, input);
    return { memberId: removed.memberId };
  }),
});
