/**
 * `orgkit migrate`: brings the database in `DATABASE_URL` (or the embedded one in
 * `ORGKIT_DATA_DIR`) up to orgkit's schema, for a deploy pipeline. Safe beside running
 * instances and other migrators: `migrate` serializes on an advisory lock.
 *
 * @returns the process exit code: 0 when the schema is current.
 * @example
 * DATABASE_URL=postgres://… npx orgkit migrate
 */
export async function runMigrate(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.info,
): Promise<number> {
  const { migrate, openDatabase } = await import("@orgkit/core/server");
  const url = env.DATABASE_URL || undefined;
  const database = await openDatabase({ url, dataDir: env.ORGKIT_DATA_DIR ?? ".data/orgkit" });
  try {
    const { applied } = await migrate(database);
    log(
      applied === 0
        ? "orgkit: the database is up to date"
        : `orgkit: applied ${applied} migration(s)`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
