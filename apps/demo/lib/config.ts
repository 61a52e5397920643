import path from "node:path";

/** The demo's settings, from the environment, with the defaults the README lists. */
export const config = {
  port: Number(process.env.PORT ?? 3000),
  get appUrl() {
    return process.env.APP_URL ?? `http://localhost:${this.port}`;
  },
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.ORGKIT_DATA_DIR ?? path.join(process.cwd(), ".data", "orgkit"),
  // A fixed fallback keeps `pnpm demo` working out of the box; set AUTH_SECRET in production.
  secret: process.env.AUTH_SECRET ?? "orgkit-demo-secret-change-me-0123456789abcdef",
  resendApiKey: process.env.RESEND_API_KEY,
  emailFrom: process.env.EMAIL_FROM ?? "orgkit demo <no-reply@orgkit.test>",
};

/** The dev mailbox exists only when no real provider is configured. */
export const devMailboxEnabled = () => !config.resendApiKey;

/** Test-only tools (moving the clock), never on unless ORGKIT_DEV_TOOLS=1 and no real provider. */
export const devToolsEnabled = () => devMailboxEnabled() && process.env.ORGKIT_DEV_TOOLS === "1";
