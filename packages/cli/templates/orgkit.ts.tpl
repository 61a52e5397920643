import {
  checkSecret,
  createContext,
  createOutboxWorker,
  migrate,
  OrgkitConfigError,
  type OrgkitContext,
  type OutboxWorker,
  openDatabase,
} from "@orgkit/core/server";
import { createDevMailboxTransport, createResendTransport, emailSender } from "@orgkit/emails/server";
import { {{trpcImports}} } from "@orgkit/trpc";
{{authImport}}
const production = process.env.NODE_ENV === "production";

async function start(): Promise<{ ctx: OrgkitContext; worker: OutboxWorker }> {
  // Emailed links point at APP_URL: in production a missing one would send links to localhost.
  const appUrl = process.env.APP_URL || (production ? "" : "http://localhost:3000");
  // A config error's message is logged with each failed request, so the fix is in the log.
  if (!appUrl) throw new OrgkitConfigError("set APP_URL, the app's public URL: emailed links point there");
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new OrgkitConfigError("set AUTH_SECRET (at least 32 characters)");
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.ORGKIT_DATA_DIR || ".data/orgkit" });
  await migrate(database);
  const ctx = createContext({ db: database.db, secret });
  // Every instance must share one secret; ORGKIT_ROTATE_SECRET=1 records a new one on purpose.
  await checkSecret(ctx, { rotate: process.env.ORGKIT_ROTATE_SECRET === "1" });
  const apiKey = process.env.RESEND_API_KEY;
  if (!apiKey && production) console.warn("[orgkit] RESEND_API_KEY is not set: emails go to the dev mailbox table");
  const transport = apiKey
    ? createResendTransport({ apiKey, from: process.env.EMAIL_FROM || "no-reply@example.com" })
    : createDevMailboxTransport(database.db);
  const worker = createOutboxWorker(ctx, { deliver: emailSender({ transport, render: { baseUrl: appUrl } }) });
  // A periodic sweep for retries, on a long-running server. Serverless: delete this line and
  // schedule the cron route (README, "Deploy").
  worker.start();
  return { ctx, worker };
}

const cache = globalThis as typeof globalThis & { orgkit?: ReturnType<typeof start> };

/** orgkit's database, context and email worker, opened once per server process. */
export function getOrgkit() {
  // A failed start (a database waking up) is retried by the next request, not kept.
  cache.orgkit ??= start().catch((error: unknown) => {
    cache.orgkit = undefined;
    throw error;
  });
  return cache.orgkit;
}

/**
 * orgkit's normalizer for sign-in addresses (R39). Pass it to your Auth.js email provider,
 * `{ id: "email", type: "email", normalizeIdentifier, … }`, so that invite, accept and
 * sign-in always meet the same account.
 */
export { normalizeIdentifier } from "@orgkit/core/policy";

/** The signed-in user of a request. */
export const getSessionUser: GetSessionUser = {{getUser}};

/** Where a person goes after accepting an invitation; sign them in there. */
export async function signInAfterAccept(user: { id: string; email: string }): Promise<string> {
  return `/signin?email=${encodeURIComponent(user.email)}&callbackUrl=/settings/organization`;
}
