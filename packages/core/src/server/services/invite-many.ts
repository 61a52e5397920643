import { sql } from "drizzle-orm";
import {
  BULK_INVITE_MAX_ROWS,
  checkText,
  decideInvite,
  decideUserManagement,
  isReasonCode,
  normalizeEmail,
  normalizeUsername,
  PolicyError,
  type ReasonCode,
  type ReasonParams,
} from "../../policy";
import type { OrgkitContext } from "../context";
import type { Queryable, Tx } from "../db";
import { enforce } from "../guard";
import { isMalformedRow } from "../invitation-rows";
import { inviteConflicts } from "../invite-conflicts";
import { currentMembershipId } from "../membership";
import { inOrganization, type LockedOrganization } from "../organization-lock";
import { remainingInviteBudget } from "../rate-limit";
import { members } from "../schema";
import { inviteInOrganization, readInvite } from "./invite-user";

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

/**
 * Invites many people at once, each row exactly as a single invitation: the same policy
 * (R8–R10, OWNER refused, seats), the same text rules (R39) and the same rate limit (R37),
 * with duplicates inside the request refused like any taken email or username. Rows are
 * written in batches of `BULK_INVITE_BATCH_SIZE`, each one transaction under the
 * organization's lock; a row is sent whole (invitation, audit event, queued email) or not at
 * all. Rows past what the rate limit allows now are refused with BULK_RATE_LIMITED, which
 * says how many can be sent.
 *
 * With `check: true` nothing is written and no lock is taken: the facts every row needs
 * (the caller, the seats, the rate limit's budget, each row's conflicts) are read in one
 * snapshot, and each row is decided by the same policy (`decideInvite`) in request order,
 * counting the rows before it as sending would (their emails, usernames, seats and budget).
 *
 * @param input `{ rows, malformed?, check?, locale? }`: 1 to `BULK_INVITE_MAX_ROWS` rows; `role` is
 *   ADMIN, USER or VIEWER in any letter case; `malformed` lists rows refused as ROW_MALFORMED
 *   (from `parseInvitationRows`), as is any row with neither username nor role
 *   (`isMalformedRow`), checked or sent; `locale` is the language of every row's email (default
 *   English).
 * @returns each row's outcome, in request order, with the counts.
 * @throws PolicyError BULK_INVITE_ROWS for no rows or too many; the caller's own refusal
 *   (ADMIN_ACCESS_REQUIRED, ORGANIZATION_NOT_ACTIVE, …) before any row.
 * @example
 * const { rows } = await inviteMany(ctx, userId, { rows: [{ email: "ada@example.com", username: "ada", role: "user" }] });
 */
export async function inviteMany(
  ctx: OrgkitContext,
  actorUserId: string,
  input: {
    rows: readonly InvitationRow[];
    malformed?: readonly number[];
    check?: boolean;
    locale?: string;
  },
): Promise<BulkInviteResult> {
  const { rows } = input;
  const malformed = new Set([
    ...(input.malformed ?? []),
    ...rows.flatMap((row, index) => (isMalformedRow(row) ? [index] : [])),
  ]);
  if (rows.length === 0 || rows.length > BULK_INVITE_MAX_ROWS)
    throw new PolicyError("BULK_INVITE_ROWS", { params: { max: BULK_INVITE_MAX_ROWS } });
  if (input.check) return checkRows(ctx, actorUserId, rows, malformed);
  const results: InvitationRowResult[] = [];
  for (let start = 0; start < rows.length; start += BULK_INVITE_BATCH_SIZE) {
    const batch = rows.slice(start, start + BULK_INVITE_BATCH_SIZE);
    const batchResult = await inOrganization(ctx, actorUserId, (tx, organization) =>
      inviteRows(ctx, tx, organization, actorUserId, {
        rows: batch,
        offset: start,
        outcome: "sent",
        malformed,
        locale: input.locale,
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
    locale?: string | undefined;
  },
): Promise<BulkInviteResult> {
  const { rows, offset, outcome, malformed, locale } = batch;
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
    const input = { ...row, role: row.role.trim().toUpperCase(), locale };
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
  // Spent budgets refuse past the batch's budget first (BULK_RATE_LIMITED); this one would come
  // from the row's writes, which must then all roll back.
  "RATE_LIMITED",
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

/** What sending would do now, read in one snapshot and decided row by row; nothing is kept. */
function checkRows(
  ctx: OrgkitContext,
  actorUserId: string,
  rows: readonly InvitationRow[],
  malformed: ReadonlySet<number>,
): Promise<BulkInviteResult> {
  return ctx.db.transaction(async (tx) => {
    const [own] = await tx
      .select({ organizationId: members.organizationId })
      .from(members)
      .where(sql`${members.id} = ${currentMembershipId(actorUserId)}`);
    // The caller's facts as a single invitation reads them (no row in particular).
    const organizationId = own?.organizationId ?? "";
    const now = ctx.now();
    const caller = own ? await readInvite(tx, organizationId, actorUserId, "", "", now) : null;
    const actor = caller?.actor?.id ? caller.actor : null;
    const refusal = decideUserManagement(actor);
    if (!refusal.allowed) enforce(refusal);
    const candidates = rows.map((row, index) => ({
      index,
      email: normalizeEmail(row.email),
      username: normalizeUsername(row.username),
      role: row.role.trim().toUpperCase(),
      refusal: malformed.has(index) ? ("ROW_MALFORMED" as const) : textRefusal(row),
    }));
    // Only text the database may hold is looked up (a NUL is refused before any query).
    const readable = candidates.filter((row) => row.refusal === null);
    const conflicts = await readConflicts(tx, organizationId, readable, now);
    let available = await remainingInviteBudget(ctx, tx, actorUserId, organizationId);
    const budget = available;
    let used = caller?.seatsUsed ?? 0;
    const emails = new Set<string>();
    const usernames = new Set<string>();
    const results: InvitationRowResult[] = candidates.map((row) => {
      const { index } = row;
      if (row.refusal) return { index, outcome: "refused", reason: row.refusal };
      const found = conflicts.get(index);
      const decision = decideInvite({
        actor,
        email: row.email,
        username: row.username,
        role: row.role,
        seats: { used, limit: caller?.seatLimit ?? null },
        emailRegistered: found?.emailRegistered ?? false,
        emailInvited: (found?.emailInvited ?? false) || emails.has(row.email.toLowerCase()),
        usernameTaken: (found?.usernameTaken ?? false) || usernames.has(row.username.toLowerCase()),
      });
      if (!decision.allowed)
        return { index, outcome: "refused", reason: decision.reason, params: decision.params };
      if (available <= 0)
        return {
          index,
          outcome: "refused",
          reason: "BULK_RATE_LIMITED",
          params: { available: budget },
        };
      available -= 1;
      used += 1;
      emails.add(row.email.toLowerCase());
      usernames.add(row.username.toLowerCase());
      return { index, outcome: "ready", invitationId: null };
    });
    return summarize(results);
  });
}

/** Each row's R9–R10 conflicts with the organization as it stands, in one statement. */
async function readConflicts(
  tx: Queryable,
  organizationId: string,
  rows: readonly { index: number; email: string; username: string }[],
  now: Date,
) {
  if (rows.length === 0) return new Map<number, never>();
  const list = sql.join(
    rows.map((row) => sql`(${row.index}::int, ${row.email}::text, ${row.username}::text)`),
    sql`, `,
  );
  const found = await tx
    .select({
      index: sql<number>`candidate.index`,
      ...inviteConflicts({
        organizationId,
        email: sql`candidate.email`,
        username: sql`candidate.username`,
        now,
      }),
    })
    .from(sql`(values ${list}) as candidate(index, email, username)`);
  return new Map(found.map((row) => [Number(row.index), row]));
}
