import {
  cancelOwnershipTransfer,
  confirmOwnershipTransfer,
  previewOwnershipTransfer,
  startOwnershipTransfer,
} from "@orgkit/core/server";
import { confirmTransferInput, startTransferInput, tokenInput } from "../schemas";
import { checkedMemberProcedure, orgProcedure, router } from "../trpc";

export const ownershipRouter = router({
  start: orgProcedure
    .input(startTransferInput)
    .mutation(({ ctx, input }) => startOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
  cancel: orgProcedure.mutation(({ ctx }) => cancelOwnershipTransfer(ctx.orgkit, ctx.user.id)),
  /** R23: the confirm page's own link's transfer; a POST, so the token stays out of URLs (R40). */
  preview: checkedMemberProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => previewOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
  confirm: orgProcedure
    .input(confirmTransferInput)
    .mutation(({ ctx, input }) => confirmOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
});
