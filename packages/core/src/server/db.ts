import { mkdirSync } from "node:fs";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { OrgkitConfigError } from "./config-error";
import { lockDataDir } from "./pglite-lock";
import { behindTransactionPooler, createPostgresClient, isPooledUrl } from "./postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both drivers: PGlite (embedded) and postgres-js (PostgreSQL). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a connection or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseOptions = {
  /** `postgres://…` selects PostgreSQL. Without it, orgkit runs on embedded PGlite. */
  url?: string | undefined;
  /**
   * PGlite's folder; `memory://` (the default) keeps nothing. One process at a time:
   * opening a folder another live process holds throws `DataDirLockedError`.
   */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. Default 10. */
  maxConnections?: number;
  /**
   * Whether statements are prepared (PostgreSQL only). Transaction-mode poolers without
   * prepared-statement support (PgBouncer before 1.21, Supabase's port 6543) need `false`.
   * Default: `false` when the URL says pooled (`?pgbouncer=true`, port 6543 or 6432, a `-pooler.`
   * host) or when opening finds a transaction-mode pooler behind it (`behindTransactionPooler`,
   * a few milliseconds, with a warning), else `true`. Either way a COMMIT that PostgreSQL did not apply throws
   * `TransactionRolledBackError` instead of reporting success.
   */
  prepare?: boolean;
  /**
   * Called for every statement sent: through the driver on PostgreSQL (BEGIN and COMMIT
   * included), through drizzle on PGlite (its BEGIN and COMMIT are not seen). For benchmarks.
   */
  onQuery?: (sql: string) => void;
};

export type Database = {
  readonly db: Db;
  readonly driver: "pglite" | "postgres";
  close(): Promise<void>;
};

/**
 * Opens the database orgkit runs on.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: ".data/orgkit" });
 * await migrate(database);
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const { client, forDrizzle } = createPostgresClient({
      url: options.url,
      max: options.maxConnections ?? 10,
      prepare: options.prepare ?? !(await pooled(options.url)),
      onQuery: options.onQuery,
    });
    return {
      db: drizzlePostgres(forDrizzle, { schema }),
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  const { PGlite, drizzlePglite } = await importPglite();
  let release = () => {};
  if (!dataDir.startsWith("memory://")) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const client = await PGlite.create(dataDir).catch((error) => {
    release();
    throw error;
  });
  const onQuery = options.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : false;
  return {
    db: drizzlePglite(client, { schema, logger }),
    driver: "pglite",
    close: () => client.close().finally(release),
  };
}

/** The URL says pooled, or a try finds a transaction-mode pooler behind it (said once). */
async function pooled(url: string): Promise<boolean> {
  if (isPooledUrl(url)) return true;
  if (!(await behindTransactionPooler(url))) return false;
  console.warn(
    "orgkit: the database URL leads through a transaction-mode pooler, so statements are " +
      "sent unprepared, one at a time. Add ?pgbouncer=true to the URL to say so and skip the check.",
  );
  return true;
}

/**
 * PGlite is an optional peer: a host's bundler must not try to resolve it (a host on
 * PostgreSQL has none), so Node resolves it at run time, only on this path.
 */
async function importPglite() {
  try {
    const { PGlite } = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ "@electric-sql/pglite"
    );
    const { drizzle: drizzlePglite } = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ "drizzle-orm/pglite"
    );
    return { PGlite, drizzlePglite };
  } catch (error) {
    throw new OrgkitConfigError(
      "no DATABASE_URL, and the embedded database needs the package @electric-sql/pglite: " +
        "install it, or set DATABASE_URL to a PostgreSQL server",
      { cause: error },
    );
  }
}
