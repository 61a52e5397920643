import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const packages = path.join(import.meta.dirname, "..", "..");
const NAMES = ["core", "trpc", "emails", "ui", "cli"] as const;
type Packed = { files: string[]; manifest: Record<string, unknown> & { exports?: unknown } };
const packed = new Map<string, Packed>();

/** Every file path an `exports` value points at. */
function targets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports && typeof exports === "object") return Object.values(exports).flatMap(targets);
  return [];
}

describe("packed tarballs", () => {
  beforeAll(() => {
    const out = mkdtempSync(path.join(tmpdir(), "orgkit-pack-"));
    for (const name of NAMES) {
      const dir = path.join(packages, name);
      execFileSync("pnpm", ["run", "build"], { cwd: dir, stdio: "ignore" });
      execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: dir, stdio: "ignore" });
    }
    for (const tarball of readdirSync(out)) {
      const file = path.join(out, tarball);
      const files = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).trim().split("\n");
      const manifest = JSON.parse(
        execFileSync("tar", ["-xzOf", file, "package/package.json"], { encoding: "utf8" }),
      );
      packed.set(String(manifest.name), { files, manifest });
    }
  }, 300_000);

  it("every entry point of every package is in its tarball, with types and import", () => {
    expect([...packed.keys()].sort()).toEqual(NAMES.map((n) => `@orgkit/${n}`).sort());
    for (const [name, { files, manifest }] of packed) {
      for (const target of targets(manifest.exports)) {
        expect(files, `${name} → ${target}`).toContain(`package/${target.replace(/^\.\//, "")}`);
      }
      for (const [entry, value] of Object.entries(
        (manifest.exports ?? {}) as Record<string, unknown>,
      )) {
        if (typeof value === "object" && value)
          expect(Object.keys(value), `${name} ${entry}`).toEqual(["types", "import"]);
      }
    }
    expect(packed.get("@orgkit/core")?.files).toContain("package/drizzle/meta/_journal.json");
    expect(packed.get("@orgkit/cli")?.files).toContain("package/templates/page.tsx.tpl");
  });

  it("nothing extra: no sources, tests or source maps, and no workspace: versions", () => {
    for (const [name, { files, manifest }] of packed) {
      const extra = files.filter((f) => /^package\/(src|test)\/|\.test\.|\.map$/.test(f));
      expect(extra, name).toEqual([]);
      expect(JSON.stringify(manifest), name).not.toContain("workspace:");
    }
  });

  it("client components keep their boundary, and server packages leave react to the host", () => {
    const ui = packed.get("@orgkit/ui");
    expect(ui?.manifest.peerDependencies).toMatchObject({
      react: "^19",
      "@tanstack/react-query": expect.any(String),
    });
    const bundle = execFileSync(
      "sh",
      ["-c", `cat ${path.join(packages, "ui", "dist", "index.js")} | head -c 20`],
      { encoding: "utf8" },
    );
    expect(bundle.startsWith('"use client";')).toBe(true);
    expect(packed.get("@orgkit/core")?.manifest.peerDependencies).toHaveProperty("drizzle-orm");
    expect(packed.get("@orgkit/trpc")?.manifest.peerDependencies).toHaveProperty("@trpc/server");
  });
});
