import {
  cancelOwnershipTransfer,
  confirmOwnershipTransfer,
  startOwnershipTransfer,
} from "@orgkit/core/server";
import { memberInput, tokenInput } from "../schemas";
import { afterCommit, orgProcedure, router } from "../trpc";

export const ownershipRouter = router({
  start: orgProcedure
    .use(afterCommit)
    .input(memberInput)
    .mutation(({ ctx, input }) => startOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
  cancel: orgProcedure
    .use(afterCommit)
    .mutation(({ ctx }) => cancelOwnershipTransfer(ctx.orgkit, ctx.user.id)),
  confirm: orgProcedure
    .use(afterCommit)
    .input(tokenInput)
    .mutation(({ ctx, input }) => confirmOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
});
