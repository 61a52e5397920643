import {
  createContext,
  createOutboxWorker,
  migrate,
  type OrgkitContext,
  type OutboxWorker,
  openDatabase,
} from "@orgkit/core/server";
import { createDevMailboxTransport, createResendTransport, emailSender } from "@orgkit/emails/server";
import { {{trpcImports}} } from "@orgkit/trpc";
{{authImport}}
const appUrl = process.env.APP_URL ?? "http://localhost:3000";

async function start(): Promise<{ ctx: OrgkitContext; worker: OutboxWorker }> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.ORGKIT_DATA_DIR ?? ".data/orgkit" });
  await migrate(database);
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("Set AUTH_SECRET (at least 32 characters)");
  const ctx = createContext({ db: database.db, secret });
  const transport = process.env.RESEND_API_KEY
    ? createResendTransport({ apiKey: process.env.RESEND_API_KEY, from: process.env.EMAIL_FROM ?? "no-reply@example.com" })
    : createDevMailboxTransport(database.db);
  const worker = createOutboxWorker(ctx, { deliver: emailSender({ transport, render: { baseUrl: appUrl } }) });
  worker.start();
  return { ctx, worker };
}

const cache = globalThis as typeof globalThis & { orgkit?: ReturnType<typeof start> };

/** orgkit's database, context and email worker, opened once per server process. */
export function getOrgkit() {
  cache.orgkit ??= start();
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
