import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, migrate, openDatabase } from "../server";

/** The server the tests create their own databases on. */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type Driver = "pglite" | "postgres";

export type TestDatabase = Database & {
  /** The PostgreSQL database's name (`undefined` on PGlite). */
  readonly name?: string;
  drop(): Promise<void>;
};

/** A migrated, empty database of its own: PGlite in memory, or a fresh PostgreSQL database. */
export async function createTestDatabase(
  driver: Driver,
  options: { maxConnections?: number; onQuery?: (sql: string) => void; prepare?: boolean } = {},
): Promise<TestDatabase> {
  if (driver === "pglite") {
    const database = await openDatabase({ onQuery: options.onQuery });
    await migrate(database);
    return { ...database, drop: () => database.close() };
  }
  const name = `orgkit_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), ...options });
  await migrate(database);
  return {
    ...database,
    name,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
