import {
  cancelOwnershipTransfer,
  confirmOwnershipTransfer,
  startOwnershipTransfer,
} from "@orgkit/core/server";
import { memberInput, tokenInput } from "../schemas";
import { orgProcedure, router, sendsEmail } from "../trpc";

export const ownershipRouter = router({
  start: orgProcedure
    .use(sendsEmail)
    .input(memberInput)
    .mutation(({ ctx, input }) => startOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
  cancel: orgProcedure.mutation(({ ctx }) => cancelOwnershipTransfer(ctx.orgkit, ctx.user.id)),
  confirm: orgProcedure
    .use(sendsEmail)
    .input(tokenInput)
    .mutation(({ ctx, input }) => confirmOwnershipTransfer(ctx.orgkit, ctx.user.id, input)),
});
