import { and, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { shippedLocale } from "../../messages/locales";
import {
  decideInvite,
  INVITATION_TTL_MS,
  type InvitationRole,
  normalizeEmail,
  normalizeUsername,
  PolicyError,
} from "../../policy";
import type { OrgkitContext } from "../context";
import type { Queryable, Tx } from "../db";
import { enforce } from "../guard";
import { inviteConflicts } from "../invite-conflicts";
import { currentMembershipId, currentOrganizationId, memberFactColumns } from "../membership";
import { type LockedOrganization, lockThenRead } from "../organization-lock";
import { spendInviteBudget } from "../rate-limit";
import { recordChange } from "../record-change";
import { placeholderRow, reusable, reusableShapes } from "../reusable";
import { invitations, members, organizations } from "../schema";
import { seatsUsed } from "../seats";
import { newToken } from "../tokens";
import { invitationEmail } from "./invitation-email";

/** The statement of `readInvite`; values may be placeholders (`reusable`). */
function inviteQuery(
  db: Queryable,
  organizationId: SQL | Placeholder,
  actorUserId: Placeholder,
  email: Placeholder,
  username: Placeholder,
  now: Placeholder,
) {
  // The subqueries name the organization through the row being read.
  const organization = sql`${sql.identifier("organizations")}.${sql.identifier("id")}`;
  return db
    .select({
      organizationId: organizations.id,
      actor: { ...memberFactColumns, username: members.username },
      ...inviteConflicts({ organizationId: organization, email, username, now }),
      seatLimit: organizations.seatLimit,
      seatsUsed: seatsUsed(organization, now),
    })
    .from(organizations)
    .leftJoin(
      members,
      and(
        eq(members.organizationId, organizations.id),
        sql`${members.id} = ${currentMembershipId(actorUserId)}`,
      ),
    )
    .where(eq(organizations.id, organizationId));
}

/** `inviteQuery` with placeholders: of the caller's current organization, or of a given one. */
const inviteStatement = reusableShapes<boolean, Awaited<ReturnType<typeof inviteQuery>>>(
  (callersOrganization) => (db) => {
    const actor = sql.placeholder("actor");
    return inviteQuery(
      db,
      callersOrganization ? currentOrganizationId(actor) : sql.placeholder("organization"),
      actor,
      sql.placeholder("email"),
      sql.placeholder("username"),
      sql.placeholder("now"),
    );
  },
);

/**
 * The inviter and R9–R10's facts in one read: is the email registered or invited here, is the
 * username taken in the organization (active members and pending, unexpired invitations)?
 * `organizationId` undefined reads the caller's current organization, for a read sent behind the
 * lock.
 */
export async function readInvite(
  tx: Queryable,
  organizationId: string | undefined,
  actorUserId: string,
  email: string,
  username: string,
  now: Date,
) {
  const values = { actor: actorUserId, email, username, now: now.toISOString() };
  const [row] =
    organizationId === undefined
      ? await inviteStatement(true)(tx, values)
      : await inviteStatement(false)(tx, { ...values, organization: organizationId });
  // Without a membership there is no organization to read: the lock's answer refuses first.
  return row;
}

/** The columns a new invitation's row gives; the rest take their defaults. */
const INVITATION_COLUMNS = [
  "id",
  "organizationId",
  "email",
  "username",
  "role",
  "tokenHash",
  "invitedByMemberId",
  "createdAt",
  "sentAt",
  "expiresAt",
  "locale",
] as const;
type NewInvitation = Required<
  Pick<typeof invitations.$inferInsert, (typeof INVITATION_COLUMNS)[number]>
>;
const invitation = placeholderRow("", INVITATION_COLUMNS);
const insertStatement = reusable<unknown>((db) => db.insert(invitations).values(invitation.row));
const insertInvitation = (tx: Tx, row: NewInvitation) =>
  insertStatement(tx, invitation.values(row));

/** The input with its email and username as R9–R10 compare and store them. */
const normalized = <T extends InviteInput>(input: T): T => ({
  ...input,
  email: normalizeEmail(input.email),
  username: normalizeUsername(input.username),
});

type InviteFacts = NonNullable<Awaited<ReturnType<typeof readInvite>>>;
type InviteInput = { email: string; username: string; role: string; locale?: string | undefined };
type Budget = { left: number; available: number };

/**
 * R8–R11: invite a person; the email is queued in the same transaction (R38).
 * @param input `locale` is the invitee's language for this invitation's emails (`"de"`,
 *   `"de-CH"`); an unshipped one, or none, is English.
 */
export function inviteUser(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { email: string; username: string; role: InvitationRole; locale?: string },
) {
  const person = normalized(input);
  const now = ctx.now();
  return lockThenRead(
    ctx,
    actorUserId,
    {
      send: (tx, organizationId) =>
        readInvite(tx, organizationId, actorUserId, person.email, person.username, now),
      organizationOf: (facts) => facts?.organizationId,
    },
    (tx, organization, facts) =>
      writeInvitation(ctx, tx, organization, actorUserId, person, facts, now),
  );
}

/**
 * One invitation inside a transaction that holds the organization's lock: reads its facts,
 * then decides and writes it as `writeInvitation` does.
 */
export async function inviteInOrganization(
  ctx: OrgkitContext,
  tx: Tx,
  organization: LockedOrganization,
  actorUserId: string,
  input: InviteInput,
  budget?: Budget,
) {
  const now = ctx.now();
  const person = normalized(input);
  const { email, username } = person;
  const facts = await readInvite(tx, organization.id, actorUserId, email, username, now);
  return writeInvitation(ctx, tx, organization, actorUserId, person, facts, now, budget);
}

/**
 * One invitation under the organization's lock, from its facts: the policy's decision (R8–R10,
 * seats), the rate limit (R37), the row, its audit event and its queued email. A refusal by the
 * policy or by `budget` throws before anything is written. `budget`, when given, is what a batch
 * may still send (read once under the lock); the row refuses BULK_RATE_LIMITED past it. The
 * three writes go in one round trip; RATE_LIMITED, the one refusal among them, rolls them back
 * with the transaction. `input` is `normalized`.
 */
async function writeInvitation(
  ctx: OrgkitContext,
  tx: Tx,
  organization: LockedOrganization,
  actorUserId: string,
  input: InviteInput,
  facts: InviteFacts | undefined,
  now: Date,
  budget?: Budget,
) {
  if (!facts) throw new Error("orgkit: organization vanished under its lock");
  const { email, username } = input;
  const { actor, seatLimit, seatsUsed: used, ...conflicts } = facts;
  const seats = { used, limit: seatLimit };
  enforce(decideInvite({ actor, email, username, role: input.role, seats, ...conflicts }));
  if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");
  // The policy allowed it: one of the invitation roles.
  const role = input.role as InvitationRole;
  if (budget) {
    if (budget.left <= 0)
      throw new PolicyError("BULK_RATE_LIMITED", { params: { available: budget.available } });
    budget.left -= 1;
  }

  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const id = crypto.randomUUID();
  const locale = shippedLocale(input.locale);
  await Promise.all([
    spendInviteBudget(ctx, tx, actorUserId, organization.id),
    insertInvitation(tx, {
      id,
      organizationId: organization.id,
      email,
      username,
      role,
      tokenHash: hash,
      invitedByMemberId: actor.id,
      createdAt: now,
      sentAt: now,
      expiresAt,
      locale,
    }),
    recordChange(
      tx,
      {
        organizationId: organization.id,
        actorUserId,
        action: "invitation.sent",
        targetType: "invitation",
        targetId: id,
        targetLabel: email,
        after: { email, username, role, status: "PENDING" },
        at: now,
      },
      [
        invitationEmail(
          ctx,
          {
            id,
            organizationId: organization.id,
            organizationName: organization.name,
            inviterUsername: actor.username,
            email,
            username,
            role,
            expiresAt,
            version: 1,
            locale,
          },
          token,
          now,
        ),
      ],
    ),
  ]);
  return { invitationId: id, expiresAt };
}
