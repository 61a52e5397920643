import { randomUUID } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { normalizeIdentifier } from "@orgkit/core/policy";
import { faultCodes, schema } from "@orgkit/core/server";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { config } from "./config";
import { getOrgkit } from "./orgkit";

// Auth.js builds its links from AUTH_URL; the demo's links all use the configured app URL.
process.env.AUTH_URL ??= config.appUrl;

export const SIGN_IN_MAX_AGE_SECONDS = 24 * 60 * 60;

// Built once per process: Auth.js calls this for every request, and the adapter and the
// provider need not be built again each time.
let configured: Promise<NextAuthConfig> | undefined;

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  configured ??= authConfig().catch((error: unknown) => {
    configured = undefined; // the database may be back on the next request
    throw error;
  });
  return configured;
});

async function authConfig(): Promise<NextAuthConfig> {
  const { database, transport } = await getOrgkit();
  const email: EmailConfig = {
    id: "email",
    type: "email",
    name: "Email",
    from: config.emailFrom,
    maxAge: SIGN_IN_MAX_AGE_SECONDS,
    // R39: the same normalizer as orgkit's invitations, so invite, accept and sign-in meet
    // one account (Auth.js's own would keep a combining accent that orgkit refuses).
    normalizeIdentifier,
    async sendVerificationRequest({ identifier, url: callback }) {
      // The email links to a page with a button, so a mail scanner that opens it signs in
      // nobody; the button spends the link through Auth.js's callback.
      const url = new URL("/signin/confirm", config.appUrl);
      url.search = new URL(callback).search;
      await transport.send({
        to: identifier,
        subject: "Sign in to the orgkit demo",
        text: `Sign in to the orgkit demo:\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`,
        html: `<p>Sign in to the orgkit demo:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours.</p>`,
        idempotencyKey: `sign-in-${randomUUID()}`,
      });
    },
  };
  return {
    secret: config.secret,
    trustHost: true,
    // R40: Auth.js would log a failed query with its SQL and parameters (emails, session
    // tokens); the demo logs codes only, like orgkit's own handler.
    logger: {
      error: (error) => console.error("[auth] failed", faultCodes(error)),
      warn: (code) => console.warn("[auth] warning", code),
      debug: () => {},
    },
    adapter: DrizzleAdapter(database.db, {
      usersTable: schema.users,
      accountsTable: schema.accounts,
      sessionsTable: schema.sessions,
      verificationTokensTable: schema.verificationTokens,
    }),
    // Sessions live in the database, so signing out or being removed ends them on the
    // server: a copied cookie stops working at once.
    session: { strategy: "database" },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email" },
    providers: [email],
    callbacks: {
      // Only what the pages need: the database session row (its token included) stays on
      // the server, never in /api/auth/session's JSON.
      session({ session, user }) {
        return { user: { ...session.user, id: user.id }, expires: session.expires };
      },
    },
  };
}
