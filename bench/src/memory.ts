/**
 * Resident memory (VmRSS from /proc/<pid>/status; VmHWM is the peak) of the demo's production
 * server: at rest after start on embedded PGlite (`ORGKIT_DATA_DIR=memory://`) and on
 * PostgreSQL; after a walkthrough-like load (owner signs in through the dev mailbox, then
 * members list, invitations list, role changes and invitations sent, twice 300 requests);
 * with 100,000 members seeded into Acme on PostgreSQL, before and after each 200 requests of
 * the members page, 1,600 in all (`--pages N`; walks of page 1 then 9 pages deeper by
 * nextCursor). Then the RSS of a bare Node process (with --expose-gc, collected before each
 * reading) before and after opening 1 and 5 migrated in-memory PGlite databases, i.e. MB per
 * instance. Prints a table; measures only, asserts nothing.
 *
 *   cd bench && npx tsx src/memory.ts [--pages 1600]
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { POSTGRES_URL } from "@orgkit/core/testing";
import postgres from "postgres";
import {
  type DemoServer,
  loadAverage,
  memoryOf,
  processTree,
  signIn,
  sleep,
  startDemo,
  treeRss,
  trpcData,
} from "./demo-server";

const PORTS = { pglite: 3421, postgres: 3422 } as const;
const BIG = 100_000;
const pagesAt = process.argv.indexOf("--pages");
/** Members-page requests on the 100k organization, read every 200. */
const pages = pagesAt >= 0 ? Number(process.argv[pagesAt + 1]) : 1_600;

type Line = { what: string; rss: number; peak: number; tree: number; note: string };
const lines: Line[] = [];

/** Waits for the server to settle (after() work, timers), then records its memory. */
async function record(server: DemoServer, what: string, note = "") {
  await sleep(3000);
  const { rss, peak } = memoryOf(server.pid);
  lines.push({ what, rss, peak, tree: treeRss(server.pid), note });
  console.info(`  ${what}: RSS ${rss.toFixed(0)} MiB (peak ${peak.toFixed(0)}) ${note}`);
}

type Page = { items: { id: string; username: string; role: string }[]; nextCursor: string | null };

const listUrl = (base: string, input: Record<string, unknown>) =>
  `${base}/api/trpc/members.list?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Walkthrough-like requests as the owner: lists, role changes, invitations sent. */
async function walkthrough(server: DemoServer, cookie: string, from: number, count: number) {
  const base = server.base;
  const get = { headers: { cookie } };
  const post = (body: unknown) => ({
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: base },
    body: JSON.stringify({ json: body }),
  });
  const { items } = await trpcData<Page>(await fetch(listUrl(base, { limit: 50 }), get));
  const toggled = items.filter((m) => m.username === "user" || m.username === "viewer");
  const invitations = `${base}/api/trpc/invitations.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 50 } }))}`;
  const failures = new Map<string, number>();
  const started = performance.now();
  for (let n = from; n < from + count; n += 1) {
    let response: Response;
    if (n % 3 === 0) response = await fetch(listUrl(base, { limit: 50 }), get);
    else if (n % 3 === 1) response = await fetch(invitations, get);
    else if (n % 6 === 2) {
      // Each of user and viewer flips between USER and VIEWER: every change is a real one.
      const k = Math.floor((n - from) / 6);
      const member = toggled[k % toggled.length];
      const flips = Math.floor(k / toggled.length);
      const startsAsUser = member?.role === "USER";
      const role = (flips % 2 === 0) === startsAsUser ? "VIEWER" : "USER";
      response = await fetch(
        `${base}/api/trpc/members.changeRole`,
        post({ memberId: member?.id, role }),
      );
    } else {
      const tag = `walk${n}x${randomBytes(2).toString("hex")}`;
      response = await fetch(
        `${base}/api/trpc/invitations.send`,
        post({ email: `${tag}@bench.test`, username: tag, role: "USER" }),
      );
    }
    await response.arrayBuffer();
    if (!response.ok) {
      const key = `${new URL(response.url).pathname.split("/").at(-1)} ${response.status}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  const ms = (performance.now() - started) / count;
  const failed = [...failures].map(([k, v]) => `${v}× ${k}`).join(", ") || "0";
  return `${count} requests, failed: ${failed}, ${ms.toFixed(1)} ms each`;
}

/** `count` members-page requests: walks of page 1 then 9 pages deeper by nextCursor. */
async function memberPages(server: DemoServer, cookie: string, count: number) {
  let failed = 0;
  let deepest = 0;
  let cursor: string | null = null;
  let depth = 0;
  const started = performance.now();
  for (let n = 0; n < count; n += 1) {
    const input: Record<string, unknown> = cursor ? { limit: 50, cursor } : { limit: 50 };
    const response = await fetch(listUrl(server.base, input), { headers: { cookie } });
    if (!response.ok) {
      failed += 1;
      await response.arrayBuffer();
      cursor = null;
      continue;
    }
    const page = await trpcData<Page>(response);
    depth = cursor ? depth + 1 : 1;
    deepest = Math.max(deepest, depth);
    cursor = depth < 10 ? page.nextCursor : null;
  }
  const ms = (performance.now() - started) / count;
  return `${count} requests, ${failed} failed, pages 1–${deepest}, ${ms.toFixed(1)} ms each`;
}

async function demoCase(label: "pglite" | "postgres", url: string | undefined) {
  const server = await startDemo(PORTS[label], url);
  try {
    const tree = processTree(server.pid);
    await record(server, `${label}: at rest after start`, `(${tree.length} process(es))`);
    const cookie = await signIn(server.base, "owner@demo.test");
    let note = await walkthrough(server, cookie, 0, 300);
    await record(server, `${label}: after walkthrough ×300`, note);
    note = await walkthrough(server, cookie, 300, 300);
    await record(server, `${label}: after walkthrough ×600`, note);
    if (label === "postgres" && url) {
      const db = postgres(url, { max: 1, onnotice: () => {} });
      const started = performance.now();
      await db`
        with u as (
          insert into users (id, email, name, created_at)
          select 'big-u-' || g, 'big' || g || '@bench.test', 'big' || g, now()
          from generate_series(1, ${BIG}::int) g
          returning id, name
        )
        insert into members (id, organization_id, user_id, username, role, status, created_at, updated_at)
        select 'big-m-' || u.name, (select id from organizations where name = 'Acme'), u.id,
          'big' || lpad(substr(u.name, 4), 6, '0'), 'USER', 'ACTIVE', now(), now()
        from u`;
      await db`analyze members`;
      await db`analyze users`;
      const [size] = await db<{ n: number }[]>`
        select count(*)::int as n from members m join organizations o on o.id = m.organization_id
        where o.name = 'Acme'`;
      await db.end();
      const seeded = `(Acme has ${size?.n} members; seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`;
      await record(server, "postgres, 100k org: before members pages", seeded);
      for (let done = 200; done <= pages; done += 200) {
        note = await memberPages(server, cookie, 200);
        await record(server, `postgres, 100k org: after ${done} members pages`, note);
      }
    }
  } finally {
    await server.stop();
  }
}

type ChildReport = { stage: string; rss: number }[];

/** In a child: RSS at start, after imports, after each migrated in-memory PGlite database. */
async function pgliteChild(count: number) {
  const report: ChildReport = [];
  // Collected first (the child runs with --expose-gc): what stays, not garbage awaiting a GC.
  const collect = (globalThis as { gc?: () => void }).gc;
  const mark = (stage: string) => {
    collect?.();
    report.push({ stage, rss: memoryOf(process.pid).rss });
  };
  mark("bare node (tsx)");
  const { openDatabase, migrate } = await import("@orgkit/core/server");
  await import("@electric-sql/pglite");
  mark("after imports");
  const open: { close(): Promise<void> }[] = [];
  for (let k = 1; k <= count; k += 1) {
    const database = await openDatabase({ dataDir: "memory://" });
    if (k === 1) mark("after 1 database opened, not migrated");
    await migrate(database);
    open.push(database);
    mark(`after ${k} database(s)`);
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  for (const database of open) await database.close();
}

function runChild(count: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", ...process.execArgv, import.meta.filename, "--pglite-child", String(count)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line) reject(new Error(`the PGlite child exited ${code}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
}

async function main() {
  console.info(
    `memory: the demo's production server, then PGlite per instance; load ${loadAverage()}`,
  );
  await demoCase("pglite", undefined);
  const name = `orgkit_bench_mem_${randomBytes(4).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    await demoCase("postgres", url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const perInstance: string[] = [];
  for (const count of [1, 5]) {
    const report = await runChild(count);
    const imported = report.find((r) => r.stage === "after imports")?.rss ?? 0;
    const first = report.find((r) => r.stage === "after 1 database(s)")?.rss ?? 0;
    const last = report.at(-1)?.rss ?? 0;
    for (const r of report)
      lines.push({
        what: `bare node, ${count} PGlite: ${r.stage}`,
        rss: r.rss,
        peak: 0,
        tree: 0,
        note: "",
      });
    perInstance.push(
      count === 1
        ? `1 PGlite database: +${(first - imported).toFixed(1)} MiB over the imports`
        : `${count} PGlite databases: +${(last - imported).toFixed(1)} MiB over the imports, ` +
            `${((last - imported) / count).toFixed(1)} MiB each on average, ` +
            `${((last - first) / (count - 1)).toFixed(1)} MiB each after the first`,
    );
  }
  console.info("");
  const header = ["what", "RSS MiB", "peak MiB", "note"];
  const table = [
    header,
    ...lines.map((l) => [l.what, l.rss.toFixed(1), l.peak ? l.peak.toFixed(1) : "", l.note]),
  ];
  const widths = header.map((_, k) => Math.max(...table.map((line) => (line[k] ?? "").length)));
  for (const [n, line] of table.entries()) {
    console.info(line.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join(" | "));
    if (n === 0) console.info(widths.map((w) => "-".repeat(w)).join("-|-"));
  }
  console.info("");
  for (const line of perInstance) console.info(line);
  const children = lines.filter((l) => l.tree > 0 && Math.abs(l.tree - l.rss) > 0.5);
  if (children.length > 0)
    console.info(
      `(server child processes add: ${children.map((l) => `${l.what} ${(l.tree - l.rss).toFixed(0)} MiB`).join("; ")})`,
    );
  console.info(`RSS and peak from /proc/<pid>/status (VmRSS, VmHWM), MiB; load ${loadAverage()}`);
}

const childAt = process.argv.indexOf("--pglite-child");
if (childAt >= 0) await pgliteChild(Number(process.argv[childAt + 1]));
else await main();
