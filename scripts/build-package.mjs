// Builds the workspace package in the current folder for publishing: one ESM bundle per
// entry of package.json's "orgkit.entries" (dependencies left as imports, shared code in
// common chunks so classes such as PolicyError exist once), and .d.ts files from tsc.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const { entries, platform = "node", client = false } = pkg.orgkit;
rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform,
  target: platform === "node" ? "node20" : "es2022",
  packages: "external",
  jsx: "automatic",
  chunkNames: "chunks/[name]-[hash]",
  // Client components keep their boundary after the build.
  banner: client ? { js: '"use client";' } : {},
  logLevel: "warning",
});
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
console.info(`built ${pkg.name}`);
