import {
  BULK_INVITE_MAX_ROWS,
  checkText,
  isReasonCode,
  PolicyError,
  type ReasonCode,
  type ReasonParams,
} from "../../policy";
import type { OrgkitContext } from "../context";
import type { Tx } from "../db";
import { inOrganization, type LockedOrganization } from "../organization-lock";
import { remainingInviteBudget } from "../rate-limit";
import { inviteInOrganization } from "./invite-user";

/** Rows written per transaction: each batch holds the organization's lock this long. */
export const BULK_INVITE_BATCH_SIZE = 50;

/** One row of a bulk invitation, as typed or read from a CSV file. */
export type InvitationRow = { email: string; username: string; role: string };

/** What became of one row: `ready` (a check), `sent`, or `refused` with the guide's reason. */
export type InvitationRowResult = {
  /** The row's position in the request, from 0. */
  index: number;
} & (
  | { outcome: "ready" | "sent"; invitationId: string | null }
  | { outcome: "refused"; reason: ReasonCode; params?: ReasonParams }
);

export type BulkInviteResult = {
  rows: InvitationRowResult[];
  /** Rows sent (or, for a check, that would be sent). */
  accepted: number;
  refused: number;
};

/** Thrown to roll a check back: nothing a check did may stay. */
class CheckOnly extends Error {
  constructor(readonly result: BulkInviteResult) {
    super("orgkit: a check rolls back");
  }
}

/**
 * Invites many people at once, each row exactly as a single invitation: the same policy
 * (R8–R10, OWNER refused, seats), the same text rules (R39) and the same rate limit (R37),
 * with duplicates inside the request refused like any taken email or username. Rows are
 * written in batches of `BULK_INVITE_BATCH_SIZE`, each one transaction under the
 * organization's lock; a row is sent whole (invitation, audit event, queued email) or not at
 * all. Rows past what the rate limit allows now are refused with BULK_RATE_LIMITED, which
 * says how many can be sent.
 *
 * With `check: true` nothing is kept: the same code runs in one transaction that is rolled
 * back, so a preview says exactly what sending would do at that moment.
 *
 * @param input `{ rows, malformed?, check? }`: 1 to `BULK_INVITE_MAX_ROWS` rows; `role` is
 *   ADMIN, USER or VIEWER in any letter case; `malformed` lists rows refused as ROW_MALFORMED
 *   (from `parseInvitationRows`).
 * @returns each row's outcome, in request order, with the counts.
 * @throws PolicyError BULK_INVITE_ROWS for no rows or too many; the caller's own refusal
 *   (ADMIN_ACCESS_REQUIRED, ORGANIZATION_NOT_ACTIVE, …) before any row.
 * @example
 * const { rows } = await inviteMany(ctx, userId, { rows: [{ email: "ada@example.com", username: "ada", role: "user" }] });
 */
export async function inviteMany(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { rows: readonly InvitationRow[]; malformed?: readonly number[]; check?: boolean },
): Promise<BulkInviteResult> {
  const { rows } = input;
  const malformed = new Set(input.malformed);
  if (rows.length === 0 || rows.length > BULK_INVITE_MAX_ROWS)
    throw new PolicyError("BULK_INVITE_ROWS", { params: { max: BULK_INVITE_MAX_ROWS } });
  if (input.check) {
    try {
      await inOrganization(ctx, actorUserId, async (tx, organization) => {
        const batch = { rows, offset: 0, outcome: "ready" as const, malformed };
        throw new CheckOnly(await inviteRows(ctx, tx, organization, actorUserId, batch));
      });
    } catch (error) {
      if (error instanceof CheckOnly) return error.result;
      throw error;
    }
    throw new Error("orgkit: unreachable, a check always rolls back");
  }
  const results: InvitationRowResult[] = [];
  for (let start = 0; start < rows.length; start += BULK_INVITE_BATCH_SIZE) {
    const batch = rows.slice(start, start + BULK_INVITE_BATCH_SIZE);
    const batchResult = await inOrganization(ctx, actorUserId, (tx, organization) =>
      inviteRows(ctx, tx, organization, actorUserId, {
        rows: batch,
        offset: start,
        outcome: "sent",
        malformed,
      }),
    );
    results.push(...batchResult.rows);
  }
  return summarize(results);
}

/** Inside a transaction holding the organization's lock: each row's own decision and writes. */
async function inviteRows(
  ctx: OrgkitContext,
  tx: Tx,
  organization: LockedOrganization,
  actorUserId: string,
  batch: {
    rows: readonly InvitationRow[];
    offset: number;
    outcome: "ready" | "sent";
    malformed: ReadonlySet<number>;
  },
): Promise<BulkInviteResult> {
  const { rows, offset, outcome, malformed } = batch;
  const available = await remainingInviteBudget(ctx, tx, actorUserId, organization.id);
  const budget = { left: available, available };
  const results: InvitationRowResult[] = [];
  for (const [position, row] of rows.entries()) {
    const index = offset + position;
    const refusal = malformed.has(index) ? "ROW_MALFORMED" : textRefusal(row);
    if (refusal) {
      results.push({ index, outcome: "refused", reason: refusal });
      continue;
    }
    const input = { ...row, role: row.role.trim().toUpperCase() };
    try {
      const { invitationId } = await inviteInOrganization(
        ctx,
        tx,
        organization,
        actorUserId,
        input,
        budget,
      );
      results.push({ index, outcome, invitationId: outcome === "sent" ? invitationId : null });
    } catch (error) {
      // A refusal is decided before the row writes anything; any other error aborts the batch.
      if (!(error instanceof PolicyError) || !isReasonCode(error.reason)) throw error;
      // The caller's own refusal (not an admin, organization gone) refuses every row.
      if (CALLER_REASONS.has(error.reason)) throw error;
      results.push({ index, outcome: "refused", reason: error.reason, params: error.params });
    }
  }
  return summarize(results);
}

/** Refusals about the caller rather than the row: the whole request is refused with them. */
const CALLER_REASONS = new Set<ReasonCode>([
  "ADMIN_ACCESS_REQUIRED",
  "ORGANIZATION_NOT_ACTIVE",
  "MEMBERSHIP_REMOVED",
  "MEMBERSHIP_LEFT",
  "ORGANIZATION_DELETED",
]);

/** R39: control characters, NUL included, and invisible direction marks refuse a row. */
function textRefusal(row: InvitationRow): ReasonCode | null {
  for (const value of [row.email, row.username, row.role]) {
    if (typeof value !== "string" || !checkText(value).allowed) return "TEXT_INVALID";
  }
  return null;
}

function summarize(rows: InvitationRowResult[]): BulkInviteResult {
  const refused = rows.filter((row) => row.outcome === "refused").length;
  return { rows, accepted: rows.length - refused, refused };
}
