import { defineConfig } from "@playwright/test";
import { chromium } from "./chromium";

const PORT = 3124;
const BASE_URL = `http://localhost:${PORT}`;

/** The smoke test of a host app outside the workspace; `node host/prepare.mjs` builds it first. */
export default defineConfig({
  testDir: "host",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results/host",
  use: { baseURL: BASE_URL, trace: "retain-on-failure" },
  projects: [chromium],
  webServer: {
    command: `node_modules/.bin/next start -p ${PORT}`,
    cwd: ".host",
    url: `${BASE_URL}/api/trpc/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      AUTH_SECRET: "host-fixture-secret-host-fixture-secret-0",
      APP_URL: BASE_URL,
      AUTH_URL: BASE_URL,
      ORGKIT_DATA_DIR: "memory://",
    },
  },
});
