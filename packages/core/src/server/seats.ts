import { eq, Placeholder, type SQL, sql } from "drizzle-orm";
import type { Seats } from "../policy";
import type { OrgkitContext } from "./context";
import type { Queryable } from "./db";
import { organizations } from "./schema";

/** A moment as SQL compares it: an ISO 8601 string, or a placeholder of one. */
export const instant = (now: Date | Placeholder) =>
  now instanceof Placeholder ? now : now.toISOString();

/** Active members, from the counts the database keeps (`member_counts`): no row is read. */
const activeMembers = (organizationId: string | SQL | Placeholder) =>
  sql`(select coalesce(sum(seat_count.count), 0) from member_counts as seat_count where seat_count.organization_id = ${organizationId} and seat_count.status = 'ACTIVE')`;

/** Counts only where the organization has a seat limit: 0 otherwise, without reading a row. */
const whenLimited = (organizationId: string | SQL | Placeholder, count: SQL) =>
  sql`(case when (select seat_org.seat_limit from organizations as seat_org where seat_org.id = ${organizationId}) is null then 0 else ${count} end)::int`;

/**
 * Seats in use as SQL to select: active members plus pending, unexpired invitations of the
 * organization. Read under the organization's lock, so concurrent invitations count each other.
 * An organization without a limit counts nothing (0): an invitation into 100,000 members
 * costs what it costs into 10. `now` may be a placeholder of an ISO 8601 string (`reusable`).
 */
export const seatsUsed = (organizationId: string | SQL | Placeholder, now: Date | Placeholder) =>
  sql<number>`${whenLimited(organizationId, sql`${activeMembers(organizationId)} + (select count(*) from invitations as seat_invitation where seat_invitation.organization_id = ${organizationId} and seat_invitation.status = 'PENDING' and seat_invitation.expires_at > ${instant(now)}::timestamptz)`)}`;

/** The organization's seats: in use, and its limit (null: none). */
export async function readSeats(db: Queryable, organizationId: string, now: Date): Promise<Seats> {
  const [row] = await db
    .select({ limit: organizations.seatLimit, used: seatsUsed(organizationId, now) })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return { used: row?.used ?? 0, limit: row?.limit ?? null };
}

/**
 * Sets how many seats an organization has (a plan the host sells); null removes the limit.
 * Lowering it below the seats in use removes no one: new invitations, resends of expired ones
 * and accepts wait until seats are free.
 *
 * @throws the database's check violation for a limit below 1.
 * @example await setSeatLimit(ctx, organizationId, 20);
 */
export async function setSeatLimit(
  ctx: OrgkitContext,
  organizationId: string,
  limit: number | null,
): Promise<void> {
  await ctx.db
    .update(organizations)
    .set({ seatLimit: limit })
    .where(eq(organizations.id, organizationId));
}

/** The organization's seat limit as SQL to select (null: none), for reads of another table. */
export const seatLimitOf = (organizationId: string) =>
  sql<
    number | null
  >`(select seat_org.seat_limit from organizations as seat_org where seat_org.id = ${organizationId})`;

/** Active members as SQL to select (0 without a limit): the seats an accept must leave room in. */
export const seatedMembers = (organizationId: string) =>
  sql<number>`${whenLimited(organizationId, sql`${activeMembers(organizationId)}`)}`;
