import { type AuditEntry, auditRows } from "./audit-log";
import type { Tx } from "./db";
import { type OutboxEntry, outboxRows } from "./outbox";
import { auditEvents, emailOutbox } from "./schema";

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
