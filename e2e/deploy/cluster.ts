import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort, POSTGRES_URL, type Pooler, startPgBouncer } from "@orgkit/core/testing";
import postgres from "postgres";
import { startFlakyProvider } from "./flaky-provider";

const demo = path.join(import.meta.dirname, "..", "..", "apps", "demo");

export type Instance = { url: string; process: ChildProcess; log: () => string };

/**
 * A deployment as its users run it: an empty PostgreSQL database behind PgBouncer in
 * transaction mode, an email provider that fails half the time, and `count` production
 * servers of the demo (`next start`) started at the same moment, all sharing one public URL
 * (the first instance's, standing for the load balancer's) and one secret.
 */
export async function startCluster(count: number) {
  const databaseName = `orgkit_deploy_${randomBytes(4).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${databaseName}"`);
  const dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
    await admin.end();
  };
  const pooler: Pooler = await startPgBouncer({ poolSize: 6 }).catch(async (error) => {
    await dropDatabase();
    throw error;
  });
  const provider = await startFlakyProvider();
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const appUrl = `http://localhost:${ports[0]}`;
  const cronSecret = randomBytes(24).toString("base64url");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: `${pooler.url(databaseName)}?pgbouncer=true`,
    RESEND_API_KEY: "re_deploy_suite",
    RESEND_BASE_URL: provider.url,
    EMAIL_FROM: "orgkit <no-reply@orgkit.test>",
    CRON_SECRET: cronSecret,
    ORGKIT_EMAIL_BACKOFF_MS: "200",
    ORGKIT_DEV_TOOLS: "",
  };
  const instances: Instance[] = ports.map((port) => {
    let output = "";
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: demo,
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    return { url: `http://localhost:${port}`, process: child, log: () => output };
  });
  await Promise.all(instances.map(waitUntilListening)).catch(async (error) => {
    await Promise.all(instances.map(({ process: child }) => stopProcess(child)));
    await provider.close();
    await pooler.stop();
    await dropDatabase();
    throw error;
  });
  const db = postgres(POSTGRES_URL.replace(/\/[^/]*$/, `/${databaseName}`), {
    max: 2,
    onnotice: () => {},
  });
  return {
    appUrl,
    instances,
    provider,
    db,
    /** Sweeps the outbox through one instance's cron route, as a scheduler would. */
    async sweep(instance: string) {
      const response = await fetch(new URL("/api/orgkit/cron", instance), {
        headers: { authorization: `Bearer ${cronSecret}` },
      });
      if (!response.ok) throw new Error(`cron answered ${response.status}`);
      return (await response.json()) as { sent: number; retrying: number; dead: number };
    },
    async stop() {
      await Promise.all(instances.map(({ process: child }) => stopProcess(child)));
      await db.end();
      await provider.close();
      await pooler.stop();
      await dropDatabase();
    },
  };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

async function waitUntilListening(instance: Instance) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (instance.process.exitCode !== null) {
      throw new Error(`${instance.url} exited:\n${instance.log()}`);
    }
    // Health opens and migrates the database (the request's context does): the three
    // instances migrate at the same moment. A 5xx here is a failed start, not "not yet".
    const status = await fetch(new URL("/api/trpc/health", instance.url)).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (status >= 500) throw new Error(`${instance.url} answered ${status}:\n${instance.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${instance.url} did not start:\n${instance.log()}`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}
