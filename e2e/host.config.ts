import { defineConfig } from "@playwright/test";
import { chromium } from "./chromium";

/** Each styling path of the host, built by `node host/prepare.mjs`, on its own port. */
const HOSTS = [
  { name: "host, compiled stylesheet", dir: ".host", port: 3124 },
  { name: "host, Tailwind 4", dir: ".host-tailwind", port: 3125 },
];

/**
 * The smoke test of a host app outside the workspace, installed from the packed tarballs
 * without PGlite and served on PostgreSQL through PgBouncer in transaction mode.
 */
export default defineConfig({
  testDir: "host",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results/host",
  projects: HOSTS.map(({ name, port }) => ({
    ...chromium,
    name,
    use: { ...chromium.use, baseURL: `http://localhost:${port}`, trace: "retain-on-failure" },
  })),
  webServer: HOSTS.map(({ dir, port }) => ({
    command: `node scripts/serve.mjs ${port}`,
    cwd: dir,
    url: `http://localhost:${port}/api/trpc/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    env: {
      AUTH_SECRET: "host-fixture-secret-host-fixture-secret-0",
      APP_URL: `http://localhost:${port}`,
      AUTH_URL: `http://localhost:${port}`,
    },
  })),
});
