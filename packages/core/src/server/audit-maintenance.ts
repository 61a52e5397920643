import { sql } from "drizzle-orm";
import type { Tx } from "./db";

/**
 * R32: opens one of the audit log's two doors (deleting for retention, rewriting personal
 * fields for erasure) for the calling transaction alone. The trigger looks for this
 * transaction's id in `audit_maintenance`; the row goes when the transaction ends.
 */
export async function openAuditDoor(tx: Tx, kind: "retention" | "erasure"): Promise<void> {
  await tx.execute(
    sql`insert into audit_maintenance (txid, kind) values (txid_current(), ${kind})`,
  );
}

/** Closes the door before COMMIT, so no row is left behind. */
export async function closeAuditDoor(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from audit_maintenance where txid = txid_current()`);
}
