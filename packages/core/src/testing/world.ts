import { and, desc, eq } from "drizzle-orm";
import type { InvitationRole } from "../policy";
import {
  acceptInvitation,
  activateOrganization,
  createContext,
  type Database,
  inviteUser,
  type OrgkitContext,
  openToken,
  schema,
} from "../server";

export const SECRET = "test-secret-test-secret-test-secret-0123";

/** A clock the test moves by hand. */
export function testClock(start = new Date("2026-01-05T09:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export const DAY = 24 * 60 * 60 * 1000;

/** Budgets large enough to build test worlds; tests of R37 pass their own limits. */
export const GENEROUS_RATE_LIMITS = {
  perActor: { limit: 100_000, windowMs: 60_000 },
  perOrganization: { limit: 100_000, windowMs: 60_000 },
};

export function contextFor(
  database: Database,
  clock = testClock(),
  inviteRateLimits = GENEROUS_RATE_LIMITS,
) {
  const ctx = createContext({ db: database.db, secret: SECRET, now: clock.now, inviteRateLimits });
  return { ctx, clock };
}

let counter = 0;
/** A unique suffix, so one database can hold many test worlds. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

/** An account as a sign-in would create it, in personal mode. */
export async function createAccount(ctx: OrgkitContext, email: string, name?: string) {
  const [user] = await ctx.db
    .insert(schema.users)
    .values({ email, name: name ?? null })
    .returning({ id: schema.users.id });
  if (!user) throw new Error("no user");
  return user.id;
}

/** The link token of the newest email queued for an invitation or transfer. */
export async function latestToken(ctx: OrgkitContext, subjectId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ payload: schema.emailOutbox.payload })
    .from(schema.emailOutbox)
    .where(eq(schema.emailOutbox.subjectId, subjectId))
    .orderBy(desc(schema.emailOutbox.id))
    .limit(1);
  const sealed = row?.payload.sealedToken;
  if (typeof sealed !== "string") throw new Error(`no sealed token for ${subjectId}`);
  return openToken(SECRET, sealed);
}

export type Person = { userId: string; memberId: string; username: string; email: string };

/** Invites and accepts through the real services. */
export async function addMember(
  ctx: OrgkitContext,
  inviterUserId: string,
  role: InvitationRole,
  username = unique(role.toLowerCase()),
  email = `${username}@example.test`,
): Promise<Person> {
  const { invitationId } = await inviteUser(ctx, inviterUserId, { email, username, role });
  const accepted = await acceptInvitation(ctx, { token: await latestToken(ctx, invitationId) });
  return { userId: accepted.userId, memberId: accepted.memberId, username, email };
}

/** An organization with an OWNER, an ADMIN, a USER and a VIEWER. */
export async function createOrganization(ctx: OrgkitContext, name = unique("Org ")) {
  const ownerName = unique("owner");
  const ownerEmail = `${ownerName}@example.test`;
  const ownerUserId = await createAccount(ctx, ownerEmail, ownerName);
  const activated = await activateOrganization(ctx, ownerUserId, { name });
  const owner: Person = {
    userId: ownerUserId,
    memberId: activated.memberId,
    username: activated.username,
    email: ownerEmail,
  };
  const admin = await addMember(ctx, ownerUserId, "ADMIN");
  const user = await addMember(ctx, ownerUserId, "USER");
  const viewer = await addMember(ctx, ownerUserId, "VIEWER");
  return { organizationId: activated.organization.id, name, owner, admin, user, viewer };
}

export async function memberRow(ctx: OrgkitContext, memberId: string) {
  const [row] = await ctx.db
    .select()
    .from(schema.members)
    .where(and(eq(schema.members.id, memberId)));
  if (!row) throw new Error(`no member ${memberId}`);
  return row;
}
