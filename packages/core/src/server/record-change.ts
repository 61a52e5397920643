import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { type AuditEntry, auditRows } from "./audit-log";
import type { Tx } from "./db";
import { type OutboxEntry, outboxRows } from "./outbox";
import { placeholderRow, placeholderSet, reusable } from "./reusable";
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

type MemberColumn = keyof typeof members.$inferInsert;

/** An audit event's columns as placeholders (all but `target_id`), for `reusable` statements. */
export const auditPlaceholders = placeholderRow("audit.", [
  "organizationId",
  "actorUserId",
  "action",
  "targetType",
  "targetLabel",
  "before",
  "after",
  "createdAt",
]);

/** An audit entry's values for `auditPlaceholders`. */
export function auditValues(audit: Omit<AuditEntry, "targetId">) {
  const [row] = auditRows({ ...audit, targetId: "" });
  if (!row) throw new Error("orgkit: no audit row");
  return auditPlaceholders.values(row);
}

/**
 * A member's UPDATE and its audit event in one statement, built once per process (`reusable`):
 * the event names the updated row through the CTE, so an update that matched nothing fails the
 * NOT NULL of `target_id` and the transaction rolls back instead of recording a change that did
 * not happen.
 *
 * @param where The update's condition, given the member id as a placeholder.
 * @param columns The member columns the update writes; each call gives their values.
 * @returns `(tx, memberId, values, audit) => Promise<void>`.
 * @example
 * const setRole = memberUpdateWithAudit((id) => eq(members.id, id), ["role", "updatedAt"]);
 * await setRole(tx, memberId, { role: "ADMIN", updatedAt: now }, audit);
 */
export function memberUpdateWithAudit<K extends MemberColumn>(
  where: (memberId: Placeholder) => SQL | undefined,
  columns: readonly K[],
) {
  const written = placeholderRow("", columns);
  const statement = reusable<unknown>((db) => {
    const changed = db.$with("changed").as(
      db
        .update(members)
        .set(placeholderSet(members, written.row))
        .where(where(sql.placeholder("memberId")))
        .returning({ id: members.id }),
    );
    return db
      .with(changed)
      .insert(auditEvents)
      .values({
        ...auditPlaceholders.row,
        targetId: sql`(select ${changed.id} from ${changed})`,
      });
  });
  return async (
    tx: Tx,
    memberId: string,
    values: Pick<typeof members.$inferInsert, K>,
    audit: Omit<AuditEntry, "targetId">,
  ): Promise<void> => {
    await statement(tx, {
      memberId,
      ...written.values(values as Record<K, unknown>),
      ...auditValues(audit),
    });
  };
}
