import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { OrgkitConfigError } from "./config-error";
import type { OrgkitContext } from "./context";
import { orgkitSettings } from "./schema";

const KEY = "secret_fingerprint";

/** A one-way fingerprint of the secret: equal secrets match, and it reveals nothing of it. */
function fingerprint(secret: string): string {
  return createHmac("sha256", secret).update("orgkit secret fingerprint v1").digest("base64url");
}

/**
 * Makes sure this instance's secret is the one the database was first used with: instances
 * with different secrets could not open each other's sealed link tokens (their queued emails
 * would fail) or sessions. The first start records the fingerprint; a later start with
 * another secret is refused, unless `rotate` records the new one (a deliberate rotation:
 * emails still queued under the old secret then fail, and their invitations need a resend).
 *
 * @throws OrgkitConfigError when the secret differs and `rotate` is not set.
 * @example await checkSecret(ctx, { rotate: process.env.ORGKIT_ROTATE_SECRET === "1" });
 */
export async function checkSecret(
  ctx: OrgkitContext,
  options: { rotate?: boolean } = {},
): Promise<void> {
  const mine = fingerprint(ctx.secret);
  if (options.rotate) {
    await ctx.db
      .insert(orgkitSettings)
      .values({ key: KEY, value: mine })
      .onConflictDoUpdate({
        target: orgkitSettings.key,
        set: { value: mine, updatedAt: sql`now()` },
      });
    return;
  }
  await ctx.db.insert(orgkitSettings).values({ key: KEY, value: mine }).onConflictDoNothing();
  const [stored] = await ctx.db
    .select({ value: orgkitSettings.value })
    .from(orgkitSettings)
    .where(eq(orgkitSettings.key, KEY));
  if (stored && stored.value !== mine) {
    throw new OrgkitConfigError(
      "the secret (AUTH_SECRET) differs from the one this database was first used with: " +
        "every instance must share one. To rotate it on purpose, start one instance with " +
        "the new secret and rotation allowed (the demo: ORGKIT_ROTATE_SECRET=1)",
    );
  }
}
