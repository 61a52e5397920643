import { and, eq, inArray, is, or, SQL, sql } from "drizzle-orm";
import { decideMembership, decideUserManagement, type MemberFacts, PolicyError } from "../policy";
import type { OrgkitContext } from "./context";
import type { Queryable, Tx } from "./db";
import { enforce } from "./guard";
import { currentMembershipId, currentOrganizationId, memberFactColumns } from "./membership";
import { members, organizations, ownershipTransfers, users } from "./schema";

export type LockedOrganization = { readonly id: string; readonly name: string };

/** Locks one organization row by id, for flows that start from a token instead of a session. */
export async function lockOrganization(
  tx: Tx,
  organizationId: string,
): Promise<LockedOrganization> {
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  if (!organization) throw new PolicyError("NOT_FOUND");
  return organization;
}

/** The caller's organization row, locked FOR UPDATE (R36); built, not yet sent. */
const lockStatement = (tx: Tx, actorUserId: string) =>
  tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, currentOrganizationId(actorUserId)))
    .for("update");

/**
 * R36: runs `work` in one transaction that first locks the caller's organization row.
 * Every guardrail is read after the lock, so concurrent mutations see each other's writes.
 *
 * @throws PolicyError of `decideMembership` (NOT_A_MEMBER, MEMBERSHIP_REMOVED) when the
 *   caller has no membership.
 * @example await inOrganization(ctx, userId, async (tx, organization) => organization.name);
 */
export function inOrganization<T>(
  ctx: OrgkitContext,
  actorUserId: string,
  work: (tx: Tx, organization: LockedOrganization) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const [organization] = await lockStatement(tx, actorUserId);
    if (!organization) enforce(decideMembership(null));
    return work(tx, organization as LockedOrganization);
  });
}

/** A read sent behind the lock: by the organization's id or by SQL that names it. */
export type LockedRead<R> = {
  send(tx: Tx, organizationId: string | SQL): Promise<R>;
  /** The organization the answer is about (null: none). */
  organizationOf(value: R): string | null | undefined;
};

/**
 * R36 as `inOrganization`, with the work's first read sent right behind the lock, in the same
 * round trip (pipelined). The server runs it once the lock is held, and READ COMMITTED takes a
 * statement's snapshot when the statement starts, so the read sees every write committed before
 * the lock was granted, exactly as if it were sent after. The read cannot use the locked row: it
 * names the organization by the caller's current membership, as the lock does. Should that
 * membership change between the two statements, the read is sent again for the locked one.
 */
export function lockThenRead<R, T>(
  ctx: OrgkitContext,
  actorUserId: string,
  read: LockedRead<R>,
  work: (tx: Tx, organization: LockedOrganization, read: R) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    // Started first, so the driver sends it first; the read queues behind it on the connection.
    const locking = lockStatement(tx, actorUserId).execute();
    const [[organization], first] = await Promise.all([
      locking,
      read.send(tx, currentOrganizationId(actorUserId)),
    ]);
    if (!organization) enforce(decideMembership(null));
    const locked = organization as LockedOrganization;
    const value = read.organizationOf(first) === locked.id ? first : await read.send(tx, locked.id);
    return work(tx, locked, value);
  });
}

/**
 * R36 with the caller, the members an action touches and the admin-like count read right
 * behind the lock (see `lockThenRead`): the usual start of a member action.
 */
export function withMembers<T>(
  ctx: OrgkitContext,
  actorUserId: string,
  targetIds: readonly string[],
  work: (tx: Tx, organization: LockedOrganization, snapshot: MembersSnapshot) => Promise<T>,
): Promise<T> {
  return lockThenRead(
    ctx,
    actorUserId,
    {
      send: (tx, organizationId) => readMembers(tx, organizationId, actorUserId, targetIds),
      organizationOf: (snapshot) => snapshot.organizationId,
    },
    work,
  );
}

export type MemberRow = MemberFacts & {
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  /** An ownership transfer to this member is pending (read under the lock: exact). */
  readonly transferPending: boolean;
};

export type MembersSnapshot = {
  /** The organization the rows are of (null: no row). */
  readonly organizationId: string | null;
  readonly actor: MemberRow | null;
  readonly targets: ReadonlyMap<string, MemberRow>;
  /** Active OWNER and ADMIN members of the organization. */
  readonly activeAdminLikeCount: number;
};

const adminLikeCount = (organizationId: string | SQL) =>
  sql<number>`(select count(*)::int from ${members} where ${members.organizationId} = ${organizationId} and ${members.status} = 'ACTIVE' and ${members.role} in ('OWNER', 'ADMIN'))`;

/**
 * The caller, the members an action touches and the admin-like count, in one read.
 * `targetIds` may be SQL naming one member id (a scalar subquery), for a read sent before the
 * id is known: `=` keeps it an index lookup, where `in (subquery)` under `or` scans the table.
 */
export async function readMembers(
  tx: Queryable,
  organizationId: string | SQL,
  actorUserId: string,
  targetIds: readonly string[] | SQL,
): Promise<MembersSnapshot> {
  const targeted = is(targetIds, SQL) ? sql`${members.id} = ${targetIds}` : undefined;
  const listed = is(targetIds, SQL) ? [] : targetIds;
  const rows = await tx
    .select({
      ...memberFactColumns,
      userId: members.userId,
      username: members.username,
      email: users.email,
      // Qualified by hand: drizzle leaves one-table columns bare, which the subquery would capture.
      transferPending: sql<boolean>`exists (select 1 from ${ownershipTransfers} t where t.to_member_id = ${members}.id and t.status = 'PENDING')`,
      isActor: sql<boolean>`${members.id} = ${currentMembershipId(actorUserId)}`,
      isTarget: targeted ? sql<boolean>`${targeted}` : sql<boolean>`false`,
      organizationId: members.organizationId,
      activeAdminLikeCount: adminLikeCount(organizationId),
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(
      and(
        eq(members.organizationId, organizationId),
        targeted || listed.length > 0
          ? or(eq(members.userId, actorUserId), targeted ?? inArray(members.id, [...listed]))
          : eq(members.userId, actorUserId),
      ),
    );
  const strip = ({
    activeAdminLikeCount: _,
    isActor: __,
    isTarget: ___,
    organizationId: ____,
    ...row
  }: (typeof rows)[number]) => row as MemberRow;
  const actor = rows.find((row) => row.isActor);
  const targets = rows.filter((row) => row.isTarget || listed.includes(row.id));
  return {
    organizationId: rows[0]?.organizationId ?? null,
    actor: actor ? strip(actor) : null,
    targets: new Map(targets.map((row) => [row.id, strip(row)])),
    activeAdminLikeCount: rows[0]?.activeAdminLikeCount ?? 0,
  };
}

/**
 * R34: a record of another organization is NOT_FOUND, exactly like a missing one.
 * Callers without user management learn nothing: they get their own refusal first.
 */
export function requireTarget<T>(actor: MemberFacts | null, target: T | undefined): T {
  if (target !== undefined) return target;
  enforce(decideUserManagement(actor));
  throw new PolicyError("NOT_FOUND");
}

export function facts(row: MemberRow): MemberFacts {
  return { id: row.id, role: row.role, status: row.status };
}
