/**
 * Scale-out of a role change (`POST /api/trpc/members.changeRole`) through the demo's
 * production server on PostgreSQL, spread over many organizations (40 of 25 members, each
 * owner signed in by a seeded database session), through 1 and then 2 instances of the demo
 * on one database, against the same load on one hot organization. Prints req/s, p50/p99,
 * non-2xx, where the CPU went (/proc deltas: the servers, this database's PostgreSQL
 * backends, other PostgreSQL processes, the load generator, the rest of the machine) and
 * what this database's backends were doing (pg_stat_activity sampled every 100 ms: running,
 * waiting on a lock, idle in a transaction while Node works). Measures only; asserts nothing.
 *
 *   cd bench && npx tsx src/scale-out.ts [--seconds 8] [--rounds 2] [--no-vacuum]
 */
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { organizationNameKey } from "@orgkit/core/policy";
import { POSTGRES_URL } from "@orgkit/core/testing";
import autocannon from "autocannon";
import postgres from "postgres";
import {
  CLOCK_TICKS,
  type DemoServer,
  loadAverage,
  machineTicks,
  processTree,
  readStat,
  SESSION_COOKIE,
  sleep,
  startDemo,
  trpcData,
} from "./demo-server";

const ORGANIZATIONS = 40;
const SIZE = 25;
const PORTS = [3411, 3412] as const;

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number`);
  return value;
};
const seconds = argument("seconds", 8);
const rounds = argument("rounds", 2);
/**
 * Each role change leaves dead row versions in members and event_deliveries (and the queue's
 * claim scans them) until a vacuum (autovacuum visits once a minute at best, and is off on some
 * servers: the header prints the setting): by default each case starts from a vacuumed
 * database, so the cases compare; `--no-vacuum` lets them accumulate.
 */
const vacuum = !process.argv.includes("--no-vacuum");

type Organization = { cookie: string; memberIds: string[]; changes: number };

/**
 * The next (owner cookie, member, role) over the given organizations, round robin. Each
 * organization walks its 24 non-owner members in turn; a member's role alternates between
 * VIEWER and USER on each pass (all start as USER), so no change repeats.
 */
function rotation(organizations: Organization[]) {
  let turn = 0;
  return () => {
    const organization = organizations[turn % organizations.length] as Organization;
    turn += 1;
    const k = organization.changes;
    organization.changes += 1;
    const memberId = organization.memberIds[k % organization.memberIds.length] as string;
    const role = Math.floor(k / organization.memberIds.length) % 2 === 0 ? "VIEWER" : "USER";
    return { cookie: organization.cookie, body: JSON.stringify({ json: { memberId, role } }) };
  };
}

type Target = { server: DemoServer; connections: number };

function roleChanges(target: Target, next: () => { cookie: string; body: string }, time: number) {
  return autocannon({
    url: `${target.server.base}/api/trpc/members.changeRole`,
    method: "POST",
    connections: target.connections,
    duration: time,
    headers: { "content-type": "application/json", origin: target.server.base },
    requests: [
      {
        setupRequest: (request) => {
          const { cookie, body } = next();
          return { ...request, headers: { ...request.headers, cookie }, body };
        },
      },
    ],
  });
}

type CpuSnapshot = {
  at: number;
  machine: { busy: number; total: number };
  servers: Map<number, number>;
  postgres: Map<number, number>;
  self: NodeJS.CpuUsage;
};

function cpuSnapshot(servers: DemoServer[]): CpuSnapshot {
  const serverTicks = new Map<number, number>();
  for (const server of servers)
    for (const pid of processTree(server.pid)) serverTicks.set(pid, readStat(pid)?.ticks ?? 0);
  const postgresTicks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.comm === "postgres") postgresTicks.set(Number(entry), stat.ticks);
  }
  return {
    at: performance.now(),
    machine: machineTicks(),
    servers: serverTicks,
    postgres: postgresTicks,
    self: process.cpuUsage(),
  };
}

/** CPU between two snapshots, in % of one core (the machine has `cores` of them). */
function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, ours: Set<number>) {
  const wall = (after.at - before.at) / 1000;
  const pct = (ticks: number) => (100 * ticks) / CLOCK_TICKS / wall;
  const delta = (a: Map<number, number>, b: Map<number, number>, keep: (pid: number) => boolean) =>
    [...b].reduce((sum, [pid, t]) => (keep(pid) ? sum + t - (a.get(pid) ?? 0) : sum), 0);
  const machineTotal = after.machine.total - before.machine.total;
  const cores = machineTotal / CLOCK_TICKS / wall;
  const busy = (100 * cores * (after.machine.busy - before.machine.busy)) / machineTotal;
  const servers = pct(delta(before.servers, after.servers, () => true));
  const backends = pct(delta(before.postgres, after.postgres, (pid) => ours.has(pid)));
  const otherPostgres = pct(delta(before.postgres, after.postgres, (pid) => !ours.has(pid)));
  const self =
    (after.self.user + after.self.system - before.self.user - before.self.system) / 1e4 / wall;
  return {
    cores: Math.round(cores),
    busy,
    servers,
    backends,
    otherPostgres,
    self,
    rest: busy - servers - backends - otherPostgres - self,
  };
}

type Tally = Map<string, number>;
const bump = (tally: Tally, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/**
 * Samples what this database's client backends do, every 100 ms, until stopped: running
 * (active, no wait: on a CPU or queued for one), waiting on a lock, in another wait (IO such
 * as the WAL flush at commit, LWLock…), idle in transaction (PostgreSQL waits for Node), idle.
 */
function sampleBackends(admin: postgres.Sql, database: string) {
  const pids = new Set<number>();
  const totals = { running: 0, lock: 0, otherWait: 0, client: 0, idle: 0 };
  const waits: Tally = new Map();
  const statements: Tally = new Map();
  let samples = 0;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const rows = await admin<
        {
          pid: number;
          state: string | null;
          wait_event_type: string | null;
          wait_event: string | null;
          query: string;
        }[]
      >`select pid, state, wait_event_type, wait_event, left(query, 200) as query from pg_stat_activity
        where datname = ${database} and backend_type = 'client backend'`;
      samples += 1;
      for (const row of rows) {
        pids.add(row.pid);
        const active = row.state === "active";
        // Waiting for Node: idle in a transaction, or mid-statement reading the next message.
        if (row.state?.startsWith("idle in transaction")) totals.client += 1;
        else if (active && row.wait_event_type === "Client") totals.client += 1;
        else if (active && row.wait_event_type === "Lock") totals.lock += 1;
        else if (active && row.wait_event_type) totals.otherWait += 1;
        else if (active) totals.running += 1;
        else totals.idle += 1;
        if (active) {
          bump(waits, `${row.wait_event_type ?? "CPU"}:${row.wait_event ?? "-"}`);
          if (!row.wait_event_type) bump(statements, row.query.replace(/\s+/g, " ").slice(0, 70));
        }
      }
    } finally {
      busy = false;
    }
  }, 100);
  return {
    pids,
    async stop() {
      clearInterval(timer);
      while (busy) await sleep(10);
      const mean = (n: number) => (samples ? n / samples : 0);
      const top = (tally: Tally, n: number) =>
        [...tally]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, v]) => `${mean(v).toFixed(2)} ${k}`);
      return {
        samples,
        running: mean(totals.running),
        lock: mean(totals.lock),
        otherWait: mean(totals.otherWait),
        client: mean(totals.client),
        idle: mean(totals.idle),
        waits: top(waits, 4),
        statements: top(statements, 4),
      };
    },
  };
}

/** Row versions of the tables a role change writes, after a case. */
async function tableStats(db: postgres.Sql) {
  const rows = await db<
    { relname: string; live: number; dead: number; hot: number; upd: number; vacuums: number }[]
  >`select relname, n_live_tup::int as live, n_dead_tup::int as dead, n_tup_hot_upd::int as hot,
      n_tup_upd::int as upd, (autovacuum_count + vacuum_count)::int as vacuums
    from pg_stat_user_tables
    where relname in ('members', 'organizations', 'event_deliveries', 'email_outbox', 'sessions')
    order by relname`;
  const [pending] = await db<{ n: number }[]>`
    select count(*)::int as n from event_deliveries where status = 'PENDING'`;
  return `${rows
    .map(
      (r) =>
        `${r.relname} live ${r.live} dead ${r.dead} upd ${r.upd} (HOT ${r.hot}) vacuums ${r.vacuums}`,
    )
    .join("; ")}; event deliveries pending ${pending?.n}`;
}

type Row = { label: string; cells: string[]; details: string[] };
const rows: Row[] = [];

async function measure(
  label: string,
  targets: Target[],
  next: () => { cookie: string; body: string },
  context: { admin: postgres.Sql; db: postgres.Sql; database: string; servers: DemoServer[] },
) {
  if (vacuum)
    await context.db.unsafe(
      "vacuum (analyze) members, event_deliveries, email_outbox, audit_events, organizations",
    );
  const sampler = sampleBackends(context.admin, context.database);
  const before = cpuSnapshot(context.servers);
  const load1 = loadAverage();
  const results = await Promise.all(targets.map((t) => roleChanges(t, next, seconds)));
  const after = cpuSnapshot(context.servers);
  const backends = await sampler.stop();
  const cpu = cpuBetween(before, after, sampler.pids);
  const load2 = loadAverage();
  const f0 = (n: number) => n.toFixed(0);
  const total = results.reduce((sum, r) => sum + r.requests.average, 0);
  const bad = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
  const latency = results.map((r) => `${r.latency.p50}/${r.latency.p99}`).join(" + ");
  // CPU milliseconds per request: % of one core × 10 / (req/s).
  const perRequest = (pct: number) => (total > 0 ? ((pct * 10) / total).toFixed(1) : "-");
  rows.push({
    label,
    cells: [
      total.toFixed(0),
      latency,
      String(bad),
      `${f0(cpu.busy)}/${cpu.cores * 100}`,
      f0(cpu.servers),
      f0(cpu.backends),
      f0(cpu.otherPostgres),
      f0(cpu.self),
      f0(cpu.rest),
      `${perRequest(cpu.servers)} / ${perRequest(cpu.backends)}`,
      [backends.running, backends.lock, backends.otherWait, backends.client, backends.idle]
        .map((n) => n.toFixed(1))
        .join("/"),
      `${load1.split(" ")[0]}→${load2.split(" ")[0]}`,
    ],
    details: [
      `active backends by wait (mean count): ${backends.waits.join(", ") || "-"}`,
      `running backends by statement (mean count): ${backends.statements.join(" | ") || "-"}`,
      `after: ${await tableStats(context.db)}`,
    ],
  });
  console.info(`  ${label}: ${total.toFixed(0)} req/s (load ${load2})`);
}

function printTable() {
  const header = [
    "case",
    "req/s",
    "p50/p99 ms",
    "non-2xx",
    "machine busy %",
    "servers %",
    "pg backends %",
    "pg other %",
    "load gen %",
    "rest %",
    "CPU ms/req node / pg",
    "backends run/lock/io/node/idle",
    "load 1m",
  ];
  const table = [header, ...rows.map((r) => [r.label, ...r.cells])];
  const widths = header.map((_, k) => Math.max(...table.map((line) => (line[k] ?? "").length)));
  for (const [n, line] of table.entries()) {
    console.info(line.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join(" | "));
    if (n === 0) console.info(widths.map((w) => "-".repeat(w)).join("-|-"));
  }
  for (const row of rows) {
    console.info(`\n${row.label}`);
    for (const line of row.details) console.info(`  ${line}`);
  }
}

async function seed(db: postgres.Sql): Promise<Organization[]> {
  const organizations = Array.from({ length: ORGANIZATIONS }, (_, o) => ({
    id: `so-org-${o}`,
    name: `Scale ${o}`,
    name_key: organizationNameKey(`Scale ${o}`),
  }));
  await db`insert into organizations ${db(organizations, "id", "name", "name_key")}`;
  await db`insert into users (id, email, name, created_at)
    select 'so-u-' || o || '-' || m, 'so' || o || '-' || m || '@bench.test', 'so' || o || '-' || m, now()
    from generate_series(0, ${ORGANIZATIONS - 1}::int) o, generate_series(1, ${SIZE}::int) m`;
  await db`insert into members (id, organization_id, user_id, username, role, status, created_at, updated_at)
    select 'so-m-' || o || '-' || m, 'so-org-' || o, 'so-u-' || o || '-' || m, 'member' || lpad(m::text, 3, '0'),
      case when m = 1 then 'OWNER' else 'USER' end, 'ACTIVE', now(), now()
    from generate_series(0, ${ORGANIZATIONS - 1}::int) o, generate_series(1, ${SIZE}::int) m`;
  // 30 days ahead, as Auth.js gives a fresh sign-in: with less than maxAge - updateAge
  // (29 days) left, Auth.js would also UPDATE the session's expiry on every request.
  const expires = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  const sessions = organizations.map((_, o) => ({
    session_token: randomBytes(32).toString("hex"),
    user_id: `so-u-${o}-1`,
    expires,
  }));
  await db`insert into sessions ${db(sessions, "session_token", "user_id", "expires")}`;
  await db`analyze`;
  return sessions.map((s, o) => ({
    cookie: `${SESSION_COOKIE}=${s.session_token}`,
    memberIds: Array.from({ length: SIZE - 1 }, (_, k) => `so-m-${o}-${k + 2}`),
    changes: 0,
  }));
}

async function main() {
  console.info(
    `scale-out: role changes over ${ORGANIZATIONS} organizations of ${SIZE} members; ${rounds} round(s) of ${seconds} s per case, ${vacuum ? "VACUUM before each case" : "no VACUUM"}; load ${loadAverage()}`,
  );
  const name = `orgkit_bench_scale_${randomBytes(4).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 2, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const settings = await admin<{ name: string; setting: string }[]>`
    select name, setting from pg_settings
    where name in ('autovacuum', 'synchronous_commit', 'shared_buffers', 'max_connections')
    order by name`;
  console.info(`  PostgreSQL: ${settings.map((r) => `${r.name}=${r.setting}`).join(", ")}`);
  const servers: DemoServer[] = [];
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    // The first instance migrates the database and seeds Acme; the SQL seed comes after.
    servers.push(await startDemo(PORTS[0], url.toString()));
    const organizations = await seed(db);
    servers.push(await startDemo(PORTS[1], url.toString()));
    const [a, b] = servers as [DemoServer, DemoServer];
    console.info(
      `  two instances up (pids ${a.pid}, ${b.pid}), ${ORGANIZATIONS} organizations seeded`,
    );

    // Check: the seeded session token is a working session cookie on both instances, and a
    // request leaves the session row alone (no per-request write from Auth.js).
    const first = organizations[0] as Organization;
    const list = encodeURIComponent(JSON.stringify({ json: { limit: 50 } }));
    for (const server of servers) {
      const page = await trpcData<{ items: unknown[]; total: number | null }>(
        await fetch(`${server.base}/api/trpc/members.list?input=${list}`, {
          headers: { cookie: first.cookie },
        }),
      );
      console.info(
        `  check ${server.base}: members.list with the seeded cookie → ${page.items.length} items, total ${page.total}`,
      );
    }
    const [expiry] = await db<
      { expires: Date }[]
    >`select expires from sessions where user_id = 'so-u-0-1'`;
    console.info(`  check: session 0 still expires ${expiry?.expires.toISOString()} (as seeded)`);

    const spread = rotation(organizations);
    const hot = rotation([first]);
    const one = (server: DemoServer): Target[] => [{ server, connections: 10 }];
    const two: Target[] = [
      { server: a, connections: 5 },
      { server: b, connections: 5 },
    ];
    // Warm-up: JIT, the pools' connections, both instances.
    await Promise.all([
      roleChanges(one(a)[0] as Target, spread, 2),
      roleChanges(one(b)[0] as Target, spread, 2),
    ]);
    console.info(`  warmed up; measuring (load ${loadAverage()})`);
    const context = { admin, db, database: name, servers };
    console.info(`  before: ${await tableStats(db)}`);
    for (let round = 1; round <= rounds; round += 1) {
      await measure(`r${round} many orgs, 1 instance, 10 conn`, one(a), spread, context);
      await measure(`r${round} many orgs, 2 instances, 5+5 conn`, two, spread, context);
      await measure(`r${round} one hot org, 1 instance, 10 conn`, one(a), hot, context);
      await measure(`r${round} one hot org, 2 instances, 5+5 conn`, two, hot, context);
    }
    const [changed] = await db<
      { n: number }[]
    >`select count(*)::int as n from audit_events where action = 'member.role_changed'`;
    console.info(`  role changes recorded in the audit log: ${changed?.n}`);
    // The event deliveries the after() drains left behind: does the queue catch up when idle?
    const pendingAt: string[] = [];
    for (let second = 0; second <= 40; second += 5) {
      const [left] = await db<{ n: number }[]>`
        select count(*)::int as n from event_deliveries where status = 'PENDING'`;
      pendingAt.push(`${second} s: ${left?.n}`);
      if (!left?.n || second === 40) break;
      await sleep(5000);
    }
    console.info(`  event deliveries pending after the load stopped: ${pendingAt.join(", ")}`);
  } finally {
    await db.end();
    await Promise.all(servers.map((s) => s.stop()));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  console.info("");
  printTable();
  console.info(`
req/s: sum over the autocannon instances; p50/p99 per instance (ms). CPU in % of one core over
the run (${CLOCK_TICKS} ticks/s): machine busy / capacity, the demo servers (all instances), this
database's backends, other postgres processes (WAL writer, other databases), this process
(autocannon), rest = other work on the machine. Backends: mean number of this database's client
backends running (on a CPU or queued for one) / waiting on a lock / in an IO or LWLock wait (WAL
flush…) / waiting for Node (idle in transaction, or ClientRead mid-statement) / idle. CPU ms/req:
the servers' and the backends' CPU time per role change. Per case below: the active backends'
wait events (Lock:tuple and Lock:transactionid are waits for the organization row; CPU:- is
running), the running backends' statements, and the written tables' row versions after the
case. ${vacuum ? "Before each case (untimed): VACUUM of the tables a role change writes." : "No VACUUM between cases (--no-vacuum): dead row versions accumulate across cases."}
load ${loadAverage()}`);
}

await main();
