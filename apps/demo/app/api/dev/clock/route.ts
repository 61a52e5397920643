import { devToolsEnabled } from "@/lib/config";
import { advanceClock } from "@/lib/orgkit";

/** POST { "days": n }: moves orgkit's clock forward, so e2e tests can see links expire. */
export async function POST(request: Request) {
  if (!devToolsEnabled()) return new Response("Not found", { status: 404 });
  const { days } = (await request.json()) as { days?: unknown };
  if (typeof days !== "number" || days <= 0 || days > 365)
    return new Response("Bad days", { status: 400 });
  advanceClock(days * 24 * 60 * 60 * 1000);
  return Response.json({ ok: true });
}
