import { and, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { shippedLocale } from "../../messages/locales";
import {
  type Decision,
  decideTransfer,
  decideTransferCancellation,
  decideTransferConfirmation,
  PolicyError,
  TRANSFER_TTL_MS,
} from "../../policy";
import { type AuditEntry, appendAudit } from "../audit-log";
import type { OrgkitContext } from "../context";
import type { Tx } from "../db";
import { enforce } from "../guard";
import { lastStatement } from "../last-statement";
import { currentMembershipId, currentOrganizationId } from "../membership";
import {
  facts,
  type LockedOrganization,
  lockThenRead,
  readMembers,
  requireTarget,
  withMembers,
} from "../organization-lock";
import { cancelQueuedEmails, type OutboxEntry } from "../outbox";
import {
  auditPlaceholders,
  auditValues,
  emailPlaceholders,
  emailValues,
  recordChange,
} from "../record-change";
import { placeholderSet, reusable, reusableShapes } from "../reusable";
import {
  auditEvents,
  emailOutbox,
  members,
  organizationDeletions,
  organizations,
  ownershipTransfers,
  type TransferStatus,
} from "../schema";
import { hashToken, newToken, sealToken } from "../tokens";
import { cancelPendingDeletion } from "./delete-organization";

/**
 * Cancels the pending transfer, if any, with its queued confirmation email (R38) and its audit
 * event (R32): by the owner, or `because` a new request replaced it.
 */
async function cancelPending(
  tx: Tx,
  organization: LockedOrganization,
  actorUserId: string,
  at: Date,
  because?: "replaced",
) {
  // Qualified by hand: drizzle leaves the updated table's columns bare in RETURNING.
  const toMemberId = sql`${sql.identifier("ownership_transfers")}.${sql.identifier("to_member_id")}`;
  const cancelled = await tx
    .update(ownershipTransfers)
    .set({ status: "CANCELLED", endedAt: at })
    .where(
      and(
        eq(ownershipTransfers.organizationId, organization.id),
        eq(ownershipTransfers.status, "PENDING"),
      ),
    )
    .returning({
      id: ownershipTransfers.id,
      targetUsername: sql<string>`(select target.username from ${members} target where target.id = ${toMemberId})`,
    });
  if (cancelled.length === 0) return;
  await cancelQueuedEmails(
    tx,
    cancelled.map((transfer) => transfer.id),
  );
  await appendAudit(
    tx,
    cancelled.map((transfer) => ({
      organizationId: organization.id,
      actorUserId,
      action: "ownership.transfer_cancelled" as const,
      targetType: "ownership_transfer" as const,
      targetId: transfer.id,
      // A name, never an id: the Activity page says "cancelled the ownership transfer to ada".
      targetLabel: transfer.targetUsername,
      before: { status: "PENDING" },
      after: because ? { status: "CANCELLED", because } : { status: "CANCELLED" },
      at,
    })),
  );
}

/**
 * R20–R22: records a pending transfer and emails a confirmation link to the owner.
 * Nothing changes until the owner confirms; a new request replaces the previous one.
 */
export function startOwnershipTransfer(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { memberId: string; locale?: string },
) {
  return withMembers(ctx, actorUserId, [input.memberId], async (tx, organization, snapshot) => {
    const target = requireTarget(snapshot.actor, snapshot.targets.get(input.memberId));
    const { actor } = snapshot;
    enforce(decideTransfer({ actor, target: facts(target) }));
    if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");

    const now = ctx.now();
    await cancelPending(tx, organization, actorUserId, now, "replaced");
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + TRANSFER_TTL_MS);
    const [transfer] = await tx
      .insert(ownershipTransfers)
      .values({
        organizationId: organization.id,
        fromMemberId: actor.id,
        toMemberId: target.id,
        sentTo: actor.email,
        tokenHash: hash,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: ownershipTransfers.id });
    if (!transfer) throw new Error("orgkit: transfer insert returned nothing");

    await recordChange(
      tx,
      {
        organizationId: organization.id,
        actorUserId,
        action: "ownership.transfer_requested",
        targetType: "member",
        targetId: target.id,
        targetLabel: target.username,
        after: { to: target.username, sentTo: actor.email, expiresAt: expiresAt.toISOString() },
        at: now,
      },
      [
        {
          organizationId: organization.id,
          template: "ownership-transfer-confirmation",
          to: actor.email,
          subjectId: transfer.id,
          payload: {
            locale: shippedLocale(input.locale),
            organizationName: organization.name,
            ownerUsername: actor.username,
            targetUsername: target.username,
            targetEmail: target.email,
            expiresAt: expiresAt.toISOString(),
            sealedToken: sealToken(ctx.secret, token),
          },
          at: now,
        },
      ],
    );
    return { transferId: transfer.id, sentTo: actor.email, expiresAt };
  });
}

/** R22: the owner cancels the pending transfer; its link stops working. */
export function cancelOwnershipTransfer(ctx: OrgkitContext, actorUserId: string) {
  return withMembers(ctx, actorUserId, [], async (tx, organization, { actor }) => {
    const [pending] = await tx
      .select({ id: ownershipTransfers.id })
      .from(ownershipTransfers)
      .where(
        and(
          eq(ownershipTransfers.organizationId, organization.id),
          eq(ownershipTransfers.status, "PENDING"),
        ),
      );
    enforce(decideTransferCancellation({ actor, hasPendingTransfer: pending !== undefined }));
    if (!pending) throw new Error("orgkit: unreachable, the policy requires a transfer");
    await cancelPending(tx, organization, actorUserId, ctx.now());
    return { transferId: pending.id };
  });
}

/**
 * R23: signed in as the current owner, re-checks R20–R21, then in one transaction the
 * owner becomes ADMIN and the target OWNER. One UPDATE swaps them; the deferrable one-owner constraint forbids two owners.
 */
export function confirmOwnershipTransfer(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { token: string; locale?: string },
) {
  const now = ctx.now();
  const tokenHash = hashToken(input.token);
  return lockThenRead(
    ctx,
    actorUserId,
    // The claim, then the members it names, behind the lock in one round trip.
    {
      send: (tx, organizationId) =>
        Promise.all([
          claimTransfer(tx, organizationId, actorUserId, tokenHash, now),
          readMembers(tx, organizationId, actorUserId, {
            sql: transferTarget,
            values: { tokenHash },
          }),
        ]),
      organizationOf: ([, snapshot]) => snapshot.organizationId,
    },
    async (tx, organization, [transfer, snapshot]) => {
      if (!transfer) throw new PolicyError("TRANSFER_NOT_VALID");
      const target = snapshot.targets.get(transfer.toMemberId);
      const { actor } = snapshot;
      if (!target) throw new PolicyError("TRANSFER_NOT_VALID");
      enforce(decideTransferConfirmation({ actor, target: facts(target), transfer, now }));
      if (!actor) throw new Error("orgkit: unreachable, the policy requires a member");

      const notice = {
        // Both owners read it in the language of the one who confirmed.
        locale: shippedLocale(input.locale),
        organizationName: organization.name,
        previousOwner: actor.username,
        newOwner: target.username,
      };
      const notify = (to: string): OutboxEntry => ({
        organizationId: organization.id,
        template: "ownership-transferred",
        to,
        subjectId: transfer.id,
        payload: notice,
        at: now,
      });
      const swap = () =>
        swapOwner(
          tx,
          { ownerId: actor.id, targetId: target.id, at: now },
          {
            organizationId: organization.id,
            actorUserId,
            action: "ownership.transferred",
            targetType: "member",
            targetLabel: target.username,
            // Fixed keys: a username as a key could overwrite "owner" (a member named owner).
            before: { owner: actor.username, newOwnerRole: target.role },
            after: { owner: target.username, previousOwnerRole: "ADMIN" },
            at: now,
          },
          [notify(actor.email), notify(target.email)],
        );
      if (transfer.deletionPending) {
        // A deletion the previous owner asked for is theirs: the new owner decides anew.
        await cancelPendingDeletion(tx, organization, actorUserId, now, "ownership transferred");
        await swap();
      } else await lastStatement(tx, swap);
      return { ownerMemberId: target.id, previousOwnerMemberId: actor.id };
    },
  );
}

/** The member a transfer link names, as a subquery of the link's hash (`tokenHash`). */
const transferTarget = sql`(select ${ownershipTransfers.toMemberId} from ${ownershipTransfers} where ${ownershipTransfers.tokenHash} = ${sql.placeholder("tokenHash")})`;

/** `claimTransfer`'s statement, of the caller's current organization or of a given one. */
const claimStatement = reusableShapes<boolean, ClaimedTransfer[]>((callersOrganization) => (db) => {
  const organizationId = callersOrganization
    ? currentOrganizationId(sql.placeholder("actor"))
    : sql.placeholder("organization");
  const previous = alias(ownershipTransfers, "previous");
  return db
    .update(ownershipTransfers)
    .set(
      placeholderSet(ownershipTransfers, {
        status: "CONFIRMED",
        endedAt: sql.placeholder("now"),
      }),
    )
    .from(previous)
    .where(
      and(
        eq(ownershipTransfers.id, previous.id),
        eq(ownershipTransfers.tokenHash, sql.placeholder("tokenHash")),
        eq(ownershipTransfers.organizationId, organizationId),
      ),
    )
    .returning({
      id: previous.id,
      status: previous.status,
      fromMemberId: previous.fromMemberId,
      toMemberId: previous.toMemberId,
      expiresAt: previous.expiresAt,
      // Read under the lock: exact. Almost never true, so its statements are skipped.
      deletionPending: sql<boolean>`exists (select 1 from ${organizationDeletions} d where d.organization_id = ${organizationId} and d.status = 'PENDING')`,
    });
});

type ClaimedTransfer = {
  id: string;
  status: TransferStatus;
  fromMemberId: string;
  toMemberId: string;
  expiresAt: Date;
  deletionPending: boolean;
};

/**
 * Claims a transfer by its link: marks it CONFIRMED and returns its state from
 * before this statement. A refusal afterwards rolls the claim back. One statement instead of a
 * read and a later write. `organizationId` undefined names the caller's current organization, for
 * a claim sent behind the lock.
 */
async function claimTransfer(
  tx: Tx,
  organizationId: string | undefined,
  actorUserId: string,
  tokenHash: string,
  now: Date,
) {
  const [transfer] =
    organizationId === undefined
      ? await claimStatement(true)(tx, { actor: actorUserId, tokenHash, now })
      : await claimStatement(false)(tx, { organization: organizationId, tokenHash, now });
  return transfer;
}

/** `swapOwner`'s statement: the swap, its audit event and both notices. */
const swapStatement = reusable<unknown>((db) => {
  const ownerId = sql.placeholder("ownerId");
  const targetId = sql.placeholder("targetId");
  const swapped = db.$with("swapped").as(
    db
      .update(members)
      .set(
        placeholderSet(members, {
          role: sql`case when ${members.id} = ${ownerId} then 'ADMIN' else 'OWNER' end`,
          updatedAt: sql.placeholder("at"),
        }),
      )
      .where(
        and(
          eq(members.status, "ACTIVE"),
          or(
            and(eq(members.id, ownerId), eq(members.role, "OWNER")),
            and(eq(members.id, targetId), inArray(members.role, ["ADMIN", "USER"])),
          ),
        ),
      )
      .returning({ id: members.id }),
  );
  const appended = db.$with("appended").as(
    db
      .insert(auditEvents)
      .values({
        ...auditPlaceholders.row,
        targetId: sql`(select ${targetId}::text where (select count(*) from ${swapped}) = 2)`,
      })
      .returning({ id: auditEvents.id }),
  );
  return db
    .with(swapped, appended)
    .insert(emailOutbox)
    .values(emailPlaceholders(2).map((email) => email.row));
});

/**
 * The owner becomes ADMIN and the target OWNER in one UPDATE (the one-owner constraint is
 * deferrable, checked when the statement ends, when there is again exactly one owner), with
 * the change's audit event and both notices, all in one statement. The event names the
 * target only when both rows changed, so a swap that matched fewer fails the NOT NULL of
 * `target_id` and the transaction rolls back: the statement may be a transaction's last.
 */
async function swapOwner(
  tx: Tx,
  swap: { ownerId: string; targetId: string; at: Date },
  audit: Omit<AuditEntry, "targetId">,
  notices: [OutboxEntry, OutboxEntry],
) {
  await swapStatement(tx, { ...swap, ...auditValues(audit), ...emailValues(notices) });
}

export type TransferPreview = {
  organizationName: string;
  /** The target of this link's transfer (never whichever transfer is pending now). */
  targetUsername: string;
  expiresAt: Date;
  /** Whether confirming would succeed now, and why not. */
  decision: Decision;
};

/**
 * R23: what the confirm page shows for its own link: that link's transfer and the caller's
 * decision. Reading changes nothing.
 *
 * @throws PolicyError("TRANSFER_NOT_VALID") for an unknown, replaced, cancelled or used link,
 *   or one of another organization (R34).
 */
export async function previewOwnershipTransfer(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { token: string },
): Promise<TransferPreview> {
  const [transfer] = await ctx.db
    .select({
      status: ownershipTransfers.status,
      organizationId: ownershipTransfers.organizationId,
      organizationName: organizations.name,
      fromMemberId: ownershipTransfers.fromMemberId,
      toMemberId: ownershipTransfers.toMemberId,
      expiresAt: ownershipTransfers.expiresAt,
    })
    .from(ownershipTransfers)
    .innerJoin(organizations, eq(organizations.id, ownershipTransfers.organizationId))
    .where(
      and(
        eq(ownershipTransfers.tokenHash, hashToken(input.token)),
        sql`${ownershipTransfers.organizationId} = (select m.organization_id from ${members} m where m.id = ${currentMembershipId(actorUserId)})`,
      ),
    );
  if (transfer?.status !== "PENDING") throw new PolicyError("TRANSFER_NOT_VALID");
  const snapshot = await readMembers(ctx.db, transfer.organizationId, actorUserId, [
    transfer.toMemberId,
  ]);
  const target = snapshot.targets.get(transfer.toMemberId);
  if (!target) throw new PolicyError("TRANSFER_NOT_VALID");
  return {
    organizationName: transfer.organizationName,
    targetUsername: target.username,
    expiresAt: transfer.expiresAt,
    decision: decideTransferConfirmation({
      actor: snapshot.actor,
      target: facts(target),
      transfer,
      now: ctx.now(),
    }),
  };
}
