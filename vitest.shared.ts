import { defineConfig } from "vitest/config";

/** The test settings every package shares. */
export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    // PGlite takes seconds to start and hundreds of MB each: one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
