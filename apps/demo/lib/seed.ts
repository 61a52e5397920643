import {
  acceptInvitation,
  activateOrganization,
  inviteUser,
  type OrgkitContext,
  openToken,
  schema,
} from "@orgkit/core/server";
import { and, eq, inArray } from "drizzle-orm";

const MEMBERS = [
  { email: "admin@demo.test", username: "admin", role: "ADMIN" },
  { email: "user@demo.test", username: "user", role: "USER" },
  { email: "viewer@demo.test", username: "viewer", role: "VIEWER" },
] as const;

/**
 * The accounts of SPEC.md, created once through the real services so the audit log
 * tells how Acme came to be: owner@demo.test owns Acme; solo@demo.test is in personal mode.
 */
export async function seedDemo(ctx: OrgkitContext): Promise<void> {
  // Several instances may start together: the one whose insert creates the owner seeds.
  const [owner] = await ctx.db
    .insert(schema.users)
    .values({ email: "owner@demo.test", name: "owner" })
    .onConflictDoNothing()
    .returning();
  if (!owner) return;
  await ctx.db
    .insert(schema.users)
    .values({ email: "solo@demo.test", name: "solo" })
    .onConflictDoNothing();
  await activateOrganization(ctx, owner.id, { name: "Acme" });
  for (const member of MEMBERS) {
    const { invitationId } = await inviteUser(ctx, owner.id, member);
    const [queued] = await ctx.db
      .select()
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.subjectId, invitationId));
    await acceptInvitation(ctx, {
      token: openToken(ctx.secret, String(queued?.payload.sealedToken)),
    });
  }
  // The seeded people joined without reading their invitations: nothing to send them.
  await ctx.db.delete(schema.emailOutbox).where(
    and(
      eq(schema.emailOutbox.template, "invitation"),
      inArray(
        schema.emailOutbox.to,
        MEMBERS.map((m) => m.email),
      ),
    ),
  );
}
