import {
  activateOrganization,
  cancelOrganizationDeletion,
  confirmOrganizationDeletion,
  getMyOrganization,
  getPermissions,
  leaveOrganization,
  previewOrganizationDeletion,
  startOrganizationDeletion,
} from "@orgkit/core/server";
import { activateInput, deleteOrganizationInput, tokenInput } from "../schemas";
import { authedProcedure, checkedMemberProcedure, orgProcedure, router } from "../trpc";

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
  /**
   * Delete organization: the owner types its name to start; a confirmation link is emailed to
   * them (24 h, single use). Confirming removes every member, revokes pending invitations,
   * cancels a pending transfer and frees the name, in one transaction.
   */
  delete: router({
    start: orgProcedure
      .input(deleteOrganizationInput)
      .mutation(({ ctx, input }) => startOrganizationDeletion(ctx.orgkit, ctx.user.id, input)),
    cancel: orgProcedure.mutation(({ ctx }) => cancelOrganizationDeletion(ctx.orgkit, ctx.user.id)),
    /** The confirm page's own link's deletion; a POST, so the token stays out of URLs (R40). */
    preview: checkedMemberProcedure
      .input(tokenInput)
      .mutation(({ ctx, input }) => previewOrganizationDeletion(ctx.orgkit, ctx.user.id, input)),
    confirm: orgProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
      const deleted = await confirmOrganizationDeletion(ctx.orgkit, ctx.user.id, input);
      return { removedMembers: deleted.removedMembers };
    }),
  }),
});
