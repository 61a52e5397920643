import { activateOrganization, getMyOrganization, getPermissions } from "@orgkit/core/server";
import { activateInput, permissionsInput } from "../schemas";
import { authedProcedure, router } from "../trpc";

export const organizationRouter = router({
  /** Personal mode (null) or the caller's organization, role and pending transfer. */
  get: authedProcedure.query(({ ctx }) => getMyOrganization(ctx.orgkit, ctx.user.id)),
  activate: authedProcedure
    .input(activateInput)
    .mutation(({ ctx, input }) => activateOrganization(ctx.orgkit, ctx.user.id, input)),
  /** Every action on the listed members and invitations, with reasons (R29). */
  permissions: authedProcedure
    .input(permissionsInput)
    .query(({ ctx, input }) => getPermissions(ctx.orgkit, ctx.user.id, input)),
});
