import {
  activateOrganization,
  getMyOrganization,
  getPermissions,
  leaveOrganization,
} from "@orgkit/core/server";
import { activateInput } from "../schemas";
import { authedProcedure, orgProcedure, router } from "../trpc";

export const organizationRouter = router({
  /** Personal mode (null) or the caller's organization, role and pending transfer. */
  get: authedProcedure.query(({ ctx }) => getMyOrganization(ctx.orgkit, ctx.user.id)),
  activate: authedProcedure
    .input(activateInput)
    .mutation(({ ctx, input }) => activateOrganization(ctx.orgkit, ctx.user.id, input)),
  /** The page-level actions, with reasons (R29); each row of a list carries its own. */
  permissions: authedProcedure.query(({ ctx }) => getPermissions(ctx.orgkit, ctx.user.id)),
  /**
   * A USER or VIEWER leaves (REMOVED, reason LEFT) and is back in personal mode; ADMIN and
   * OWNER get LEAVE_ADMIN or LEAVE_OWNER. The leaver stays signed in: their account is theirs.
   */
  leave: orgProcedure.mutation(async ({ ctx }) => {
    const left = await leaveOrganization(ctx.orgkit, ctx.user.id);
    return { memberId: left.memberId };
  }),
});
