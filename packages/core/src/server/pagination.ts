import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { COUNT_CAP, checkText, type MemberStatus, PolicyError, type Role } from "../policy";
import { memberCounts } from "./schema";

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** What each part of a list's sort key is: text, a time in epoch ms, or a row number. */
export type CursorPart = "text" | "time" | "integer";

type Decoded<P extends readonly CursorPart[]> = {
  [K in keyof P]: P[K] extends "text" ? string : number;
};

/** Times PostgreSQL can store: years 1 to 9999, in epoch ms. */
const TIME_RANGE = [-62135596800000, 253402300799999] as const;

function isValidPart(kind: CursorPart, part: unknown): boolean {
  if (kind === "text")
    return typeof part === "string" && part.length <= 256 && checkText(part).allowed;
  if (typeof part !== "number" || !Number.isSafeInteger(part)) return false;
  if (kind === "integer") return part >= 0;
  return part >= TIME_RANGE[0] && part <= TIME_RANGE[1];
}

/**
 * Reads a cursor made by `encodeCursor` for a sort key of the given shape. A forged or damaged
 * cursor is a validation error before anything reaches SQL (R39).
 *
 * @throws PolicyError("INPUT_INVALID") when the cursor is not of that shape.
 * @example
 * const after = decodeCursor(input.cursor, ["text", "text"] as const); // [username, id] | null
 */
export function decodeCursor<const P extends readonly CursorPart[]>(
  cursor: string | undefined,
  shape: P,
): Decoded<P> | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new PolicyError("INPUT_INVALID");
  }
  if (
    Array.isArray(key) &&
    key.length === shape.length &&
    shape.every((kind, index) => isValidPart(kind, key[index]))
  ) {
    return key as Decoded<P>;
  }
  throw new PolicyError("INPUT_INVALID");
}

export const PAGE_SIZE = { default: 50, max: 100 } as const;

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? PAGE_SIZE.default), 1), PAGE_SIZE.max);
}

/** Escapes `%`, `_` and `\` so a search matches them literally in `LIKE`/`ILIKE`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The number of rows `matches` selects, counted up to `COUNT_CAP + 1` (R30: past the cap a
 * list says "10,000+"), as a scalar subquery for the page's own select list: PostgreSQL
 * computes it once, the page's `LIMIT` still stops its index scan early (a `count(*) over ()`
 * would read every match), and the page stays one statement.
 *
 * @param matches a select of the list's rows without cursor or limit, e.g. `db.select({ one: sql`1` }).from(members).where(filters)`.
 * @example total: cappedCount(ctx.db.select({ one: sql`1` }).from(invitations).where(and(...filters)))
 */
export function cappedCount(matches: SQLWrapper): SQL<number> {
  return sql<number>`(select count(*)::int from (${matches} limit ${COUNT_CAP + 1}) capped)`;
}

/**
 * How many members of an organization have this status and role (either may be left out), as
 * `cappedCount` answers (up to `COUNT_CAP + 1`), read from the counts the database keeps
 * (`member_counts`): the same cost at 10 members and at 100,000. A search still counts rows.
 *
 * @example total: countedMembers(organizationId, { status: "ACTIVE" })
 */
export function countedMembers(
  organizationId: string | SQL,
  filter: { status?: MemberStatus | undefined; role?: Role | undefined } = {},
): SQL<number> {
  const status = filter.status ? sql` and counted.status = ${filter.status}` : sql``;
  const role = filter.role ? sql` and counted.role = ${filter.role}` : sql``;
  return sql<number>`(select least(coalesce(sum(counted.count), 0), ${COUNT_CAP + 1})::int from ${memberCounts} counted where counted.organization_id = ${organizationId}${status}${role})`;
}
