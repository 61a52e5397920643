import type { AuditAction } from "../policy";
import type { Tx } from "./db";
import { auditEvents } from "./schema";

export type { AuditAction } from "../policy";

export type AuditEntry = {
  organizationId: string;
  actorUserId: string | null;
  action: AuditAction;
  targetType: "organization" | "member" | "invitation" | "ownership_transfer" | "event_delivery";
  targetId: string;
  targetLabel: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at: Date;
};

export function auditRows(entries: AuditEntry | AuditEntry[]) {
  return (Array.isArray(entries) ? entries : [entries]).map(({ at, ...entry }) => ({
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: at,
  }));
}

/** R32: written in the caller's transaction, so an event exists exactly when its change does. */
export async function appendAudit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  await tx.insert(auditEvents).values(auditRows(entries));
}
