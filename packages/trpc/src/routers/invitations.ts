import type { InvitationRole } from "@orgkit/core/policy";
import {
  acceptInvitation,
  consumeRateLimit,
  inviteUser,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "@orgkit/core/server";
import type { ApiContext } from "../context";
import { invitationInput, inviteInput, listInvitationsInput, tokenInput } from "../schemas";
import { orgProcedure, publicProcedure, router, sendsEmail } from "../trpc";

/** R37: sending invitations counts against the actor and the organization. */
async function limitSending(ctx: ApiContext, userId: string, organizationId: string) {
  const { perActor, perOrganization } = ctx.inviteRateLimits;
  await consumeRateLimit(ctx.orgkit, `invite:actor:${userId}`, perActor);
  await consumeRateLimit(ctx.orgkit, `invite:organization:${organizationId}`, perOrganization);
}

export const invitationsRouter = router({
  list: orgProcedure
    .input(listInvitationsInput)
    .query(({ ctx, input }) => listInvitations(ctx.orgkit, ctx.user.id, input)),
  send: orgProcedure
    .use(sendsEmail)
    .input(inviteInput)
    .mutation(async ({ ctx, input }) => {
      await limitSending(ctx, ctx.user.id, ctx.membership.organizationId);
      // OWNER passes the schema on purpose: the policy refuses it with the guide's words (R8).
      return inviteUser(ctx.orgkit, ctx.user.id, { ...input, role: input.role as InvitationRole });
    }),
  resend: orgProcedure
    .use(sendsEmail)
    .input(invitationInput)
    .mutation(async ({ ctx, input }) => {
      await limitSending(ctx, ctx.user.id, ctx.membership.organizationId);
      return resendInvitation(ctx.orgkit, ctx.user.id, input);
    }),
  revoke: orgProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.orgkit, ctx.user.id, input)),
  /** What the accept page shows; reading changes nothing (R14). */
  preview: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.orgkit, input)),
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
