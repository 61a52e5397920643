import { randomBytes } from "node:crypto";

/**
 * `orgkit prune-audit`: the audit log's retention job (`pruneAuditLog`), for a daily
 * scheduler: deletes each organization's events older than its retention period (default
 * 400 days), keeping those still owed to an event consumer, and records `audit.pruned`.
 *
 * @returns the process exit code: 0 when the job ran.
 * @example
 * DATABASE_URL=postgres://… npx orgkit prune-audit
 */
export async function runPruneAudit(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.info,
): Promise<number> {
  const { createContext, openDatabase, pruneAuditLog } = await import("@orgkit/core/server");
  const url = env.DATABASE_URL || undefined;
  const database = await openDatabase({ url, dataDir: env.ORGKIT_DATA_DIR ?? ".data/orgkit" });
  try {
    // Pruning opens no link token: any secret serves the context.
    const ctx = createContext({ db: database.db, secret: randomBytes(32).toString("base64url") });
    const { deleted } = await pruneAuditLog(ctx);
    log(`orgkit: deleted ${deleted} audit event(s) past their organization's retention period`);
    return 0;
  } finally {
    await database.close();
  }
}
