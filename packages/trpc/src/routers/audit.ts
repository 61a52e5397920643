import { listAuditEvents, listEventDeliveries, redeliverEvent } from "@orgkit/core/server";
import { listAuditInput, listWebhookDeliveriesInput, redeliverWebhookInput } from "../schemas";
import { orgProcedure, router } from "../trpc";

export const auditRouter = router({
  list: orgProcedure
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.orgkit, ctx.user.id, input)),
  /** Each webhook endpoint's delivery log for the caller's organization (admins only). */
  webhookDeliveries: orgProcedure
    .input(listWebhookDeliveriesInput)
    .query(({ ctx, input }) => listEventDeliveries(ctx.orgkit, ctx.user.id, input)),
  /** Sends a dead-lettered webhook delivery again (admins only), audited. */
  redeliverWebhook: orgProcedure
    .input(redeliverWebhookInput)
    .mutation(({ ctx, input }) => redeliverEvent(ctx.orgkit, ctx.user.id, input)),
});
