import {
  checkSecret,
  createContext,
  createOutboxWorker,
  type Database,
  migrate,
  type OrgkitContext,
  type OutboxWorker,
  openDatabase,
  syncEventConsumers,
  type WebhookEndpoint,
} from "@orgkit/core/server";
import {
  createDevMailboxTransport,
  createResendTransport,
  type EmailTransport,
  emailSender,
} from "@orgkit/emails/server";
import { config } from "./config";
import { ensureDemoTables } from "./endpoints";
import { seedDemo } from "./seed";
import { endSessionsOnRemoval } from "./sessions";

export type Orgkit = {
  database: Database;
  ctx: OrgkitContext;
  transport: EmailTransport;
  worker: OutboxWorker;
};

async function start(): Promise<Orgkit> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  await ensureDemoTables(database.db);
  const ctx = createContext({
    db: database.db,
    secret: config.secret,
    now: () => new Date(Date.now() + (cache.orgkitClockOffsetMs ?? 0)),
    // R37 still holds, with room to onboard a team: one bulk invitation of 500 rows fits.
    inviteRateLimits: {
      perActor: { limit: 600, windowMs: 10 * 60 * 1000 },
      perOrganization: { limit: 1000, windowMs: 10 * 60 * 1000 },
    },
  });
  // Every instance must share one secret; ORGKIT_ROTATE_SECRET=1 records a new one on purpose.
  await checkSecret(ctx, { rotate: process.env.ORGKIT_ROTATE_SECRET === "1" });
  await seedDemo(ctx);
  const transport = config.resendApiKey
    ? createResendTransport({ apiKey: config.resendApiKey, from: config.emailFrom })
    : createDevMailboxTransport(database.db);
  // Events: the demo's own subscriber (ends a removed member's sessions) and, when
  // configured, one webhook endpoint.
  const webhooks: WebhookEndpoint[] = config.webhook ? [config.webhook] : [];
  await syncEventConsumers(ctx, { host: true, webhooks });
  const worker = createOutboxWorker(ctx, {
    deliver: emailSender({ transport, render: { baseUrl: config.appUrl } }),
    backoffMs: config.emailBackoffMs,
    events: {
      onEvent: endSessionsOnRemoval(database.db),
      webhooks,
      backoffMs: config.emailBackoffMs,
    },
  });
  worker.start();
  return { database, ctx, transport, worker };
}

// One instance per server process: Next may load this module in several bundles.
const cache = globalThis as typeof globalThis & {
  orgkitDemo?: Promise<Orgkit>;
  orgkitClockOffsetMs?: number;
};

/** Moves orgkit's clock forward, for end-to-end tests of expiry (dev tools only). */
export function advanceClock(ms: number): void {
  cache.orgkitClockOffsetMs = (cache.orgkitClockOffsetMs ?? 0) + ms;
}

/** Opens, migrates and seeds the database once, then starts the email worker. */
export function getOrgkit(): Promise<Orgkit> {
  // A failed start (a database briefly down) is retried by the next request, not cached.
  cache.orgkitDemo ??= start().catch((error: unknown) => {
    cache.orgkitDemo = undefined;
    throw error;
  });
  return cache.orgkitDemo;
}
