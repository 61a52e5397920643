import { cronHandler } from "@/lib/cron";

/**
 * The outbox sweep for a cron job (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`).
 * Exists only when CRON_SECRET is set.
 */
export async function GET(request: Request): Promise<Response> {
  const cron = cronHandler();
  if (!cron) return new Response("Not found", { status: 404 });
  return cron.GET(request);
}
