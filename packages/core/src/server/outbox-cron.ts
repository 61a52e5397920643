import { timingSafeEqual } from "node:crypto";
import { OrgkitConfigError } from "./config-error";
import type { DeliveryReport } from "./outbox-delivery";

/**
 * A route handler for a cron job that sweeps the outbox, for serverless deployments where
 * no periodic sweep runs in the background. Vercel Cron sends `Authorization: Bearer
 * $CRON_SECRET`; anything else is refused with 401 and delivers nothing.
 *
 * @param options.drain delivers every due email, e.g. `() => worker.drain()`.
 * @param options.secret at least 32 characters, e.g. `process.env.CRON_SECRET`.
 * @returns `{ GET }`: answers `{ sent, retrying, dead }` as JSON.
 * @throws OrgkitConfigError at construction when the secret is missing or shorter than 32 characters.
 * @example
 * // app/api/orgkit/cron/route.ts, with vercel.json { "crons": [{ "path": "/api/orgkit/cron", "schedule": "* * * * *" }] }
 * export const { GET } = createOutboxCronHandler({ drain: async () => (await getOrgkit()).worker.drain(), secret: process.env.CRON_SECRET });
 */
export function createOutboxCronHandler(options: {
  drain: () => Promise<DeliveryReport>;
  secret: string | undefined;
}) {
  const { secret } = options;
  if (!secret || secret.length < 32) {
    throw new OrgkitConfigError("the cron secret needs at least 32 characters (CRON_SECRET)");
  }
  const expected = Buffer.from(`Bearer ${secret}`);
  const headers = { "Cache-Control": "no-store" };
  return {
    async GET(request: Request): Promise<Response> {
      const given = Buffer.from(request.headers.get("authorization") ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return Response.json({ error: { message: "Not authorized" } }, { status: 401, headers });
      }
      return Response.json(await options.drain(), { headers });
    },
  };
}
