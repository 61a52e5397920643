import { createHash, randomBytes } from "node:crypto";
import { schema } from "@orgkit/core/server";
import { SIGN_IN_MAX_AGE_SECONDS } from "./auth";
import { config } from "./config";
import { getOrgkit } from "./orgkit";

/**
 * Signs in a person who just accepted an invitation, without a second email: stores an
 * Auth.js verification token and returns the email callback that spends it.
 */
export async function signInLinkAfterAccept(user: { id: string; email: string }): Promise<string> {
  const { database } = await getOrgkit();
  const token = randomBytes(32).toString("hex");
  await database.db.insert(schema.verificationTokens).values({
    identifier: user.email,
    // Auth.js stores sha256(token + secret) and compares the same way.
    token: createHash("sha256").update(`${token}${config.secret}`).digest("hex"),
    expires: new Date(Date.now() + SIGN_IN_MAX_AGE_SECONDS * 1000),
  });
  const url = new URL("/api/auth/callback/email", config.appUrl);
  url.searchParams.set("callbackUrl", "/settings/organization");
  url.searchParams.set("token", token);
  url.searchParams.set("email", user.email);
  return url.pathname + url.search;
}
