import { randomBytes } from "node:crypto";
import { schema } from "@orgkit/core/server";
import { cookies } from "next/headers";
import { config } from "./config";
import { getOrgkit } from "./orgkit";

/** Auth.js's session lifetime and cookie name (the `__Secure-` prefix on https). */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const sessionCookie = () =>
  config.appUrl.startsWith("https:") ? "__Secure-authjs.session-token" : "authjs.session-token";

/**
 * Signs in a person who just accepted an invitation, without a second email and without a
 * token in any URL (R40): stores an Auth.js database session for the account and sets its
 * cookie on the accept response. Returns where to go next.
 */
export async function signInLinkAfterAccept(user: { id: string; email: string }): Promise<string> {
  const { database } = await getOrgkit();
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await database.db.insert(schema.sessions).values({ sessionToken, userId: user.id, expires });
  (await cookies()).set(sessionCookie(), sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.appUrl.startsWith("https:"),
    expires,
  });
  return "/settings/organization";
}
