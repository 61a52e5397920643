import { readMembership, setSeatLimit } from "@orgkit/core/server";
import { auth } from "@/lib/auth";
import { devMailboxEnabled } from "@/lib/config";
import { getOrgkit } from "@/lib/orgkit";
import { isSameOrigin } from "@/lib/same-origin";

/**
 * POST { "limit": n | null }: what a host's billing does when a plan changes, for the
 * signed-in owner's organization, so e2e tests can see seats. Only with dev tools on and no
 * real email provider.
 */
export async function POST(request: Request) {
  if (!devMailboxEnabled()) return new Response("Not found", { status: 404 });
  const type = request.headers.get("content-type")?.split(";")[0]?.trim();
  if (type !== "application/json" || !isSameOrigin(request.headers)) {
    return new Response("Refused", { status: 403 });
  }
  const session = await auth();
  if (!session?.user?.id) return new Response("Sign in", { status: 401 });
  const { ctx } = await getOrgkit();
  const membership = await readMembership(ctx, session.user.id);
  if (membership?.status !== "ACTIVE" || membership.role !== "OWNER") {
    return new Response("Owner only", { status: 403 });
  }
  const { limit } = (await request.json().catch(() => ({}))) as { limit?: unknown };
  if (limit !== null && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1))
    return new Response("Bad limit", { status: 400 });
  await setSeatLimit(ctx, membership.organizationId, limit);
  return Response.json({ ok: true });
}
