/**
 * Helpers shared by scale-out.ts and memory.ts: start the built demo (`node
 * scripts/start.mjs`) on a port, wait for it, sign in through the dev mailbox as a person
 * does (the same steps as http-bench.ts), and read a process tree's CPU time and resident
 * memory from /proc. Linux only; nothing here builds the demo.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.join(import.meta.dirname, "..", "..");
export const DEMO = path.join(ROOT, "apps", "demo");
export const SECRET = "bench-secret-bench-secret-bench-secret-0";
/** Auth.js's session cookie over plain http (database sessions: its value is the row's token). */
export const SESSION_COOKIE = "authjs.session-token";

export type DemoServer = {
  readonly base: string;
  readonly process: ChildProcess;
  readonly pid: number;
  stop(): Promise<void>;
};

/**
 * Starts the built demo on `port` with dev tools on and no email provider. `databaseUrl`
 * undefined: embedded PGlite in memory (`ORGKIT_DATA_DIR=memory://`).
 */
export async function startDemo(
  port: number,
  databaseUrl: string | undefined,
): Promise<DemoServer> {
  if (!existsSync(path.join(DEMO, ".next", "BUILD_ID"))) {
    throw new Error("the demo is not built (apps/demo/.next): build it first");
  }
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    APP_URL: base,
    RESEND_API_KEY: "",
    ORGKIT_DEV_TOOLS: "1",
    AUTH_SECRET: SECRET,
  };
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl;
  } else {
    delete env.DATABASE_URL;
    env.ORGKIT_DATA_DIR = "memory://";
  }
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: DEMO,
    env,
    stdio: "ignore",
  });
  const server: DemoServer = {
    base,
    process: child,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitFor(`${base}/api/trpc/health`, child);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitFor(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the demo exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error(`the demo did not answer at ${url}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Email sign-in as a person does it, through the dev mailbox; returns the cookie header. */
export async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [key, value] = (pair ?? "").split("=");
      if (key && value !== undefined) jar.set(key, value);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  keep(
    await fetch(`${base}/api/auth/signin/email`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/settings/organization" }),
    }),
  );
  const mails = (await (await fetch(`${base}/api/dev/mailbox?to=${email}`)).json()) as {
    text: string;
  }[];
  const link = /https?:\/\/\S+/.exec(mails[0]?.text ?? "")?.[0];
  if (!link) throw new Error("no sign-in link in the dev mailbox");
  const callback = link.replace("/signin/confirm", "/api/auth/callback/email");
  keep(await fetch(callback, { redirect: "manual", headers: { cookie: cookie() } }));
  if (!jar.has(SESSION_COOKIE)) throw new Error(`no ${SESSION_COOKIE} cookie after sign-in`);
  return cookie();
}

/** `data.json` of a tRPC answer (the demo's API uses the superjson-style `json` envelope). */
export async function trpcData<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

/** The pid and all its descendants, from /proc. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const children = parents.get(stat.ppid) ?? [];
    children.push(Number(entry));
    parents.set(stat.ppid, children);
  }
  const tree = [pid];
  for (let k = 0; k < tree.length; k += 1) tree.push(...(parents.get(tree[k] ?? -1) ?? []));
  return tree;
}

type Stat = { comm: string; ppid: number; ticks: number };

/** /proc/<pid>/stat: command name, parent, and user+system CPU time in clock ticks. */
export function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(")");
  const comm = text.slice(text.indexOf("(") + 1, close);
  // Fields after the command: state(3) ppid(4) … utime(14) stime(15).
  const rest = text.slice(close + 2).split(" ");
  return {
    comm,
    ppid: Number(rest[1]),
    ticks: Number(rest[11]) + Number(rest[12]),
  };
}

export const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** Machine-wide busy and total jiffies from /proc/stat's first line. */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, v) => sum + v, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** VmRSS and VmHWM (peak) of one process, in MiB. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

/** Summed VmRSS of a process and its descendants, in MiB. */
export function treeRss(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      return sum + memoryOf(p).rss;
    } catch {
      return sum;
    }
  }, 0);
}

export const loadAverage = () =>
  readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
