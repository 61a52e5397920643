import type { Tx } from "./db";
import { COMMIT_BEHIND } from "./postgres";

/**
 * Sends a transaction's last statement with COMMIT right behind it, in one round trip. On
 * PostgreSQL through a pooler, and on PGlite, the COMMIT follows it as usual. The statement
 * must guard its write in SQL, so that a write it must not make fails and the COMMIT is
 * answered ROLLBACK: nothing may be written, checked or thrown after it.
 *
 * @param send issues exactly one statement of `tx`.
 * @returns what `send` returns.
 * @example await lastStatement(tx, () => setRole(tx, memberId, values, audit));
 */
export function lastStatement<T>(tx: Tx, send: () => Promise<T>): Promise<T> {
  const client = (tx._.session as unknown as { client?: Record<symbol, unknown> }).client;
  const commitBehindNext = client?.[COMMIT_BEHIND];
  if (typeof commitBehindNext === "function") commitBehindNext();
  return send();
}
