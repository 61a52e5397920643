import { createOutboxCronHandler } from "@orgkit/core/server";
import { getOrgkit } from "./orgkit";

let handler: ReturnType<typeof createOutboxCronHandler> | undefined;

/**
 * The outbox's cron route when CRON_SECRET is set, else null. Built once; a short secret
 * throws `OrgkitConfigError`, which the server's start (instrumentation.ts) turns into a refusal.
 */
export function cronHandler(): ReturnType<typeof createOutboxCronHandler> | null {
  // Unset: no cron route. Set but empty is a mistake (nothing would ever sweep): refused.
  if (process.env.CRON_SECRET === undefined) return null;
  handler ??= createOutboxCronHandler({
    drain: async () => (await getOrgkit()).worker.drain(),
    secret: process.env.CRON_SECRET,
  });
  return handler;
}
