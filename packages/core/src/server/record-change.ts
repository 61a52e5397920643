import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { type AuditEntry, auditRows } from "./audit-log";
import type { Tx } from "./db";
import { OUTBOX_COLUMNS, type OutboxEntry, type OutboxRow, outboxRows } from "./outbox";
import { placeholderRow, placeholderSet, reusable, reusableShapes } from "./reusable";
import { auditEvents, emailOutbox, members } from "./schema";

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

/** The `count` queued emails of a statement, as placeholders (`email0.to`, …). */
export const emailPlaceholders = (count: number) =>
  Array.from({ length: count }, (_, i) => placeholderRow(`email${i}.`, OUTBOX_COLUMNS));

/** The values of `emailPlaceholders(emails.length)` for these emails. */
export function emailValues(emails: readonly OutboxEntry[]) {
  const rows = outboxRows([...emails]);
  return Object.assign(
    {},
    ...emailPlaceholders(rows.length).map((email, i) => email.values(rows[i] as OutboxRow)),
  ) as Record<string, unknown>;
}

/** `recordChange`'s statement for a number of emails. */
const changeStatement = reusableShapes<number, unknown>((emails) => (db) => {
  const event = { ...auditPlaceholders.row, targetId: sql.placeholder("audit.targetId") };
  if (emails === 0) return db.insert(auditEvents).values(event);
  const appended = db
    .$with("appended")
    .as(db.insert(auditEvents).values(event).returning({ id: auditEvents.id }));
  return db
    .with(appended)
    .insert(emailOutbox)
    .values(emailPlaceholders(emails).map((email) => email.row));
});

/**
 * R32 + R38 in one statement: the audit event and the queued emails of a change, written
 * together in the change's transaction (a data-modifying CTE saves a round trip).
 */
export async function recordChange(
  tx: Tx,
  audit: AuditEntry,
  emails: OutboxEntry[],
): Promise<void> {
  const { targetId, ...rest } = audit;
  await changeStatement(emails.length)(tx, {
    ...auditValues(rest),
    "audit.targetId": targetId,
    ...emailValues(emails),
  });
}

type MemberColumn = keyof typeof members.$inferInsert;

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
    values: Required<Pick<typeof members.$inferInsert, K>>,
    audit: Omit<AuditEntry, "targetId">,
  ): Promise<void> => {
    await statement(tx, {
      memberId,
      ...written.values(values as Record<K, unknown>),
      ...auditValues(audit),
    });
  };
}
