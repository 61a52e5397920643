import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit-log";
import type { Tx } from "../db";
import { lastStatement } from "../last-statement";
import { cancelQueuedEmails } from "../outbox";
import { ownershipTransfers } from "../schema";

/**
 * R25: a pending ownership transfer to a member who stops being one (removed, or left) is
 * cancelled in the same transaction, its queued confirmation email with it, and audited.
 */
export async function cancelTransfersTo(
  tx: Tx,
  organizationId: string,
  target: { id: string; username: string },
  actorUserId: string,
  now: Date,
  because: "target removed" | "target left",
): Promise<void> {
  const cancelled = await tx
    .update(ownershipTransfers)
    .set({ status: "CANCELLED", endedAt: now })
    .where(
      and(
        eq(ownershipTransfers.organizationId, organizationId),
        eq(ownershipTransfers.toMemberId, target.id),
        eq(ownershipTransfers.status, "PENDING"),
      ),
    )
    .returning({ id: ownershipTransfers.id });
  for (const transfer of cancelled) {
    await cancelQueuedEmails(tx, transfer.id);
    await appendAudit(tx, {
      organizationId,
      actorUserId,
      action: "ownership.transfer_cancelled",
      targetType: "ownership_transfer",
      targetId: transfer.id,
      targetLabel: target.username,
      before: { status: "PENDING" },
      after: { status: "CANCELLED", because },
      at: now,
    });
  }
}

/**
 * R25: ends a membership with `update`, one statement that fails when it matches no row (a
 * `memberUpdateWithAudit`), and cancels a pending transfer to the member after it. Without one,
 * the update is the transaction's last statement, with COMMIT right behind it (`lastStatement`).
 *
 * @example await endMembership(tx, organization.id, target, actorUserId, now, "target removed", remove);
 */
export async function endMembership(
  tx: Tx,
  organizationId: string,
  member: { id: string; username: string; transferPending: boolean },
  actorUserId: string,
  now: Date,
  because: "target removed" | "target left",
  update: () => Promise<void>,
): Promise<void> {
  if (!member.transferPending) return lastStatement(tx, update);
  await update();
  await cancelTransfersTo(tx, organizationId, member, actorUserId, now, because);
}
