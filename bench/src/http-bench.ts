import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { POSTGRES_URL } from "@orgkit/core/testing";
import autocannon from "autocannon";
import postgres from "postgres";
import { DEMO, ROOT, signIn } from "./demo-server";
import { figure, metric } from "./results";

const PORT = 3399;
const BASE = `http://localhost:${PORT}`;

const ENGINE = "orgkit/http-postgres";
export const HTTP_LABELS = {
  baseline: "http: empty query (baseline)",
  page: "http: members page",
  role: "http: role change",
} as const;

/**
 * autocannon (10 connections) against the demo's production server on PostgreSQL (R37's
 * handler included): after a 1 s warm-up of each request, `rounds` rounds of `seconds`
 * each of baseline, members page and role change in turn, so each round's ratios compare
 * requests run seconds apart.
 */
export async function httpBench(rounds: number, seconds: number): Promise<void> {
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(0);
  if (!existsSync(path.join(DEMO, ".next", "BUILD_ID"))) {
    console.info("  building the demo…");
    execFileSync("pnpm", ["--filter", "@orgkit/demo", "build"], { cwd: ROOT, stdio: "ignore" });
  }
  const name = `orgkit_bench_http_${randomBytes(4).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: DEMO,
    env: {
      ...process.env,
      PORT: String(PORT),
      APP_URL: BASE,
      DATABASE_URL: url.toString(),
      RESEND_API_KEY: "",
      ORGKIT_DEV_TOOLS: "1",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0",
    },
    stdio: "ignore",
  });
  try {
    await waitFor(`${BASE}/api/trpc/health`);
    const cookie = await signIn(BASE, "owner@demo.test");
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const memberIds = await addMembers(db, 200);
    await db.end();
    const headers = { cookie, "content-type": "application/json", origin: BASE };
    const list = encodeURIComponent(JSON.stringify({ json: { limit: 50 } }));
    let n = 0;
    const requests: [string, autocannon.Options][] = [
      [HTTP_LABELS.baseline, { url: `${BASE}/api/trpc/health` }],
      [
        HTTP_LABELS.page,
        { url: `${BASE}/api/trpc/members.list?input=${list}`, headers: { cookie } },
      ],
      [
        HTTP_LABELS.role,
        {
          url: `${BASE}/api/trpc/members.changeRole`,
          method: "POST",
          headers,
          requests: [
            {
              setupRequest: (request) => {
                // Each member is touched once per 200 requests, alternating roles, so no change repeats.
                const memberId = memberIds[n % memberIds.length];
                const role = Math.floor(n / memberIds.length) % 2 === 0 ? "VIEWER" : "USER";
                n += 1;
                return { ...request, body: JSON.stringify({ json: { memberId, role } }) };
              },
            },
          ],
        },
      ],
    ];
    console.info(`  http: demo server up, signed in (${elapsed()} s)`);
    for (const [, options] of requests) await cannon(1, options);
    const runs = requests.map(() => [] as autocannon.Result[]);
    for (let round = 0; round < rounds; round += 1) {
      for (const [k, [, options]] of requests.entries())
        runs[k]?.push(await cannon(seconds, options));
      console.info(`  http: round ${round + 1}/${rounds} (${elapsed()} s)`);
    }
    for (const [k, [label]] of requests.entries()) {
      const each = runs[k] ?? [];
      figure(
        label,
        ENGINE,
        "requests per second",
        "req/s",
        each.map((r) => r.requests.average),
      );
      figure(
        label,
        ENGINE,
        "p50",
        "ms",
        each.map((r) => r.latency.p50),
      );
      figure(
        label,
        ENGINE,
        "p99",
        "ms",
        each.map((r) => r.latency.p99),
      );
      metric({
        case: label,
        engine: ENGINE,
        metric: "non-2xx",
        value: each.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
        unit: "count (all rounds)",
      });
    }
  } finally {
    await stop(server);
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function cannon(seconds: number, options: autocannon.Options) {
  return autocannon({ connections: 10, duration: seconds, ...options });
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the demo did not answer at ${url}`);
}

/** 200 USER members in Acme, so role changes spread over rows that never collide. */
async function addMembers(db: postgres.Sql, count: number): Promise<string[]> {
  const [acme] = await db`select id from organizations where name = 'Acme'`;
  const rows = await db`
    with u as (
      insert into users (id, email, name, created_at)
      select 'http-u-' || g, 'http' || g || '@bench.test', 'http' || g, now() from generate_series(1, ${count}::int) g
      returning id, name
    )
    insert into members (id, organization_id, user_id, username, role, status, created_at, updated_at)
    select 'http-m-' || u.name, ${acme?.id}, u.id, u.name, 'USER', 'ACTIVE', now(), now() from u
    returning id`;
  return rows.map((row) => String(row.id));
}

async function stop(server: ChildProcess) {
  server.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (server.exitCode === null) server.kill("SIGKILL");
}
