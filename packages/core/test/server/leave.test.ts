import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  getMyOrganization,
  getPermissions,
  leaveOrganization,
  listAuditEvents,
  listMembers,
  removeMember,
  schema,
  startOwnershipTransfer,
} from "../../src/server";
import { addMember, createOrganization, memberRow } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("leave organization on %s", (driver) => {
  const t = useDatabase(driver);

  it("R7 a USER or VIEWER leaves: REMOVED with reason LEFT, back in personal mode, audited", async () => {
    const org = await createOrganization(t.ctx);
    expect((await getPermissions(t.ctx, org.viewer.userId)).leave).toEqual({ allowed: true });
    expect(await outcome(leaveOrganization(t.ctx, org.viewer.userId))).toBe("OK");
    expect(await outcome(leaveOrganization(t.ctx, org.user.userId))).toBe("OK");
    const row = await memberRow(t.ctx, org.viewer.memberId);
    expect(row).toMatchObject({ status: "REMOVED", removalReason: "LEFT" });
    expect(row.removedAt).toBeInstanceOf(Date);
    // Personal mode again (R7): they may activate or accept an invitation.
    expect(await getMyOrganization(t.ctx, org.viewer.userId)).toBeNull();
    const leavers = await listMembers(t.ctx, org.admin.userId, { status: "REMOVED" });
    expect(leavers.items.map((m) => m.username).sort()).toEqual(
      [row.username, (await memberRow(t.ctx, org.user.memberId)).username].sort(),
    );
    const events = await listAuditEvents(t.ctx, org.admin.userId, { action: "member.left" });
    expect(events.items).toHaveLength(2);
    // Their next organization request says they left (R25's refusal, in their own words).
    await expectRefused(leaveOrganization(t.ctx, org.viewer.userId), "MEMBERSHIP_LEFT");
    expect((await getPermissions(t.ctx, org.viewer.userId)).userManagement).toMatchObject({
      allowed: false,
      reason: "MEMBERSHIP_LEFT",
    });
    // Control: a member an admin removed is told so.
    const removed = await addMember(t.ctx, org.owner.userId, "USER");
    await removeMember(t.ctx, org.admin.userId, { memberId: removed.memberId });
    await expectRefused(leaveOrganization(t.ctx, removed.userId), "MEMBERSHIP_REMOVED");
  });

  it("R26 R28 an ADMIN and the OWNER cannot leave, with the policy's reason; nothing is written", async () => {
    const org = await createOrganization(t.ctx);
    expect((await getPermissions(t.ctx, org.admin.userId)).leave).toEqual({
      allowed: false,
      reason: "LEAVE_ADMIN",
    });
    await expectRefused(leaveOrganization(t.ctx, org.admin.userId), "LEAVE_ADMIN");
    await expectRefused(leaveOrganization(t.ctx, org.owner.userId), "LEAVE_OWNER");
    expect(await memberRow(t.ctx, org.admin.memberId)).toMatchObject({ status: "ACTIVE" });
    expect(await memberRow(t.ctx, org.owner.memberId)).toMatchObject({ status: "ACTIVE" });
    const events = await listAuditEvents(t.ctx, org.admin.userId, { action: "member.left" });
    expect(events.items).toHaveLength(0);
    // Control: a USER of the same organization leaves.
    expect(await outcome(leaveOrganization(t.ctx, org.user.userId))).toBe("OK");
  });

  it("R25 leaving cancels a pending ownership transfer to the leaver", async () => {
    const org = await createOrganization(t.ctx);
    const target = await addMember(t.ctx, org.owner.userId, "USER");
    const { transferId } = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: target.memberId,
    });
    expect(await outcome(leaveOrganization(t.ctx, target.userId))).toBe("OK");
    const [transfer] = await t.ctx.db
      .select({ status: schema.ownershipTransfers.status })
      .from(schema.ownershipTransfers)
      .where(eq(schema.ownershipTransfers.id, transferId));
    expect(transfer?.status).toBe("CANCELLED");
    const mine = await getMyOrganization(t.ctx, org.owner.userId);
    expect(mine?.pendingTransfer).toBeNull();
  });

  it("R18 an admin's actions on a member who left: removed users cannot be modified", async () => {
    const org = await createOrganization(t.ctx);
    expect(await outcome(leaveOrganization(t.ctx, org.user.userId))).toBe("OK");
    const page = await listMembers(t.ctx, org.admin.userId, { status: "REMOVED" });
    const left = page.items.find((m) => m.id === org.user.memberId);
    expect(left?.removalReason).toBe("LEFT");
    expect(left?.actions.remove).toMatchObject({
      allowed: false,
      reason: "REMOVE_ALREADY_REMOVED",
    });
    // Control: an active member of the same organization may still be removed.
    const viewer = await listMembers(t.ctx, org.admin.userId, { status: "ACTIVE" });
    expect(viewer.items.find((m) => m.id === org.viewer.memberId)?.actions.remove).toMatchObject({
      allowed: true,
    });
  });
});
