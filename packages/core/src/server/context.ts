import type { Db } from "./db";

/** What every service function needs: the database, the time and the server secret. */
export type OrgkitContext = {
  readonly db: Db;
  /** Injectable clock, so expiry rules can be tested. */
  readonly now: () => Date;
  /** Seals link tokens inside queued emails; at least 32 characters. */
  readonly secret: string;
};

/**
 * @example
 * const ctx = createContext({ db: database.db, secret: process.env.AUTH_SECRET! });
 */
export function createContext(options: {
  db: Db;
  secret: string;
  now?: () => Date;
}): OrgkitContext {
  if (options.secret.length < 32)
    throw new Error("orgkit: the secret needs at least 32 characters");
  return { db: options.db, secret: options.secret, now: options.now ?? (() => new Date()) };
}
