import { defineConfig } from "@playwright/test";
import { chromium } from "./chromium";

const PORT = Number(process.env.E2E_PORT ?? 3123);
// Links in emails and sign-in use localhost: browse there too, so cookies match.
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [chromium],
  webServer: {
    command: "node scripts/start.mjs",
    cwd: "../apps/demo",
    url: `${BASE_URL}/api/trpc/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      APP_URL: BASE_URL,
      ORGKIT_DATA_DIR: "memory://",
      ORGKIT_DEV_TOOLS: "1",
      RESEND_API_KEY: "",
    },
  },
});
