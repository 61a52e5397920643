import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureUiBundle } from "../size";

const budget = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "..", "size-budget.json"), "utf8"),
) as {
  maxGzipBytes: number;
};

describe("UI weight", () => {
  it("the client JavaScript @orgkit/ui adds stays within size-budget.json", async () => {
    const { gzipBytes, bytes } = await measureUiBundle();
    console.info(
      `@orgkit/ui: ${bytes} bytes minified, ${gzipBytes} bytes gzipped (budget ${budget.maxGzipBytes})`,
    );
    expect(bytes).toBeGreaterThan(gzipBytes);
    expect(gzipBytes).toBeLessThanOrEqual(budget.maxGzipBytes);
  });
});
