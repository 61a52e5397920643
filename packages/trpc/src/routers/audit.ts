import { listAuditEvents } from "@orgkit/core/server";
import { listAuditInput } from "../schemas";
import { orgProcedure, router } from "../trpc";

export const auditRouter = router({
  list: orgProcedure
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.orgkit, ctx.user.id, input)),
});
