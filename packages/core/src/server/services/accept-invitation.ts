import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type AcceptanceSnapshot,
  type Decision,
  decideAcceptance,
  invitationStatus,
  PolicyError,
  seatIsFree,
} from "../../policy";
import { appendAudit } from "../audit-log";
import type { OrgkitContext } from "../context";
import type { Queryable } from "../db";
import { enforce, mapConflicts } from "../guard";
import { emailRegistered } from "../invite-conflicts";
import { lockOrganization } from "../organization-lock";
import { invitations, members, organizations, users } from "../schema";
import { seatedMembers } from "../seats";
import { hashToken } from "../tokens";

const inviter = alias(members, "inviter");

/** The invitation behind a token, with everything R15 checks again. */
async function readByToken(tx: Queryable, token: string, now: Date) {
  const [row] = await tx
    .select({
      invitation: invitations,
      organizationName: organizations.name,
      organizationDeleted: sql<boolean>`${organizations.deletedAt} is not null`,
      inviterUsername: inviter.username,
      inviterRole: sql<
        string | null
      >`case when ${inviter.status} = 'ACTIVE' then ${inviter.role} end`,
      emailRegistered: emailRegistered(invitations.email),
      usernameTaken: sql<boolean>`exists (select 1 from ${members} where ${members.organizationId} = ${invitations.organizationId} and lower(${members.username}) = lower(${invitations.username}) and ${members.status} = 'ACTIVE')`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(inviter, eq(inviter.id, invitations.invitedByMemberId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return undefined;
  const snapshot: AcceptanceSnapshot = {
    status: invitationStatus(row.invitation, now),
    emailRegistered: row.emailRegistered,
    usernameTaken: row.usernameTaken,
    inviterRole: row.inviterRole as AcceptanceSnapshot["inviterRole"],
    organizationDeleted: row.organizationDeleted,
  };
  return { ...row, snapshot };
}

export type InvitationPreview = {
  organizationName: string;
  email: string;
  username: string;
  role: string;
  invitedBy: string;
  expiresAt: Date;
  status: "PENDING" | "EXPIRED";
  /** Whether accepting would succeed now, and why not. */
  decision: Decision;
  /**
   * R14: the account signed in on this browser, when it is not the invited one: the page
   * names it and asks before switching. Null when nobody or the invitee is signed in.
   */
  otherAccount: string | null;
};

/** Whether `userId` is still an active member through the membership this invitation created. */
async function joinedThrough(
  db: Queryable,
  invitation: { acceptedMemberId: string | null },
  userId: string,
) {
  if (!invitation.acceptedMemberId) return false;
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.id, invitation.acceptedMemberId),
        eq(members.userId, userId),
        eq(members.status, "ACTIVE"),
      ),
    );
  return member !== undefined;
}

/**
 * R14: what the accept page shows. Reading changes nothing (mail scanners open links).
 *
 * @param viewerUserId the account signed in on this browser, if any.
 * @throws PolicyError INVITATION_ALREADY_JOINED when the viewer joined through this link and is
 *   still a member (R15); INVITATION_NOT_VALID for a revoked, used or unknown link;
 *   INVITATION_ORGANIZATION_DELETED.
 */
export async function previewInvitation(
  ctx: OrgkitContext,
  input: { token: string },
  viewerUserId: string | null = null,
): Promise<InvitationPreview> {
  const found = await readByToken(ctx.db, input.token, ctx.now());
  const status = found?.snapshot.status;
  if (found?.snapshot.organizationDeleted) throw new PolicyError("INVITATION_ORGANIZATION_DELETED");
  if (!found || (status !== "PENDING" && status !== "EXPIRED")) {
    // R15: the person who joined through this link is told so (and sent to the organization).
    if (found && viewerUserId && (await joinedThrough(ctx.db, found.invitation, viewerUserId)))
      throw new PolicyError("INVITATION_ALREADY_JOINED");
    throw new PolicyError("INVITATION_NOT_VALID");
  }
  const { invitation } = found;
  const [viewer] = viewerUserId
    ? await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, viewerUserId))
    : [];
  const otherAccount =
    viewer && viewer.email.toLowerCase() !== invitation.email.toLowerCase() ? viewer.email : null;
  return {
    otherAccount,
    organizationName: found.organizationName,
    email: invitation.email,
    username: invitation.username,
    role: invitation.role,
    invitedBy: found.inviterUsername,
    expiresAt: invitation.expiresAt,
    status,
    decision: decideAcceptance(found.snapshot),
  };
}

/**
 * R14, R15: creates the account, makes it an active member with the invited role,
 * and spends the link, in one transaction. The host then signs the person in.
 *
 * @param viewerUserId the account signed in on this browser, if any: the one who joined through
 *   this link is refused INVITATION_ALREADY_JOINED instead of INVITATION_NOT_VALID.
 */
export function acceptInvitation(
  ctx: OrgkitContext,
  input: { token: string },
  viewerUserId: string | null = null,
) {
  return mapConflicts(
    () =>
      ctx.db.transaction(async (tx) => {
        const [located] = await tx
          .select({ organizationId: invitations.organizationId })
          .from(invitations)
          .where(eq(invitations.tokenHash, hashToken(input.token)));
        if (!located) throw new PolicyError("INVITATION_NOT_VALID");
        const organization = await lockOrganization(tx, located.organizationId);
        const now = ctx.now();
        const found = await readByToken(tx, input.token, now);
        if (!found) throw new PolicyError("INVITATION_NOT_VALID");
        // R15: accepting again (a second tab) tells the person who joined that they did.
        if (
          viewerUserId &&
          found.snapshot.status === "ACCEPTED" &&
          (await joinedThrough(tx, found.invitation, viewerUserId))
        )
          throw new PolicyError("INVITATION_ALREADY_JOINED");
        enforce(decideAcceptance(found.snapshot));
        // The invitation held a seat; joining needs one the members have not filled (a limit
        // lowered since the invitation was sent).
        const [seated] = await tx
          .select({ limit: organizations.seatLimit, members: seatedMembers(organization.id) })
          .from(organizations)
          .where(eq(organizations.id, organization.id));
        enforce(
          seatIsFree({ seats: { used: seated?.members ?? 0, limit: seated?.limit ?? null } }),
        );

        const { invitation } = found;
        // R9, R14: a personal-mode account with this email (one that signed in first, or whose
        // membership was removed) is the one that joins; otherwise the account is created.
        const [existing] = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(sql`lower(${users.email}) = lower(${invitation.email})`);
        const [user] = existing
          ? [existing]
          : await tx
              .insert(users)
              .values({
                email: invitation.email,
                name: invitation.username,
                emailVerified: now,
                createdAt: now,
              })
              .returning({ id: users.id, email: users.email });
        if (!user) throw new Error("orgkit: user insert returned nothing");
        const [member] = await tx
          .insert(members)
          .values({
            organizationId: organization.id,
            userId: user.id,
            username: invitation.username,
            role: invitation.role,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: members.id });
        if (!member) throw new Error("orgkit: member insert returned nothing");
        const spent = await tx
          .update(invitations)
          .set({ status: "ACCEPTED", acceptedAt: now, acceptedMemberId: member.id })
          .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "PENDING")))
          .returning({ id: invitations.id });
        if (spent.length !== 1) throw new PolicyError("INVITATION_NOT_VALID");
        await appendAudit(tx, {
          organizationId: organization.id,
          actorUserId: user.id,
          action: "invitation.accepted",
          targetType: "member",
          targetId: member.id,
          targetLabel: invitation.username,
          before: { invitation: "PENDING" },
          after: { role: invitation.role, status: "ACTIVE", email: invitation.email },
          at: now,
        });
        return {
          userId: user.id,
          memberId: member.id,
          // The account's own address, as the host's sign-in looks it up.
          email: user.email,
          organizationId: organization.id,
        };
      }),
    {
      users_email_key: "EMAIL_ALREADY_USED",
      members_user_active: "EMAIL_ALREADY_USED",
      members_active_username: "USERNAME_ALREADY_USED",
    },
  );
}
