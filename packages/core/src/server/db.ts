import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
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
  /** PGlite's folder; `memory://` (the default) keeps nothing. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. Default 10. */
  maxConnections?: number;
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
    const onQuery = options.onQuery;
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
    });
    return {
      db: drizzlePostgres(client, { schema }),
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const onQuery = options.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : false;
  return {
    db: drizzlePglite(client, { schema, logger }),
    driver: "pglite",
    close: () => client.close(),
  };
}
