import type { Placeholder, SQL } from "drizzle-orm";
import type { Role } from "../../policy";
import type { Tx } from "../db";
import { lastStatement } from "../last-statement";
import { memberUpdateWithAudit } from "../record-change";
import { cancelTransfersTo } from "./cancel-transfers";

/**
 * The statement that ends a membership: the member row matching `where` becomes REMOVED, with
 * its audit event (`memberUpdateWithAudit`; it fails when it matches no row).
 */
export const membershipEnd = (where: (memberId: Placeholder) => SQL | undefined) =>
  memberUpdateWithAudit(where, ["status", "removedAt", "updatedAt", "removalReason"]);

const ENDINGS = {
  REMOVED: { action: "member.removed", because: "target removed" },
  LEFT: { action: "member.left", because: "target left" },
} as const;

/**
 * R25–R28: ends a membership with `end` (removed by an admin, or left), audited, and cancels a
 * pending transfer to the member after it. Without one, the update is the transaction's last
 * statement, with COMMIT right behind it (`lastStatement`).
 *
 * @example await endMembership(tx, removal, { organizationId, actorUserId, member, reason: "REMOVED", now });
 */
export async function endMembership(
  tx: Tx,
  end: ReturnType<typeof membershipEnd>,
  ending: {
    organizationId: string;
    actorUserId: string;
    member: { id: string; username: string; role: Role; transferPending: boolean };
    reason: keyof typeof ENDINGS;
    now: Date;
  },
): Promise<void> {
  const { organizationId, actorUserId, member, reason, now } = ending;
  const { action, because } = ENDINGS[reason];
  const write = () =>
    end(
      tx,
      member.id,
      { status: "REMOVED", removedAt: now, updatedAt: now, removalReason: reason },
      {
        organizationId,
        actorUserId,
        action,
        targetType: "member",
        targetLabel: member.username,
        before: { status: "ACTIVE", role: member.role },
        after: { status: "REMOVED", role: member.role },
        at: now,
      },
    );
  if (!member.transferPending) return lastStatement(tx, write);
  await write();
  await cancelTransfersTo(tx, organizationId, member, actorUserId, now, because);
}
