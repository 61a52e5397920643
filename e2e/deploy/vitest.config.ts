import { defineConfig } from "vitest/config";

// Real processes (PgBouncer, three `next start`): one file, no parallel workers.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
