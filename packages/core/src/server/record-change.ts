import { type SQL, sql } from "drizzle-orm";
import { type AuditEntry, auditRows } from "./audit-log";
import type { Tx } from "./db";
import { type OutboxEntry, outboxRows } from "./outbox";
import { auditEvents, emailOutbox, members } from "./schema";

/**
 * R32 + R38 in one statement: the audit event and the queued emails of a change, written
 * together in the change's transaction (a data-modifying CTE saves a round trip).
 */
export async function recordChange(
  tx: Tx,
  audit: AuditEntry,
  emails: OutboxEntry[],
): Promise<void> {
  if (emails.length === 0) {
    await tx.insert(auditEvents).values(auditRows(audit));
    return;
  }
  const appended = tx
    .$with("appended")
    .as(tx.insert(auditEvents).values(auditRows(audit)).returning({ id: auditEvents.id }));
  await tx.with(appended).insert(emailOutbox).values(outboxRows(emails));
}

/**
 * A member's UPDATE and its audit event in one statement: the event names the updated row
 * through the CTE, so an update that matched nothing fails the NOT NULL of `target_id` and
 * the transaction rolls back instead of recording a change that did not happen.
 */
export async function updateMemberWithAudit(
  tx: Tx,
  where: SQL | undefined,
  values: Partial<typeof members.$inferInsert>,
  audit: Omit<AuditEntry, "targetId">,
): Promise<void> {
  const changed = tx
    .$with("changed")
    .as(tx.update(members).set(values).where(where).returning({ id: members.id }));
  const [row] = auditRows({ ...audit, targetId: "" });
  if (!row) throw new Error("orgkit: no audit row");
  await tx
    .with(changed)
    .insert(auditEvents)
    .values({ ...row, targetId: sql`(select ${changed.id} from ${changed})` });
}
