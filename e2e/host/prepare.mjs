// Prepares a Next.js host app outside the workspace: the fixture, orgkit's packed
// tarballs installed with npm (without PGlite: this host runs on PostgreSQL), `orgkit
// init`, and a production build of each styling path: `.host` imports the compiled
// stylesheet, `.host-tailwind` builds orgkit's classes with its own Tailwind 4.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const e2e = path.join(import.meta.dirname, "..");
const packages = path.join(e2e, "..", "packages");
const host = path.join(e2e, ".host");
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, CI: "true" } });

rmSync(host, { recursive: true, force: true });
cpSync(path.join(e2e, "host-fixture"), host, { recursive: true });
const tarballs = path.join(host, "tarballs");
for (const name of ["core", "trpc", "emails", "ui", "cli"]) {
  run("pnpm", ["run", "build"], path.join(packages, name));
  run("pnpm", ["pack", "--pack-destination", tarballs], path.join(packages, name));
}
const manifest = JSON.parse(readFileSync(path.join(host, "package.json"), "utf8"));
for (const file of readdirSync(tarballs)) {
  const name = `@orgkit/${file.replace(/^orgkit-/, "").replace(/-\d+\.\d+\.\d+\.tgz$/, "")}`;
  manifest.dependencies[name] = `file:tarballs/${file}`;
}
writeFileSync(path.join(host, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], host);
if (existsSync(path.join(host, "node_modules", "@electric-sql", "pglite"))) {
  throw new Error("a host on PostgreSQL must not install PGlite: it is an optional peer");
}
run(path.join(host, "node_modules", ".bin", "orgkit"), ["init"], host);

const tailwind = path.join(e2e, ".host-tailwind");
rmSync(tailwind, { recursive: true, force: true });
cpSync(host, tailwind, { recursive: true, verbatimSymlinks: true });
cpSync(path.join(e2e, "host-tailwind"), tailwind, { recursive: true });
for (const dir of [host, tailwind])
  run(path.join(dir, "node_modules", ".bin", "next"), ["build"], dir);
