import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OrgkitConfigError } from "@orgkit/core/server";

const dataDir = process.env.ORGKIT_DATA_DIR ?? path.join(process.cwd(), ".data", "orgkit");

/**
 * The secret that signs sessions and seals link tokens. `AUTH_SECRET` when set (at least
 * 32 characters, else the demo refuses to start); otherwise one generated at first start
 * and kept beside the data folder with mode 0600, never a value written in the source.
 * Several instances must share one `AUTH_SECRET`.
 */
function readSecret(): string {
  const configured = process.env.AUTH_SECRET;
  if (configured !== undefined) {
    if (configured.length < 32) {
      throw new OrgkitConfigError("AUTH_SECRET must be at least 32 characters: refusing to start");
    }
    return configured;
  }
  // Several instances on one PostgreSQL database must share one secret: each would make its
  // own, and could not open the link tokens the others sealed.
  if (process.env.DATABASE_URL) {
    throw new OrgkitConfigError(
      "set AUTH_SECRET (at least 32 characters) when DATABASE_URL is set",
    );
  }
  // An in-memory database keeps nothing, and neither does its secret.
  if (dataDir.startsWith("memory://")) return randomBytes(32).toString("base64url");
  const file = `${dataDir}.secret`;
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return secret;
  }
}

/** Both webhook settings or neither: one without the other is a mistake, refused at start. */
function readWebhook() {
  const url = process.env.ORGKIT_WEBHOOK_URL || undefined;
  const secret = process.env.ORGKIT_WEBHOOK_SECRET || undefined;
  if (!url && !secret) return undefined;
  if (!url || !secret) {
    throw new OrgkitConfigError(
      "set both ORGKIT_WEBHOOK_URL and ORGKIT_WEBHOOK_SECRET, or neither",
    );
  }
  return { name: "webhook", url, secret };
}

// One secret per process: Next may load this module in several bundles.
const cache = globalThis as typeof globalThis & { orgkitDemoSecret?: string };

/** The demo's settings, from the environment, with the defaults the README lists. */
export const config = {
  port: Number(process.env.PORT ?? 3000),
  get appUrl() {
    return process.env.APP_URL ?? `http://localhost:${this.port}`;
  },
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  get secret() {
    cache.orgkitDemoSecret ??= readSecret();
    return cache.orgkitDemoSecret;
  },
  resendApiKey: process.env.RESEND_API_KEY,
  /** The outbox's first retry delay in milliseconds (doubling per attempt). Default 30 000. */
  emailBackoffMs: Number(process.env.ORGKIT_EMAIL_BACKOFF_MS ?? 30_000),
  emailFrom: process.env.EMAIL_FROM ?? "orgkit demo <no-reply@orgkit.test>",
  /** One webhook endpoint, when ORGKIT_WEBHOOK_URL and ORGKIT_WEBHOOK_SECRET (whsec_…) are set. */
  get webhook() {
    return readWebhook();
  },
};

/**
 * The dev mailbox page and API (every sign-in link) and the dev clock: only when asked for
 * with `ORGKIT_DEV_TOOLS=1`, never merely because no email provider is configured.
 */
export const devToolsEnabled = () => process.env.ORGKIT_DEV_TOOLS === "1";

/** The dev mailbox is readable only with dev tools on and no real provider. */
export const devMailboxEnabled = () => devToolsEnabled() && !config.resendApiKey;
