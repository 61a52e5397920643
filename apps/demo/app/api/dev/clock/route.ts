import { devMailboxEnabled } from "@/lib/config";
import { advanceClock } from "@/lib/orgkit";
import { isSameOrigin } from "@/lib/same-origin";

/**
 * POST { "days": n }: moves orgkit's clock forward, so e2e tests can see links expire. Only
 * with dev tools on and no real email provider.
 */
export async function POST(request: Request) {
  if (!devMailboxEnabled()) return new Response("Not found", { status: 404 });
  // Same-origin JSON only, like orgkit's own mutations (R37).
  const type = request.headers.get("content-type")?.split(";")[0]?.trim();
  if (type !== "application/json" || !isSameOrigin(request.headers)) {
    return new Response("Refused", { status: 403 });
  }
  const { days } = (await request.json().catch(() => ({}))) as { days?: unknown };
  if (typeof days !== "number" || days <= 0 || days > 365)
    return new Response("Bad days", { status: 400 });
  advanceClock(days * 24 * 60 * 60 * 1000);
  return Response.json({ ok: true });
}
