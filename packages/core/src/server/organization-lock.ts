import { and, eq, inArray, is, or, type Placeholder, SQL, sql } from "drizzle-orm";
import { decideMembership, decideUserManagement, type MemberFacts, PolicyError } from "../policy";
import type { OrgkitContext } from "./context";
import type { Queryable, Tx } from "./db";
import { enforce } from "./guard";
import { currentMembershipId, currentOrganizationId, memberFactColumns } from "./membership";
import { reusable, reusableShapes } from "./reusable";
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

/** The caller's organization row, locked FOR UPDATE (R36). */
const lockCallersOrganization = reusable<LockedOrganization[]>((db) =>
  db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, currentOrganizationId(sql.placeholder("actor"))))
    .for("update"),
);

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
    const [organization] = await lockCallersOrganization(tx, { actor: actorUserId });
    if (!organization) enforce(decideMembership(null));
    return work(tx, organization as LockedOrganization);
  });
}

/**
 * A read sent behind the lock: of the organization with this id, or (`undefined`) of the
 * caller's current organization, named in SQL as the lock names it.
 */
export type LockedRead<R> = {
  send(tx: Tx, organizationId: string | undefined): Promise<R>;
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
    const locking = lockCallersOrganization(tx, { actor: actorUserId });
    const [[organization], first] = await Promise.all([locking, read.send(tx, undefined)]);
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

const adminLikeCount = (organizationId: string | SQL | Placeholder) =>
  sql<number>`(select count(*)::int from ${members} where ${members.organizationId} = ${organizationId} and ${members.status} = 'ACTIVE' and ${members.role} in ('OWNER', 'ADMIN'))`;

/**
 * The statement of `readMembers`: `targeted` names one member in SQL, `listed` lists ids.
 * Values may be placeholders, for a statement built once (`reusable`).
 */
function membersQuery(
  db: Queryable,
  organizationId: string | SQL | Placeholder,
  actorUserId: string | Placeholder,
  targeted: SQL | undefined,
  listed: readonly (string | Placeholder)[],
) {
  return db
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
}

type MembersRows = Awaited<ReturnType<typeof membersQuery>>;

/**
 * A scalar subquery naming one member, built once with placeholders (a module's constant: its
 * statement is built once per subquery), and the placeholders' values.
 */
export type MemberSubquery = { readonly sql: SQL; readonly values: Record<string, unknown> };

/** `membersQuery` with placeholders, for the caller's organization or a given one. */
const membersStatement = (callersOrganization: boolean) =>
  reusableShapes<number | SQL, MembersRows>((targets) => {
    const actor = sql.placeholder("actor");
    const organizationId = callersOrganization
      ? currentOrganizationId(actor)
      : sql.placeholder("organization");
    return is(targets, SQL)
      ? (db) => membersQuery(db, organizationId, actor, sql`${members.id} = ${targets}`, [])
      : (db) =>
          membersQuery(
            db,
            organizationId,
            actor,
            undefined,
            Array.from({ length: targets }, (_, i) => sql.placeholder(`target${i}`)),
          );
  });
const membersStatements = { callers: membersStatement(true), given: membersStatement(false) };

/**
 * The caller, the members an action touches and the admin-like count, in one read, of the
 * organization with this id or (`undefined`) of the caller's current one. The targets are ids,
 * or a subquery naming one member, for a read sent before the id is known: `=` keeps it an
 * index lookup, where `in (subquery)` under `or` scans the table.
 */
export async function readMembers(
  tx: Queryable,
  organizationId: string | undefined,
  actorUserId: string,
  targetIds: readonly string[] | MemberSubquery,
): Promise<MembersSnapshot> {
  const listed = "sql" in targetIds ? [] : (targetIds as readonly string[]);
  const statement = membersStatements[organizationId === undefined ? "callers" : "given"](
    "sql" in targetIds ? targetIds.sql : listed.length,
  );
  const rows = await statement(tx, {
    actor: actorUserId,
    ...(organizationId === undefined ? {} : { organization: organizationId }),
    ...("sql" in targetIds ? targetIds.values : {}),
    ...Object.fromEntries(listed.map((id, i) => [`target${i}`, id])),
  });
  const strip = ({
    activeAdminLikeCount: _,
    isActor: __,
    isTarget: ___,
    organizationId: ____,
    ...row
  }: MembersRows[number]) => row as MemberRow;
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
