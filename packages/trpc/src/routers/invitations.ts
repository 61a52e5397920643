import type { InvitationRole } from "@orgkit/core/policy";
import {
  acceptInvitation,
  type InvitationRow,
  inviteMany,
  inviteUser,
  listInvitations,
  parseInvitationRows,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "@orgkit/core/server";
import {
  checkInvitationsInput,
  invitationInput,
  inviteInput,
  listInvitationsInput,
  sendInvitationsInput,
  tokenInput,
} from "../schemas";
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
  /**
   * Invite several, step 1: pasted lines or a CSV file's text (parsed with papaparse), or the
   * rows as edited since, each checked exactly as sending would (nothing is kept).
   * Returns every row with its outcome, `ready` or `refused` with the guide's reason.
   */
  checkMany: orgProcedure.input(checkInvitationsInput).mutation(async ({ ctx, input }) => {
    const { rows, malformed } =
      "text" in input ? parseInvitationRows(input.text) : { rows: input.rows, malformed: [] };
    return withRows(
      rows,
      await inviteMany(ctx.orgkit, ctx.user.id, { rows, malformed, check: true }),
    );
  }),
  /** Invite several, step 2: each row sent whole or refused with its reason, in batches. */
  sendMany: orgProcedure
    .input(sendInvitationsInput)
    .mutation(async ({ ctx, input }) =>
      withRows(input.rows, await inviteMany(ctx.orgkit, ctx.user.id, input)),
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
    const accepted = await acceptInvitation(ctx.orgkit, input, ctx.user?.id ?? null);
    const redirectTo = await ctx.signInAfterAccept({
      id: accepted.userId,
      email: accepted.email,
    });
    return { redirectTo };
  }),
});

/** Each row's values beside its outcome, so the page shows what was checked or sent. */
function withRows(rows: readonly InvitationRow[], result: Awaited<ReturnType<typeof inviteMany>>) {
  return {
    accepted: result.accepted,
    refused: result.refused,
    rows: result.rows.map((outcome) => {
      const row = rows[outcome.index];
      if (!row) throw new Error("orgkit: an outcome for a row that was not sent");
      return { ...row, ...outcome };
    }),
  };
}
