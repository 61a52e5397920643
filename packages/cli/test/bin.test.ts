import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");

describe("the orgkit command", () => {
  it("builds, runs `orgkit init --dry-run` in an app, and refuses unknown commands", () => {
    execFileSync("pnpm", ["run", "build"], { cwd: root, stdio: "ignore" });
    const cwd = mkdtempSync(path.join(tmpdir(), "orgkit-bin-"));
    mkdirSync(path.join(cwd, "app"));
    const bin = path.join(root, "bin", "orgkit.mjs");
    const dry = spawnSync(process.execPath, [bin, "init", "--dry-run"], { cwd, encoding: "utf8" });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("would create app/settings/organization/[[...slug]]/page.tsx");
    const wrong = spawnSync(process.execPath, [bin, "deploy"], { cwd, encoding: "utf8" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("orgkit init [--dry-run]");
  });
});
