import { createOutboxCronHandler } from "@orgkit/core/server";
import { getOrgkit } from "@/lib/orgkit";

/**
 * The outbox sweep for a cron job (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`).
 * Exists only when CRON_SECRET is set.
 */
export async function GET(request: Request): Promise<Response> {
  if (!process.env.CRON_SECRET) return new Response("Not found", { status: 404 });
  const cron = createOutboxCronHandler({
    drain: async () => (await getOrgkit()).worker.drain(),
    secret: process.env.CRON_SECRET,
  });
  return cron.GET(request);
}
