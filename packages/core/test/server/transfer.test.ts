import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  cancelOwnershipTransfer,
  changeRole,
  confirmOwnershipTransfer,
  getMyOrganization,
  listAuditEvents,
  previewOwnershipTransfer,
  removeMember,
  schema,
  startOwnershipTransfer,
} from "../../src/server";
import { createOrganization, latestToken, memberRow } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("ownership transfer on %s", (driver) => {
  const t = useDatabase(driver);
  const HOUR = 60 * 60 * 1000;

  it("R22 starting a transfer changes nothing and emails the owner a link; R24 it shows as pending", async () => {
    const org = await createOrganization(t.ctx);
    const started = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    expect(started.sentTo).toBe(org.owner.email);
    expect((await memberRow(t.ctx, org.owner.memberId)).role).toBe("OWNER");
    expect((await memberRow(t.ctx, org.admin.memberId)).role).toBe("ADMIN");
    const [mail] = await t.ctx.db
      .select()
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.subjectId, started.transferId));
    expect(mail).toMatchObject({
      to: org.owner.email,
      template: "ownership-transfer-confirmation",
    });
    const seenByAdmin = await getMyOrganization(t.ctx, org.admin.userId);
    expect(seenByAdmin?.pendingTransfer).toMatchObject({
      targetUsername: org.admin.username,
      sentTo: org.owner.email,
    });
  });

  it("R16 R23 the database itself refuses a second active owner; one statement may swap the two", async () => {
    const org = await createOrganization(t.ctx);
    const { members } = schema;
    // A second owner, written past the policy: the one-owner constraint refuses it.
    await expect(
      t.ctx.db.update(members).set({ role: "OWNER" }).where(eq(members.id, org.admin.memberId)),
    ).rejects.toThrow();
    expect((await memberRow(t.ctx, org.admin.memberId)).role).toBe("ADMIN");
    // Positive control: swapping in one statement ends with exactly one owner, so it holds.
    await t.ctx.db
      .update(members)
      .set({
        role: sql`case when ${members.id} = ${org.owner.memberId} then 'ADMIN' else 'OWNER' end`,
      })
      .where(inArray(members.id, [org.owner.memberId, org.admin.memberId]));
    expect((await memberRow(t.ctx, org.owner.memberId)).role).toBe("ADMIN");
    expect((await memberRow(t.ctx, org.admin.memberId)).role).toBe("OWNER");
  });

  it("R23 confirmation makes the owner ADMIN and the target OWNER; the link works once", async () => {
    const org = await createOrganization(t.ctx);
    const { transferId } = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.user.memberId,
    });
    const token = await latestToken(t.ctx, transferId);
    await confirmOwnershipTransfer(t.ctx, org.owner.userId, { token });
    expect((await memberRow(t.ctx, org.owner.memberId)).role).toBe("ADMIN");
    expect((await memberRow(t.ctx, org.user.memberId)).role).toBe("OWNER");
    const owners = await t.ctx.db
      .select()
      .from(schema.members)
      .where(
        and(
          eq(schema.members.organizationId, org.organizationId),
          eq(schema.members.role, "OWNER"),
        ),
      );
    expect(owners).toHaveLength(1);
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.user.userId, { token }),
      "TRANSFER_NOT_VALID",
    );
    expect((await getMyOrganization(t.ctx, org.user.userId))?.pendingTransfer).toBeNull();
  });

  it("R20 only the current owner can transfer or confirm", async () => {
    const org = await createOrganization(t.ctx);
    await expectRefused(
      startOwnershipTransfer(t.ctx, org.admin.userId, { memberId: org.user.memberId }),
      "TRANSFER_OWNER_ONLY",
    );
    const { transferId } = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    const token = await latestToken(t.ctx, transferId);
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.admin.userId, { token }),
      "TRANSFER_LINK_FOR_OWNER",
    );
    expect(await outcome(confirmOwnershipTransfer(t.ctx, org.owner.userId, { token }))).toBe("OK");
  });

  it("R23 the confirm page previews its own link's transfer; replaced links and non-owners are told why", async () => {
    const org = await createOrganization(t.ctx);
    const first = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.user.memberId,
    });
    const firstToken = await latestToken(t.ctx, first.transferId);
    const preview = await previewOwnershipTransfer(t.ctx, org.owner.userId, { token: firstToken });
    expect(preview.targetUsername).toBe(org.user.username);
    expect(preview.decision).toEqual({ allowed: true });
    // A non-owner of the organization is told the link is for the owner.
    const asAdmin = await previewOwnershipTransfer(t.ctx, org.admin.userId, { token: firstToken });
    expect(asAdmin.decision).toEqual({ allowed: false, reason: "TRANSFER_LINK_FOR_OWNER" });
    // Replaced: the old link shows nothing of the new transfer.
    const second = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    await expectRefused(
      previewOwnershipTransfer(t.ctx, org.owner.userId, { token: firstToken }),
      "TRANSFER_NOT_VALID",
    );
    const secondToken = await latestToken(t.ctx, second.transferId);
    expect(
      (await previewOwnershipTransfer(t.ctx, org.owner.userId, { token: secondToken }))
        .targetUsername,
    ).toBe(org.admin.username);
    // Another organization's owner learns nothing (R34).
    const other = await createOrganization(t.ctx);
    await expectRefused(
      previewOwnershipTransfer(t.ctx, other.owner.userId, { token: secondToken }),
      "TRANSFER_NOT_VALID",
    );
  });

  it("R21 not to yourself, a removed user or a VIEWER", async () => {
    const org = await createOrganization(t.ctx);
    const start = (memberId: string) =>
      startOwnershipTransfer(t.ctx, org.owner.userId, { memberId });
    await expectRefused(start(org.owner.memberId), "TRANSFER_TO_SELF");
    await expectRefused(start(org.viewer.memberId), "TRANSFER_TO_VIEWER");
    await removeMember(t.ctx, org.owner.userId, { memberId: org.user.memberId });
    await expectRefused(start(org.user.memberId), "TRANSFER_TO_REMOVED");
    expect(await outcome(start(org.admin.memberId))).toBe("OK");
  });

  it("R23 confirmation re-checks the target: demoted to VIEWER or removed meanwhile", async () => {
    const org = await createOrganization(t.ctx);
    const first = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.user.memberId,
    });
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.owner.userId, {
        token: await latestToken(t.ctx, first.transferId),
      }),
      "TRANSFER_TO_VIEWER",
    );
    const second = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    // The owner has the link (its email went out) before the target is removed.
    const secondToken = await latestToken(t.ctx, second.transferId);
    await removeMember(t.ctx, org.owner.userId, { memberId: org.admin.memberId });
    // R25: removing the target cancelled the transfer in the same transaction.
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.owner.userId, { token: secondToken }),
      "TRANSFER_NOT_VALID",
    );
    expect((await memberRow(t.ctx, org.owner.memberId)).role).toBe("OWNER");
  });

  it("R22 a new request replaces the previous one; the owner can cancel", async () => {
    const org = await createOrganization(t.ctx);
    const first = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.user.memberId,
    });
    const firstToken = await latestToken(t.ctx, first.transferId);
    const second = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.owner.userId, { token: firstToken }),
      "TRANSFER_NOT_VALID",
    );
    expect(
      (await getMyOrganization(t.ctx, org.owner.userId))?.pendingTransfer?.targetUsername,
    ).toBe(org.admin.username);
    await expectRefused(cancelOwnershipTransfer(t.ctx, org.admin.userId), "TRANSFER_OWNER_ONLY");
    const secondToken = await latestToken(t.ctx, second.transferId);
    await cancelOwnershipTransfer(t.ctx, org.owner.userId);
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.owner.userId, { token: secondToken }),
      "TRANSFER_NOT_VALID",
    );
    await expectRefused(cancelOwnershipTransfer(t.ctx, org.owner.userId), "NO_PENDING_TRANSFER");
    expect((await getMyOrganization(t.ctx, org.owner.userId))?.pendingTransfer).toBeNull();
    // R32: both ends are audited, the replaced one as replaced, the cancelled one as cancelled.
    const { items } = await listAuditEvents(t.ctx, org.owner.userId, {
      action: "ownership.transfer_cancelled",
    });
    expect(
      items.map(({ targetId, targetLabel, after }) => ({ targetId, targetLabel, after })),
    ).toEqual([
      {
        targetId: second.transferId,
        targetLabel: org.admin.username,
        after: { status: "CANCELLED" },
      },
      {
        targetId: first.transferId,
        targetLabel: org.user.username,
        after: { status: "CANCELLED", because: "replaced" },
      },
    ]);
  });

  it("R22 the confirmation link expires after 24 hours", async () => {
    const org = await createOrganization(t.ctx);
    const { transferId } = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    const token = await latestToken(t.ctx, transferId);
    t.clock.advance(24 * HOUR);
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, org.owner.userId, { token }),
      "TRANSFER_EXPIRED",
    );
    const again = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    t.clock.advance(24 * HOUR - 1);
    expect(
      await outcome(
        confirmOwnershipTransfer(t.ctx, org.owner.userId, {
          token: await latestToken(t.ctx, again.transferId),
        }),
      ),
    ).toBe("OK");
  });

  it("R34 a transfer token of another organization is not valid here", async () => {
    const mine = await createOrganization(t.ctx);
    const theirs = await createOrganization(t.ctx);
    const { transferId } = await startOwnershipTransfer(t.ctx, theirs.owner.userId, {
      memberId: theirs.admin.memberId,
    });
    const token = await latestToken(t.ctx, transferId);
    await expectRefused(
      confirmOwnershipTransfer(t.ctx, mine.owner.userId, { token }),
      "TRANSFER_NOT_VALID",
    );
    await expectRefused(
      startOwnershipTransfer(t.ctx, mine.owner.userId, { memberId: theirs.admin.memberId }),
      "NOT_FOUND",
    );
  });
});
