// Serves the built host as its users deploy it: a fresh PostgreSQL database behind PgBouncer
// in transaction mode (Debian's 1.18), then `next start` on the port given as argument. The
// database is dropped when the server stops. Usage: node scripts/serve.mjs 3124
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { POSTGRES_URL, startPgBouncer } from "@orgkit/core/testing";
import postgres from "postgres";

const port = process.argv[2] ?? "3124";
const name = `orgkit_host_${randomBytes(4).toString("hex")}`;
const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const pooler = await startPgBouncer({ poolSize: 2 }).catch(async (error) => {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  throw error;
});
const next = spawn("node_modules/.bin/next", ["start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: `${pooler.url(name)}?pgbouncer=true` },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await pooler.stop();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  process.exit(code);
}
next.on("exit", (code) => stop(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
