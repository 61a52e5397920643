import { and, eq } from "drizzle-orm";
import { decideResend, decideRevoke, INVITATION_TTL_MS, invitationStatus } from "../../policy";
import { appendAudit } from "../audit-log";
import type { OrgkitContext } from "../context";
import type { Tx } from "../db";
import { enforce } from "../guard";
import { resendConflicts } from "../invite-conflicts";
import { requireTarget, withMembers } from "../organization-lock";
import { cancelQueuedEmails } from "../outbox";
import { spendInviteBudget } from "../rate-limit";
import { recordChange } from "../record-change";
import { invitations } from "../schema";
import { seatLimitOf, seatsUsed } from "../seats";
import { newToken } from "../tokens";
import { invitationEmail } from "./invitation-email";

async function readInvitation(tx: Tx, organizationId: string, invitationId: string, now: Date) {
  const [row] = await tx
    .select({
      invitation: invitations,
      ...resendConflicts(now),
      seatLimit: seatLimitOf(organizationId),
      seatsUsed: seatsUsed(organizationId, now),
    })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId)));
  return row;
}

/** R12: a fresh token and 7-day expiry; the previous link stops working at once. */
export function resendInvitation(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { invitationId: string },
) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    const now = ctx.now();
    const {
      invitation,
      seatLimit,
      seatsUsed: used,
      ...conflicts
    } = requireTarget(actor, await readInvitation(tx, organization.id, input.invitationId, now));
    const status = invitationStatus(invitation, now);
    const seats = { used, limit: seatLimit };
    enforce(decideResend({ actor, status, seats, ...conflicts }));
    if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");
    await spendInviteBudget(ctx, tx, actorUserId, organization.id);

    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const version = invitation.version + 1;
    const updated = await tx
      .update(invitations)
      // R12: the admin who resends becomes the inviter, whom the email names and R15 checks.
      .set({ tokenHash: hash, version, sentAt: now, expiresAt, invitedByMemberId: actor.id })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "PENDING")))
      .returning({ id: invitations.id });
    if (updated.length !== 1) throw new Error("orgkit: resend lost its row under the lock");
    // The earlier email's link no longer works: if it is still queued, it is not sent.
    await cancelQueuedEmails(tx, invitation.id);

    await recordChange(
      tx,
      {
        organizationId: organization.id,
        actorUserId,
        action: "invitation.resent",
        targetType: "invitation",
        targetId: invitation.id,
        targetLabel: invitation.email,
        before: { expiresAt: invitation.expiresAt.toISOString() },
        after: { expiresAt: expiresAt.toISOString(), invitedBy: actor.username },
        at: now,
      },
      [
        invitationEmail(
          ctx,
          {
            ...invitation,
            organizationName: organization.name,
            inviterUsername: actor.username,
            expiresAt,
            version,
          },
          token,
          now,
        ),
      ],
    );
    return { invitationId: invitation.id, expiresAt };
  });
}

/** R13: the link stops working; accepted invitations cannot be revoked. */
export function revokeInvitation(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { invitationId: string },
) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    const now = ctx.now();
    const { invitation } = requireTarget(
      actor,
      await readInvitation(tx, organization.id, input.invitationId, now),
    );
    const status = invitationStatus(invitation, now);
    enforce(decideRevoke({ actor, status }));
    const updated = await tx
      .update(invitations)
      .set({ status: "REVOKED", revokedAt: now })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "PENDING")))
      .returning({ id: invitations.id });
    await cancelQueuedEmails(tx, invitation.id);
    if (updated.length !== 1) throw new Error("orgkit: revoke lost its row under the lock");
    await appendAudit(tx, {
      organizationId: organization.id,
      actorUserId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitation.id,
      targetLabel: invitation.email,
      before: { status },
      after: { status: "REVOKED" },
      at: now,
    });
    return { invitationId: invitation.id };
  });
}
