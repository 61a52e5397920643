import {
  acceptInvitation,
  activateOrganization,
  createContext,
  inviteUser,
  openToken,
  schema,
} from "@orgkit/core/server";
import { and, eq, like } from "drizzle-orm";
import { devMailboxEnabled } from "@/lib/config";
import { getOrgkit } from "@/lib/orgkit";
import { isSameOrigin } from "@/lib/same-origin";

const NO_LIMIT = { limit: 1_000_000, windowMs: 60_000 };

/**
 * POST { "members": n, "invitations": m } (dev tools only): a new organization with n USER
 * members and m pending invitations, made through orgkit's services, for tests of
 * User management at scale. Answers the owner's email; sign in with it.
 */
export async function POST(request: Request) {
  if (!devMailboxEnabled()) return new Response("Not found", { status: 404 });
  const type = request.headers.get("content-type")?.split(";")[0]?.trim();
  if (type !== "application/json" || !isSameOrigin(request.headers)) {
    return new Response("Refused", { status: 403 });
  }
  const body = (await request.json().catch(() => ({}))) as {
    members?: unknown;
    invitations?: unknown;
  };
  const count = (value: unknown) =>
    typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 500
      ? value
      : null;
  const members = count(body.members);
  const invitations = count(body.invitations);
  if (members === null || invitations === null) return new Response("Bad counts", { status: 400 });

  const { ctx: shared } = await getOrgkit();
  // Its own context: the seed is one actor sending hundreds of invitations (R37 would refuse).
  const ctx = createContext({
    db: shared.db,
    secret: shared.secret,
    now: shared.now,
    inviteRateLimits: { perActor: NO_LIMIT, perOrganization: NO_LIMIT },
  });
  const tag = Date.now().toString(36);
  const [owner] = await ctx.db
    .insert(schema.users)
    .values({ email: `large-${tag}@e2e.test`, name: "large owner" })
    .returning();
  if (!owner) throw new Error("seed: the owner was not created");
  await activateOrganization(ctx, owner.id, { name: `Large ${tag}` });
  const pad = (n: number) => String(n).padStart(3, "0");
  for (let i = 1; i <= members; i += 1) {
    const { invitationId } = await inviteUser(ctx, owner.id, {
      email: `member${pad(i)}-${tag}@e2e.test`,
      username: `member${pad(i)}-${tag}`,
      role: "USER",
    });
    const [queued] = await ctx.db
      .select({ payload: schema.emailOutbox.payload })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.subjectId, invitationId));
    await acceptInvitation(ctx, {
      token: openToken(ctx.secret, String(queued?.payload.sealedToken)),
    });
  }
  for (let i = 1; i <= invitations; i += 1) {
    await inviteUser(ctx, owner.id, {
      email: `pending${pad(i)}-${tag}@e2e.test`,
      username: `pending${pad(i)}-${tag}`,
      role: "VIEWER",
    });
  }
  // Seeded people read no email: nothing of this organization's to deliver.
  await ctx.db
    .delete(schema.emailOutbox)
    .where(
      and(
        eq(schema.emailOutbox.status, "PENDING"),
        like(schema.emailOutbox.to, `%-${tag}@e2e.test`),
      ),
    );
  return Response.json({ ownerEmail: owner.email, tag });
}
