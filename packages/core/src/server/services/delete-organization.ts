import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { shippedLocale } from "../../messages/locales";
import {
  DELETION_TTL_MS,
  type Decision,
  decideDeletionCancellation,
  decideDeletionConfirmation,
  decideDeletionStart,
  PolicyError,
} from "../../policy";
import { appendAudit } from "../audit-log";
import type { OrgkitContext } from "../context";
import type { Tx } from "../db";
import { enforce } from "../guard";
import { currentMembershipId } from "../membership";
import { type LockedOrganization, readMembers, withMembers } from "../organization-lock";
import { cancelQueuedEmails } from "../outbox";
import { consumeRateLimit, type RateLimit } from "../rate-limit";
import { recordChange } from "../record-change";
import {
  invitations,
  members,
  organizationDeletions,
  organizations,
  ownershipTransfers,
} from "../schema";
import { hashToken, newToken, sealToken } from "../tokens";

/** Deletion requests per organization: each emails a link to the owner. */
const DELETION_RATE_LIMIT: RateLimit = { limit: 5, windowMs: 10 * 60 * 1000 };

/** Why a pending deletion ended without the owner cancelling it. */
export type DeletionCancelledBecause = "replaced" | "ownership transferred";

/**
 * Cancels the pending deletion, if any, wipes its queued confirmation email (R38) and audits
 * it as `organization.deletion_cancelled` (with `because` when the owner did not cancel it
 * themselves), so no request in the log is left without its end.
 */
export async function cancelPendingDeletion(
  tx: Tx,
  organization: LockedOrganization,
  actorUserId: string,
  at: Date,
  because?: DeletionCancelledBecause,
) {
  const cancelled = await tx
    .update(organizationDeletions)
    .set({ status: "CANCELLED", endedAt: at })
    .where(
      and(
        eq(organizationDeletions.organizationId, organization.id),
        eq(organizationDeletions.status, "PENDING"),
      ),
    )
    .returning({ id: organizationDeletions.id });
  await cancelQueuedEmails(
    tx,
    cancelled.map((row) => row.id),
  );
  if (cancelled.length > 0)
    await appendAudit(
      tx,
      cancelled.map(() => ({
        organizationId: organization.id,
        actorUserId,
        action: "organization.deletion_cancelled" as const,
        targetType: "organization",
        targetId: organization.id,
        targetLabel: organization.name,
        before: { status: "PENDING" },
        after: because ? { status: "CANCELLED", because } : { status: "CANCELLED" },
        at,
      })),
    );
  return cancelled;
}

/**
 * The owner asks to delete their organization, typing its name; a confirmation link (24 h,
 * single use, R33) is emailed to them. Nothing changes until they confirm; a new request
 * replaces the previous one.
 *
 * @param input `{ name }`: the organization's name as the owner typed it.
 * @returns `{ deletionId, sentTo, expiresAt }`.
 * @throws PolicyError DELETE_OWNER_ONLY for anyone but the owner; DELETE_NAME_MISMATCH when
 *   the typed name is not the organization's; ORGANIZATION_NOT_ACTIVE in personal mode;
 *   RATE_LIMITED past 5 requests per organization in 10 minutes.
 * @example await startOrganizationDeletion(ctx, session.user.id, { name: "Acme" });
 */
export function startOrganizationDeletion(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { name: string; locale?: string },
) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    enforce(decideDeletionStart({ actor, name: organization.name, typedName: input.name }));
    if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");
    // Each request emails a link: a few per 10 minutes, like invitations (R37).
    await consumeRateLimit(
      ctx,
      `deletion:organization:${organization.id}`,
      DELETION_RATE_LIMIT,
      tx,
    );

    const now = ctx.now();
    await cancelPendingDeletion(tx, organization, actorUserId, now, "replaced");
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + DELETION_TTL_MS);
    const [deletion] = await tx
      .insert(organizationDeletions)
      .values({
        organizationId: organization.id,
        requestedByMemberId: actor.id,
        sentTo: actor.email,
        tokenHash: hash,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: organizationDeletions.id });
    if (!deletion) throw new Error("orgkit: deletion insert returned nothing");

    await recordChange(
      tx,
      {
        organizationId: organization.id,
        actorUserId,
        action: "organization.deletion_requested",
        targetType: "organization",
        targetId: organization.id,
        targetLabel: organization.name,
        after: { sentTo: actor.email, expiresAt: expiresAt.toISOString() },
        at: now,
      },
      [
        {
          organizationId: organization.id,
          template: "organization-deletion-confirmation",
          to: actor.email,
          subjectId: deletion.id,
          payload: {
            locale: shippedLocale(input.locale),
            organizationName: organization.name,
            ownerUsername: actor.username,
            expiresAt: expiresAt.toISOString(),
            sealedToken: sealToken(ctx.secret, token),
          },
          at: now,
        },
      ],
    );
    return { deletionId: deletion.id, sentTo: actor.email, expiresAt };
  });
}

/**
 * The owner cancels the pending deletion; its link stops working.
 *
 * @throws PolicyError DELETE_OWNER_ONLY, or NO_PENDING_DELETION when none is pending.
 * @example await cancelOrganizationDeletion(ctx, session.user.id);
 */
export function cancelOrganizationDeletion(ctx: OrgkitContext, actorUserId: string) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    const now = ctx.now();
    const cancelled = await cancelPendingDeletion(tx, organization, actorUserId, now);
    // A refusal throws and rolls the cancellation (and its audit event) back.
    enforce(decideDeletionCancellation({ actor, hasPendingDeletion: cancelled.length > 0 }));
    const [deletion] = cancelled;
    if (!deletion) throw new Error("orgkit: unreachable, the policy requires a deletion");
    return { deletionId: deletion.id };
  });
}

/**
 * Signed in as the owner who asked, deletes the organization from the emailed link, in one
 * transaction under its lock: every active member becomes REMOVED with reason DELETED (back
 * in personal mode, R7), pending invitations are revoked, a pending transfer is cancelled
 * (their queued emails with them), the organization is marked deleted and its name is free
 * again; audited as `organization.deleted`, which publishes the event of the same name.
 * Everyone's next request is refused with ORGANIZATION_DELETED.
 *
 * @param input `{ token }`: the link's token.
 * @returns `{ organizationId, removedMembers, revokedInvitations }`.
 * @throws PolicyError DELETION_NOT_VALID (unknown, replaced, cancelled or used link),
 *   DELETION_EXPIRED, DELETION_LINK_FOR_OWNER, ORGANIZATION_DELETED once it is done.
 * @example await confirmOrganizationDeletion(ctx, session.user.id, { token });
 */
export function confirmOrganizationDeletion(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { token: string },
) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    const now = ctx.now();
    // Claim the link, reading its state from before this statement; a refusal below rolls
    // the claim back.
    const previous = alias(organizationDeletions, "previous");
    const [deletion] = await tx
      .update(organizationDeletions)
      .set({ status: "CONFIRMED", endedAt: now })
      .from(previous)
      .where(
        and(
          eq(organizationDeletions.id, previous.id),
          eq(organizationDeletions.tokenHash, hashToken(input.token)),
          eq(organizationDeletions.organizationId, organization.id),
        ),
      )
      .returning({
        id: previous.id,
        status: previous.status,
        requestedByMemberId: previous.requestedByMemberId,
        expiresAt: previous.expiresAt,
      });
    if (!deletion) {
      // A member whose organization is gone hears that first, not that a link is unknown.
      enforce(decideDeletionConfirmation({ actor, deletion: GONE, now }));
      throw new PolicyError("DELETION_NOT_VALID");
    }
    enforce(decideDeletionConfirmation({ actor, deletion, now }));

    const removed = await tx
      .update(members)
      .set({ status: "REMOVED", removalReason: "DELETED", removedAt: now, updatedAt: now })
      .where(and(eq(members.organizationId, organization.id), eq(members.status, "ACTIVE")))
      .returning({ id: members.id });
    const revoked = await tx
      .update(invitations)
      .set({ status: "REVOKED", revokedAt: now })
      .where(
        and(eq(invitations.organizationId, organization.id), eq(invitations.status, "PENDING")),
      )
      .returning({ id: invitations.id });
    const transfers = await tx
      .update(ownershipTransfers)
      .set({ status: "CANCELLED", endedAt: now })
      .where(
        and(
          eq(ownershipTransfers.organizationId, organization.id),
          eq(ownershipTransfers.status, "PENDING"),
        ),
      )
      .returning({ id: ownershipTransfers.id });
    await cancelQueuedEmails(
      tx,
      [...revoked, ...transfers].map((row) => row.id),
    );
    await tx
      .update(organizations)
      .set({ deletedAt: now })
      .where(eq(organizations.id, organization.id));
    await appendAudit(tx, {
      organizationId: organization.id,
      actorUserId,
      action: "organization.deleted",
      targetType: "organization",
      targetId: organization.id,
      targetLabel: organization.name,
      before: { name: organization.name, members: removed.length },
      after: {
        deleted: true,
        removedMembers: removed.length,
        revokedInvitations: revoked.length,
        cancelledTransfers: transfers.length,
      },
      at: now,
    });
    return {
      organizationId: organization.id,
      removedMembers: removed.length,
      revokedInvitations: revoked.length,
    };
  });
}

/** A link the database does not know: only the actor's own state can outrank it. */
const GONE = {
  status: "CANCELLED",
  requestedByMemberId: "",
  expiresAt: new Date(0),
} as const;

export type DeletionPreview = {
  organizationName: string;
  /** Active members who lose access when it is confirmed. */
  activeMembers: number;
  expiresAt: Date;
  /** Whether confirming would succeed now, and why not. */
  decision: Decision;
};

/**
 * What the confirm page shows for its own link: the organization, how many members lose
 * access, the link's expiry and the caller's decision. Reading changes nothing.
 *
 * @throws PolicyError DELETION_NOT_VALID for an unknown, replaced, cancelled or used link, or
 *   one of another organization (R34).
 * @example const preview = await previewOrganizationDeletion(ctx, session.user.id, { token });
 */
export async function previewOrganizationDeletion(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { token: string },
): Promise<DeletionPreview> {
  const [deletion] = await ctx.db
    .select({
      status: organizationDeletions.status,
      organizationId: organizationDeletions.organizationId,
      organizationName: organizations.name,
      requestedByMemberId: organizationDeletions.requestedByMemberId,
      expiresAt: organizationDeletions.expiresAt,
      activeMembers: sql<number>`(select count(*)::int from ${members} where ${members.organizationId} = ${organizationDeletions.organizationId} and ${members.status} = 'ACTIVE')`,
    })
    .from(organizationDeletions)
    .innerJoin(organizations, eq(organizations.id, organizationDeletions.organizationId))
    .where(
      and(
        eq(organizationDeletions.tokenHash, hashToken(input.token)),
        sql`${organizationDeletions.organizationId} = (select m.organization_id from ${members} m where m.id = ${currentMembershipId(actorUserId)})`,
      ),
    );
  if (deletion?.status !== "PENDING") throw new PolicyError("DELETION_NOT_VALID");
  const { actor } = await readMembers(ctx.db, deletion.organizationId, actorUserId, []);
  return {
    organizationName: deletion.organizationName,
    activeMembers: deletion.activeMembers,
    expiresAt: deletion.expiresAt,
    decision: decideDeletionConfirmation({ actor, deletion, now: ctx.now() }),
  };
}

/** The pending deletion the owner sees on the Organization page, with where its link went. */
export async function readPendingDeletion(ctx: OrgkitContext, organizationId: string) {
  const [pending] = await ctx.db
    .select({
      id: organizationDeletions.id,
      sentTo: organizationDeletions.sentTo,
      expiresAt: organizationDeletions.expiresAt,
    })
    .from(organizationDeletions)
    .where(
      and(
        eq(organizationDeletions.organizationId, organizationId),
        eq(organizationDeletions.status, "PENDING"),
      ),
    );
  if (!pending) return null;
  return { ...pending, expired: pending.expiresAt.getTime() <= ctx.now().getTime() };
}
