import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit-log";
import type { Tx } from "../db";
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
