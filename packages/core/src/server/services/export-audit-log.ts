import { and, asc, eq, gt, gte, lt, lte, sql } from "drizzle-orm";
import Papa from "papaparse";
import { PolicyError } from "../../policy";
import type { OrgkitContext } from "../context";
import { auditEvents, members, users } from "../schema";
import { requireManager } from "./read-access";

export type AuditExportFormat = "csv" | "jsonl";

export type ExportAuditLogInput = {
  format: AuditExportFormat;
  /** Events at or after this instant. Default: the oldest kept. */
  from?: Date;
  /** Events before this instant. Default: now. */
  to?: Date;
};

/** The columns of an export, in order: the same names as a JSON Lines record's keys. */
export const AUDIT_EXPORT_COLUMNS = [
  "eventId",
  "occurredAt",
  "action",
  "actorUserId",
  "actorUsername",
  "actorEmail",
  "targetType",
  "targetId",
  "targetLabel",
  "before",
  "after",
  "actorIp",
  "actorUserAgent",
] as const;

const BATCH = 1_000;

/**
 * R32: the caller's organization's audit log from `from` to `to`, oldest first, as CSV (with a
 * header row; cells that a spreadsheet would run as a formula are escaped) or JSON Lines. It
 * streams: rows are read by keyset in batches of 1 000, so a log of 1,000,000 events never
 * sits in memory. Access is checked before the first chunk.
 *
 * @returns an async iterable of text chunks (each ends with a newline).
 * @throws OrgkitError ADMIN_ACCESS_REQUIRED for a non-manager; INPUT_INVALID when `from` is after `to`.
 * @example for await (const chunk of await exportAuditLog(ctx, userId, { format: "csv" })) out.write(chunk);
 */
const EARLIEST = new Date("1970-01-01T00:00:00Z");
const LATEST = new Date("9999-12-31T00:00:00Z");

export async function exportAuditLog(
  ctx: OrgkitContext,
  actorUserId: string,
  input: ExportAuditLogInput,
): Promise<AsyncIterable<string>> {
  const { organizationId } = await requireManager(ctx, actorUserId);
  if (input.from && input.to && input.from > input.to) throw new PolicyError("INPUT_INVALID");
  // Bounds past what PostgreSQL's timestamps hold (year 10000 is "+010000-…" in ISO) mean
  // "no bound": a far-future `to` is every event, never a failed query mid-download.
  for (const bound of [input.from, input.to]) {
    if (bound && Number.isNaN(bound.getTime())) throw new PolicyError("INPUT_INVALID");
  }
  input = {
    ...input,
    from: input.from && input.from > EARLIEST ? input.from : undefined,
    to: input.to && input.to < LATEST ? input.to : undefined,
  };
  // The export is the log as it stands now (later events wait for the next one), and the
  // export itself is an audited act: who took the log, in which form, for which days.
  const [last] = await ctx.db
    .select({ id: sql<number | null>`max(${auditEvents.id})` })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId));
  const upTo = Number(last?.id ?? 0);
  await ctx.db.insert(auditEvents).values({
    organizationId,
    actorUserId,
    action: "audit.exported",
    targetType: "organization",
    targetId: organizationId,
    targetLabel: "audit log",
    after: {
      format: input.format,
      from: input.from?.toISOString() ?? null,
      to: input.to?.toISOString() ?? null,
    },
    createdAt: ctx.now(),
  });
  return chunks(ctx, organizationId, input, upTo);
}

async function* chunks(
  ctx: OrgkitContext,
  organizationId: string,
  input: ExportAuditLogInput,
  upTo: number,
): AsyncIterable<string> {
  const actorUsername = sql<
    string | null
  >`(select actor.username from ${members} actor where actor.user_id = ${auditEvents.actorUserId} and actor.organization_id = ${auditEvents.organizationId} order by actor.created_at desc limit 1)`;
  let after = 0;
  let first = true;
  for (;;) {
    const rows = await ctx.db
      .select({
        id: auditEvents.id,
        eventId: auditEvents.eventId,
        occurredAt: auditEvents.createdAt,
        action: auditEvents.action,
        actorUserId: auditEvents.actorUserId,
        actorUsername,
        actorEmail: users.email,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        targetLabel: auditEvents.targetLabel,
        before: auditEvents.before,
        after: auditEvents.after,
        actorIp: auditEvents.actorIp,
        actorUserAgent: auditEvents.actorUserAgent,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(
        and(
          eq(auditEvents.organizationId, organizationId),
          gt(auditEvents.id, after),
          lte(auditEvents.id, upTo),
          input.from ? gte(auditEvents.createdAt, input.from) : undefined,
          input.to ? lt(auditEvents.createdAt, input.to) : undefined,
        ),
      )
      // (organization, id): the `audit_events_page` index's order, so each batch reads only its
      // own rows whatever the planner's statistics say.
      .orderBy(asc(auditEvents.organizationId), asc(auditEvents.id))
      .limit(BATCH);
    const records = rows.map(({ id: _id, occurredAt, ...row }) => ({
      ...row,
      occurredAt: occurredAt.toISOString(),
    }));
    if (input.format === "jsonl") {
      if (records.length) yield `${records.map((record) => JSON.stringify(record)).join("\n")}\n`;
    } else if (first || records.length) {
      const table = records.map((record) =>
        AUDIT_EXPORT_COLUMNS.map((column) => {
          const value = record[column];
          return value !== null && typeof value === "object"
            ? JSON.stringify(value)
            : (value ?? "");
        }),
      );
      const csv = Papa.unparse(
        { fields: [...AUDIT_EXPORT_COLUMNS], data: table },
        // Explicit: the library's default pattern misses a cell whose formula spans lines.
        { header: first, escapeFormulae: /^[=+\-@\t\r]/, newline: "\r\n" },
      );
      if (csv) yield `${csv}\r\n`;
    }
    first = false;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}
