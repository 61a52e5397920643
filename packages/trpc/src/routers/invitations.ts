import type { InvitationRole } from "@orgkit/core/policy";
import {
  acceptInvitation,
  inviteUser,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "@orgkit/core/server";
import { invitationInput, inviteInput, listInvitationsInput, tokenInput } from "../schemas";
import { orgProcedure, publicProcedure, router } from "../trpc";

export const invitationsRouter = router({
  list: orgProcedure
    .input(listInvitationsInput)
    .query(({ ctx, input }) => listInvitations(ctx.orgkit, ctx.user.id, input)),
  send: orgProcedure
    .input(inviteInput)
    // OWNER passes the schema on purpose: the policy refuses it with the guide's words (R8).
    // R37's budget is spent by the service, once the policy allowed the invitation.
    .mutation(({ ctx, input }) =>
      inviteUser(ctx.orgkit, ctx.user.id, { ...input, role: input.role as InvitationRole }),
    ),
  resend: orgProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.orgkit, ctx.user.id, input)),
  revoke: orgProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.orgkit, ctx.user.id, input)),
  /**
   * What the accept page shows; reading changes nothing (R14). A POST, so that the token
   * rides in the body, never in a URL (R40).
   */
  preview: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => previewInvitation(ctx.orgkit, input, ctx.user?.id ?? null)),
  /** Creates the account and membership, then returns where to go to be signed in. */
  accept: publicProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvitation(ctx.orgkit, input);
    const redirectTo = await ctx.signInAfterAccept({
      id: accepted.userId,
      email: accepted.email,
    });
    return { redirectTo };
  }),
});
