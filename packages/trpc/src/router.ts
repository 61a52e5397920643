import { auditRouter } from "./routers/audit";
import { invitationsRouter } from "./routers/invitations";
import { membersRouter } from "./routers/members";
import { organizationRouter } from "./routers/organization";
import { ownershipRouter } from "./routers/ownership";
import { publicProcedure, router } from "./trpc";

export const appRouter = router({
  /** Readiness probe; reads nothing. */
  health: publicProcedure.query(() => ({ ok: true as const })),
  organization: organizationRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  ownership: ownershipRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
