import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  activateOrganization,
  cancelOrganizationDeletion,
  changeRole,
  confirmOrganizationDeletion,
  confirmOwnershipTransfer,
  getMyOrganization,
  getPermissions,
  inviteUser,
  listAuditEvents,
  previewInvitation,
  previewOrganizationDeletion,
  removeMember,
  schema,
  startOrganizationDeletion,
  startOwnershipTransfer,
} from "../../src/server";
import { addMember, createOrganization, DAY, latestToken, unique } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("delete organization on %s", (driver) => {
  const t = useDatabase(driver);

  const deletionRows = (organizationId: string) =>
    t.ctx.db
      .select()
      .from(schema.organizationDeletions)
      .where(eq(schema.organizationDeletions.organizationId, organizationId));

  const outboxOf = (subjectId: string) =>
    t.ctx.db
      .select({ status: schema.emailOutbox.status, payload: schema.emailOutbox.payload })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.subjectId, subjectId));

  it("Delete organization: confirming removes every member, revokes invitations, cancels the transfer and frees the name, in one audited change", async () => {
    const org = await createOrganization(t.ctx);
    const invited = await inviteUser(t.ctx, org.admin.userId, {
      email: `${unique("late")}@example.test`,
      username: unique("late"),
      role: "USER",
    });
    const invitationToken = await latestToken(t.ctx, invited.invitationId);
    const transfer = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    const started = await startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name });
    expect(started.sentTo).toBe(org.owner.email);
    expect(started.expiresAt.getTime() - t.ctx.now().getTime()).toBe(DAY);
    const mine = await getMyOrganization(t.ctx, org.owner.userId);
    expect(mine?.pendingDeletion).toMatchObject({ sentTo: org.owner.email, expired: false });
    // An admin sees the organization, not the owner's pending deletion.
    expect((await getMyOrganization(t.ctx, org.admin.userId))?.pendingDeletion).toBeNull();

    const token = await latestToken(t.ctx, started.deletionId);
    const preview = await previewOrganizationDeletion(t.ctx, org.owner.userId, { token });
    expect(preview).toMatchObject({
      organizationName: org.name,
      activeMembers: 4,
      decision: { allowed: true },
    });
    const done = await confirmOrganizationDeletion(t.ctx, org.owner.userId, { token });
    expect(done).toMatchObject({ removedMembers: 4, revokedInvitations: 1 });

    const rows = await t.ctx.db
      .select({ status: schema.members.status, reason: schema.members.removalReason })
      .from(schema.members)
      .where(eq(schema.members.organizationId, org.organizationId));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === "REMOVED" && r.reason === "DELETED")).toBe(true);
    const [invitation] = await t.ctx.db
      .select({ status: schema.invitations.status })
      .from(schema.invitations)
      .where(eq(schema.invitations.id, invited.invitationId));
    expect(invitation?.status).toBe("REVOKED");
    const [pendingTransfer] = await t.ctx.db
      .select({ status: schema.ownershipTransfers.status })
      .from(schema.ownershipTransfers)
      .where(eq(schema.ownershipTransfers.id, transfer.transferId));
    expect(pendingTransfer?.status).toBe("CANCELLED");
    // Queued emails with links that stopped working are not sent, their tokens wiped (R38).
    for (const subject of [invited.invitationId, transfer.transferId]) {
      for (const email of await outboxOf(subject)) {
        if (email.status === "SENT") continue;
        expect(email.status).toBe("CANCELLED");
        expect(email.payload).not.toHaveProperty("sealedToken");
      }
    }
    const [organization] = await t.ctx.db
      .select({ deletedAt: schema.organizations.deletedAt })
      .from(schema.organizations)
      .where(eq(schema.organizations.id, org.organizationId));
    expect(organization?.deletedAt).toBeInstanceOf(Date);
    const audit = await t.ctx.db
      .select({ action: schema.auditEvents.action, after: schema.auditEvents.after })
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.organizationId, org.organizationId),
          eq(schema.auditEvents.action, "organization.deleted"),
        ),
      );
    expect(audit).toEqual([
      {
        action: "organization.deleted",
        after: { deleted: true, removedMembers: 4, revokedInvitations: 1, cancelledTransfers: 1 },
      },
    ]);

    // Everyone's next request is refused with a clear message, and they are in personal mode.
    for (const person of [org.owner, org.admin, org.user, org.viewer]) {
      expect(await getMyOrganization(t.ctx, person.userId)).toBeNull();
      expect((await getPermissions(t.ctx, person.userId)).userManagement).toEqual({
        allowed: false,
        reason: "ORGANIZATION_DELETED",
      });
    }
    await expectRefused(
      changeRole(t.ctx, org.owner.userId, { memberId: org.user.memberId, role: "VIEWER" }),
      "ORGANIZATION_DELETED",
    );
    // The invitee is told why: the organization is gone, not merely the link.
    await expectRefused(
      acceptInvitation(t.ctx, { token: invitationToken }),
      "INVITATION_ORGANIZATION_DELETED",
    );
    await expectRefused(
      previewInvitation(t.ctx, { token: invitationToken }),
      "INVITATION_ORGANIZATION_DELETED",
    );
    // The name is free again, and the former owner may activate it anew (R5, R7).
    const again = await activateOrganization(t.ctx, org.owner.userId, { name: org.name });
    expect(again.organization.name).toBe(org.name);
    // Control: a live organization's name stays taken.
    const live = await createOrganization(t.ctx);
    await expectRefused(
      activateOrganization(t.ctx, org.admin.userId, { name: live.name }),
      "ORGANIZATION_NAME_TAKEN",
    );
  });

  it("Delete organization: only the owner starts it, with the name typed exactly; a refusal writes nothing", async () => {
    const org = await createOrganization(t.ctx, unique("Acme "));
    for (const person of [org.admin, org.user, org.viewer]) {
      expect((await getPermissions(t.ctx, person.userId)).deleteOrganization).toEqual({
        allowed: false,
        reason: "DELETE_OWNER_ONLY",
      });
      await expectRefused(
        startOrganizationDeletion(t.ctx, person.userId, { name: org.name }),
        "DELETE_OWNER_ONLY",
      );
    }
    for (const typed of [org.name.toLowerCase(), `${org.name}x`, "", org.name.replace(" ", "")]) {
      await expectRefused(
        startOrganizationDeletion(t.ctx, org.owner.userId, { name: typed }),
        "DELETE_NAME_MISMATCH",
      );
    }
    expect(await deletionRows(org.organizationId)).toHaveLength(0);
    const events = await listAuditEvents(t.ctx, org.owner.userId, {});
    expect(events.items.some((e) => e.action.startsWith("organization.deletion"))).toBe(false);
    // Control: the owner, the name with stray white space around it.
    expect((await getPermissions(t.ctx, org.owner.userId)).deleteOrganization).toEqual({
      allowed: true,
    });
    expect(
      await outcome(startOrganizationDeletion(t.ctx, org.owner.userId, { name: ` ${org.name}  ` })),
    ).toBe("OK");
    expect(await deletionRows(org.organizationId)).toHaveLength(1);
  });

  it("R33 Delete organization: the link works once, for 24 hours, for the owner who asked; cancel and a new request end it", async () => {
    const org = await createOrganization(t.ctx);
    const first = await startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name });
    const firstToken = await latestToken(t.ctx, first.deletionId);
    // A new request replaces the previous one: its link stops working, its email is not sent.
    const second = await startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name });
    const secondToken = await latestToken(t.ctx, second.deletionId);
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.owner.userId, { token: firstToken }),
      "DELETION_NOT_VALID",
    );
    expect((await outboxOf(first.deletionId))[0]?.status).toBe("CANCELLED");
    // The replaced request's end is in the log, not only its start.
    const ended = await listAuditEvents(t.ctx, org.owner.userId, {
      action: "organization.deletion_cancelled",
    });
    expect(ended.items.map((e) => e.after)).toEqual([{ status: "CANCELLED", because: "replaced" }]);
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.owner.userId, { token: "not-a-token" }),
      "DELETION_NOT_VALID",
    );
    // An admin holding the owner's link cannot use it.
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.admin.userId, { token: secondToken }),
      "DELETION_LINK_FOR_OWNER",
    );
    // Expired after 24 hours.
    t.clock.advance(DAY);
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.owner.userId, { token: secondToken }),
      "DELETION_EXPIRED",
    );
    // Cancelled: the link stops working; cancelling twice says nothing is pending.
    await cancelOrganizationDeletion(t.ctx, org.owner.userId);
    await expectRefused(cancelOrganizationDeletion(t.ctx, org.owner.userId), "NO_PENDING_DELETION");
    await expectRefused(
      previewOrganizationDeletion(t.ctx, org.owner.userId, { token: secondToken }),
      "DELETION_NOT_VALID",
    );
    const [member] = await t.ctx.db
      .select({ status: schema.members.status })
      .from(schema.members)
      .where(eq(schema.members.id, org.user.memberId));
    expect(member?.status).toBe("ACTIVE");
    // Control: a fresh link confirms once; a second use meets the deleted organization.
    const third = await startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name });
    const token = await latestToken(t.ctx, third.deletionId);
    expect(await outcome(confirmOrganizationDeletion(t.ctx, org.owner.userId, { token }))).toBe(
      "OK",
    );
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.owner.userId, { token }),
      "ORGANIZATION_DELETED",
    );
  });

  it("R23 Delete organization: a transfer confirmed while a deletion is pending cancels it; the new owner's old link is refused", async () => {
    const org = await createOrganization(t.ctx);
    const deletion = await startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name });
    const token = await latestToken(t.ctx, deletion.deletionId);
    const transfer = await startOwnershipTransfer(t.ctx, org.owner.userId, {
      memberId: org.admin.memberId,
    });
    await confirmOwnershipTransfer(t.ctx, org.owner.userId, {
      token: await latestToken(t.ctx, transfer.transferId),
    });
    expect((await deletionRows(org.organizationId))[0]?.status).toBe("CANCELLED");
    const ended = await listAuditEvents(t.ctx, org.admin.userId, {
      action: "organization.deletion_cancelled",
    });
    expect(ended.items.map((e) => e.after)).toEqual([
      { status: "CANCELLED", because: "ownership transferred" },
    ]);
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.owner.userId, { token }),
      "DELETION_NOT_VALID",
    );
    await expectRefused(
      confirmOrganizationDeletion(t.ctx, org.admin.userId, { token }),
      "DELETION_NOT_VALID",
    );
    // Control: the new owner starts and confirms their own deletion.
    const own = await startOrganizationDeletion(t.ctx, org.admin.userId, { name: org.name });
    const ownToken = await latestToken(t.ctx, own.deletionId);
    expect(
      await outcome(confirmOrganizationDeletion(t.ctx, org.admin.userId, { token: ownToken })),
    ).toBe("OK");
  });

  it("Delete organization: a member removed before the deletion keeps their own reason", async () => {
    const org = await createOrganization(t.ctx);
    const extra = await addMember(t.ctx, org.owner.userId, "USER");
    await changeRole(t.ctx, org.owner.userId, { memberId: extra.memberId, role: "VIEWER" });
    await removeMember(t.ctx, org.admin.userId, { memberId: extra.memberId });
    const started = await startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name });
    const token = await latestToken(t.ctx, started.deletionId);
    await confirmOrganizationDeletion(t.ctx, org.owner.userId, { token });
    expect((await getPermissions(t.ctx, extra.userId)).userManagement).toMatchObject({
      reason: "MEMBERSHIP_REMOVED",
    });
    expect((await getPermissions(t.ctx, org.user.userId)).userManagement).toMatchObject({
      reason: "ORGANIZATION_DELETED",
    });
  });

  it("R37 Delete organization: each request emails a link, so a few per 10 minutes", async () => {
    const org = await createOrganization(t.ctx);
    for (let i = 0; i < 5; i += 1) {
      expect(
        await outcome(startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name })),
      ).toBe("OK");
    }
    await expectRefused(
      startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name }),
      "RATE_LIMITED",
    );
    // Control: after the window, the owner asks again.
    t.clock.advance(10 * 60 * 1000);
    expect(
      await outcome(startOrganizationDeletion(t.ctx, org.owner.userId, { name: org.name })),
    ).toBe("OK");
  });
});
