import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { COUNT_CAP, formatCount } from "../../src/policy";
import {
  changeRole,
  getMyOrganization,
  getPermissions,
  inviteUser,
  listAuditEvents,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from "../../src/server";
import { addMember, createOrganization, memberRow, unique } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("members on %s", (driver) => {
  const t = useDatabase(driver);

  it("R19 an admin changes an active member to ADMIN, USER or VIEWER, and it persists", async () => {
    const org = await createOrganization(t.ctx);
    for (const role of ["ADMIN", "VIEWER", "USER"] as const) {
      await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role });
      expect((await memberRow(t.ctx, org.user.memberId)).role).toBe(role);
    }
  });

  it("R17 the owner cannot be demoted, and no role change makes anyone OWNER", async () => {
    const org = await createOrganization(t.ctx);
    await expectRefused(
      changeRole(t.ctx, org.admin.userId, { memberId: org.owner.memberId, role: "ADMIN" }),
      "ROLE_CHANGE_OWNER",
    );
    await expectRefused(
      changeRole(t.ctx, org.owner.userId, { memberId: org.user.memberId, role: "OWNER" as never }),
      "ROLE_NOT_ASSIGNABLE",
    );
    expect((await memberRow(t.ctx, org.owner.memberId)).role).toBe("OWNER");
    expect(
      await outcome(
        changeRole(t.ctx, org.owner.userId, { memberId: org.user.memberId, role: "ADMIN" }),
      ),
    ).toBe("OK");
  });

  it("R18 removed users cannot be modified", async () => {
    const org = await createOrganization(t.ctx);
    await removeMember(t.ctx, org.admin.userId, { memberId: org.user.memberId });
    await expectRefused(
      changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "ADMIN" }),
      "ROLE_CHANGE_REMOVED",
    );
    expect((await memberRow(t.ctx, org.user.memberId)).role).toBe("USER");
  });

  it("R16 an admin may demote themselves while the owner remains admin-like", async () => {
    const org = await createOrganization(t.ctx);
    expect(
      await outcome(
        changeRole(t.ctx, org.admin.userId, { memberId: org.admin.memberId, role: "USER" }),
      ),
    ).toBe("OK");
    // Now a USER: user management is gone for them.
    await expectRefused(listMembers(t.ctx, org.admin.userId), "ADMIN_ACCESS_REQUIRED");
  });

  it("R3 USER and VIEWER cannot change roles or remove members", async () => {
    const org = await createOrganization(t.ctx);
    for (const actor of [org.user, org.viewer]) {
      await expectRefused(
        changeRole(t.ctx, actor.userId, { memberId: org.viewer.memberId, role: "USER" }),
        "ADMIN_ACCESS_REQUIRED",
      );
      await expectRefused(
        removeMember(t.ctx, actor.userId, { memberId: org.viewer.memberId }),
        "ADMIN_ACCESS_REQUIRED",
      );
      await expectRefused(listMembers(t.ctx, actor.userId), "ADMIN_ACCESS_REQUIRED");
    }
  });

  it("R25 a removed member stays listed as REMOVED and their next request is refused", async () => {
    const org = await createOrganization(t.ctx);
    const extra = await addMember(t.ctx, org.owner.userId, "ADMIN");
    expect(await outcome(listMembers(t.ctx, extra.userId))).toBe("OK");
    await removeMember(t.ctx, org.admin.userId, { memberId: extra.memberId });
    const listed = await listMembers(t.ctx, org.admin.userId, { status: "REMOVED" });
    expect(listed.items.map((m) => [m.username, m.status])).toEqual([[extra.username, "REMOVED"]]);
    await expectRefused(listMembers(t.ctx, extra.userId), "MEMBERSHIP_REMOVED");
    // R7: back in personal mode, while every organization procedure says why it refuses.
    expect(await getMyOrganization(t.ctx, extra.userId)).toBeNull();
    await expectRefused(
      changeRole(t.ctx, extra.userId, { memberId: org.user.memberId, role: "VIEWER" }),
      "MEMBERSHIP_REMOVED",
    );
  });

  it("R26 admins cannot remove themselves; R28 the owner cannot be removed", async () => {
    const org = await createOrganization(t.ctx);
    await expectRefused(
      removeMember(t.ctx, org.admin.userId, { memberId: org.admin.memberId }),
      "REMOVE_SELF",
    );
    await expectRefused(
      removeMember(t.ctx, org.owner.userId, { memberId: org.owner.memberId }),
      "REMOVE_SELF",
    );
    await expectRefused(
      removeMember(t.ctx, org.admin.userId, { memberId: org.owner.memberId }),
      "REMOVE_OWNER",
    );
    expect(
      await outcome(removeMember(t.ctx, org.owner.userId, { memberId: org.admin.memberId })),
    ).toBe("OK");
    await expectRefused(
      removeMember(t.ctx, org.owner.userId, { memberId: org.admin.memberId }),
      "REMOVE_ALREADY_REMOVED",
    );
  });

  it("R34 a member of another organization is NOT_FOUND, exactly like a missing one", async () => {
    const mine = await createOrganization(t.ctx);
    const theirs = await createOrganization(t.ctx);
    for (const memberId of [theirs.user.memberId, "no-such-member"]) {
      await expectRefused(
        changeRole(t.ctx, mine.admin.userId, { memberId, role: "VIEWER" }),
        "NOT_FOUND",
      );
      await expectRefused(removeMember(t.ctx, mine.admin.userId, { memberId }), "NOT_FOUND");
    }
    expect((await memberRow(t.ctx, theirs.user.memberId)).role).toBe("USER");
    // A non-admin learns nothing either way: they are refused before any lookup.
    await expectRefused(
      removeMember(t.ctx, mine.user.userId, { memberId: "no-such-member" }),
      "ADMIN_ACCESS_REQUIRED",
    );
  });

  it("R30 members list username, email, role and status, by username, with keyset pages and search", async () => {
    const org = await createOrganization(t.ctx);
    for (let i = 0; i < 5; i += 1)
      await addMember(t.ctx, org.owner.userId, "USER", unique(`page${i}-`));
    const first = await listMembers(t.ctx, org.admin.userId, { limit: 4 });
    expect(first.items).toHaveLength(4);
    const pages = [first];
    for (let cursor = first.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor ?? null) {
      pages.push(await listMembers(t.ctx, org.admin.userId, { limit: 4, cursor }));
    }
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 1]);
    const all = pages.flatMap((page) => page.items.map((m) => m.username));
    expect(new Set(all).size).toBe(9);
    expect(all).toEqual([...all].sort());
    expect(first.items[0]).toEqual(
      expect.objectContaining({
        username: expect.any(String),
        email: expect.any(String),
        role: expect.any(String),
        status: "ACTIVE",
      }),
    );
    const byEmail = await listMembers(t.ctx, org.admin.userId, {
      search: org.viewer.email.toUpperCase(),
    });
    expect(byEmail.items.map((m) => m.id)).toEqual([org.viewer.memberId]);
    const viewers = await listMembers(t.ctx, org.admin.userId, { role: "VIEWER" });
    expect(viewers.items.map((m) => m.id)).toEqual([org.viewer.memberId]);
    await expectRefused(
      listMembers(t.ctx, org.admin.userId, { cursor: "garbage" }),
      "INPUT_INVALID",
    );
  });

  it("R29 each listed member carries its own decisions, and the server enforces exactly them", async () => {
    const org = await createOrganization(t.ctx);
    const rowsOf = async (userId: string) =>
      new Map((await listMembers(t.ctx, userId, { limit: 100 })).items.map((m) => [m.id, m]));
    const asAdmin = await rowsOf(org.admin.userId);
    expect(asAdmin.get(org.owner.memberId)?.actions.changeRole).toEqual({
      allowed: false,
      reason: "ROLE_CHANGE_OWNER",
    });
    expect(asAdmin.get(org.owner.memberId)?.actions.remove).toMatchObject({
      allowed: false,
      reason: "REMOVE_OWNER",
    });
    expect(asAdmin.get(org.admin.memberId)?.actions.remove).toMatchObject({
      allowed: false,
      reason: "REMOVE_SELF",
    });
    expect(asAdmin.get(org.admin.memberId)?.isYou).toBe(true);
    expect(asAdmin.get(org.user.memberId)?.isYou).toBe(false);
    expect(asAdmin.get(org.user.memberId)?.actions.remove).toEqual({ allowed: true });
    expect(asAdmin.get(org.user.memberId)?.actions.transferOwnership).toMatchObject({
      allowed: false,
      reason: "TRANSFER_OWNER_ONLY",
    });
    expect(asAdmin.get(org.user.memberId)?.actions.roles.USER).toMatchObject({
      allowed: false,
      reason: "ROLE_UNCHANGED",
    });
    expect(asAdmin.get(org.user.memberId)?.actions.roles.ADMIN).toEqual({ allowed: true });

    const asOwner = await rowsOf(org.owner.userId);
    expect(asOwner.get(org.user.memberId)?.actions.transferOwnership).toEqual({ allowed: true });
    expect(asOwner.get(org.viewer.memberId)?.actions.transferOwnership).toMatchObject({
      allowed: false,
      reason: "TRANSFER_TO_VIEWER",
    });
    const page = await getPermissions(t.ctx, org.owner.userId);
    expect(page.cancelTransfer).toEqual({ allowed: false, reason: "NO_PENDING_TRANSFER" });

    // Every decision shown matches what the server does with the same request.
    await expectRefused(
      removeMember(t.ctx, org.admin.userId, { memberId: org.owner.memberId }),
      "REMOVE_OWNER",
    );
    expect(
      await outcome(removeMember(t.ctx, org.admin.userId, { memberId: org.user.memberId })),
    ).toBe("OK");

    const asUser = await getPermissions(t.ctx, org.viewer.userId);
    expect(asUser.userManagement).toEqual({ allowed: false, reason: "ADMIN_ACCESS_REQUIRED" });
    await expectRefused(listMembers(t.ctx, org.viewer.userId), "ADMIN_ACCESS_REQUIRED");
  });

  it("R30 counts stop past COUNT_CAP: 10,005 members read as 10,000+, fewer exactly", async () => {
    const org = await createOrganization(t.ctx);
    const tag = unique("cap");
    // Bulk, by SQL: through the services 10,000 members would take minutes.
    await t.ctx.db.execute(sql`insert into users (id, email, name, created_at)
      select ${tag} || '-' || g, ${tag} || '-' || g || '@example.test', null, now()
      from generate_series(1, ${COUNT_CAP + 5}::int) g`);
    await t.ctx.db.execute(sql`insert into members (id, organization_id, user_id, username, role, status, created_at, updated_at)
      select ${tag} || '-m' || g, ${org.organizationId}, ${tag} || '-' || g, ${tag} || '-' || g,
        'USER', case when g <= 3 then 'REMOVED' else 'ACTIVE' end, now(), now()
      from generate_series(1, ${COUNT_CAP + 5}::int) g`);
    const page = await listMembers(t.ctx, org.admin.userId, { status: "ACTIVE" });
    expect(page.total).toBe(COUNT_CAP + 1);
    expect(formatCount(page.total ?? 0)).toBe("10,000+");
    const mine = await getMyOrganization(t.ctx, org.admin.userId);
    expect(mine?.counts).toMatchObject({ members: COUNT_CAP + 1, removed: 3 });
    // Control: below the cap every count is exact.
    const searched = await listMembers(t.ctx, org.admin.userId, { search: `${tag}-99` });
    expect(searched.total).toBe(111); // -99, -990…-999, -9900…-9999
    expect(formatCount(searched.total ?? 0)).toBe("111");
    expect(formatCount(1234)).toBe("1,234");
  }, 60_000);

  it("R29 R30 decisions ride with every page: the 140th member and the 110th invitation", async () => {
    const org = await createOrganization(t.ctx);
    const tag = unique("m");
    for (let i = 0; i < 140; i += 1) {
      await addMember(t.ctx, org.owner.userId, "USER", `${tag}-${String(i).padStart(3, "0")}`);
    }
    for (let i = 0; i < 110; i += 1) {
      await inviteUser(t.ctx, org.owner.userId, {
        email: `${tag}p${i}@example.test`,
        username: `${tag}p${i}`,
        role: "VIEWER",
      });
    }
    const first = await listMembers(t.ctx, org.admin.userId, { limit: 100, status: "ACTIVE" });
    expect(first.total).toBe(144);
    const second = await listMembers(t.ctx, org.admin.userId, {
      limit: 100,
      status: "ACTIVE",
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.total).toBeNull();
    const late = second.items.find((m) => m.username === `${tag}-139`);
    expect(late?.actions.remove).toEqual({ allowed: true });
    expect(late?.actions.roles.ADMIN).toEqual({ allowed: true });

    const invitationsFirst = await listInvitations(t.ctx, org.admin.userId, { limit: 100 });
    expect(invitationsFirst.total).toBe(110);
    const invitationsSecond = await listInvitations(t.ctx, org.admin.userId, {
      limit: 100,
      cursor: invitationsFirst.nextCursor ?? undefined,
    });
    expect(invitationsSecond.items).toHaveLength(10);
    const oldest = invitationsSecond.items.at(-1);
    expect(oldest?.actions).toEqual({ resend: { allowed: true }, revoke: { allowed: true } });
    // Searched before the revoke below, which leaves the pending list.
    const searched = await listInvitations(t.ctx, org.admin.userId, {
      search: `${tag}P10`.toUpperCase(),
    });
    expect(searched.items.map((i) => i.username).sort()).toEqual(
      ["", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => `${tag}p10${d}`),
    );
    expect(searched.total).toBe(11);
    expect(
      await outcome(revokeInvitation(t.ctx, org.admin.userId, { invitationId: oldest?.id ?? "" })),
    ).toBe("OK");
    // Positive control beside the refusal: an invitation already revoked says why.
    const revoked = await listInvitations(t.ctx, org.admin.userId, {
      scope: "ALL",
      search: oldest?.username,
    });
    expect(revoked.items.find((i) => i.id === oldest?.id)?.actions.revoke).toMatchObject({
      allowed: false,
      reason: "INVITATION_ALREADY_REVOKED",
    });
  });

  it("R32 the audit log filters by action and by member (username or email, actor or target)", async () => {
    const org = await createOrganization(t.ctx);
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    const byTargetEmail = await listAuditEvents(t.ctx, org.owner.userId, {
      member: org.user.email.toUpperCase(),
    });
    expect(byTargetEmail.items.map((event) => event.action)).toContain("member.role_changed");
    const byActor = await listAuditEvents(t.ctx, org.owner.userId, { member: org.admin.username });
    const change = byActor.items.find((event) => event.action === "member.role_changed");
    expect(change?.actorUsername).toBe(org.admin.username);
    const roleChanges = await listAuditEvents(t.ctx, org.owner.userId, {
      action: "member.role_changed",
    });
    expect(roleChanges.items.map((event) => event.action)).toEqual(["member.role_changed"]);
    expect(
      (await listAuditEvents(t.ctx, org.owner.userId, { member: "nobody-matches-this" })).items,
    ).toEqual([]);
  });

  it("R32 each change appends one audit event with who, what, to whom, before and after", async () => {
    const org = await createOrganization(t.ctx);
    const before = (await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 })).items.length;
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    await expectRefused(
      removeMember(t.ctx, org.admin.userId, { memberId: org.owner.memberId }),
      "REMOVE_OWNER",
    );
    const events = (await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 })).items;
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({
      action: "member.role_changed",
      actorUserId: org.admin.userId,
      targetId: org.user.memberId,
      targetLabel: org.user.username,
      before: { role: "USER" },
      after: { role: "VIEWER" },
    });
    expect(events[0]?.createdAt).toEqual(t.clock.now());
    await expectRefused(listAuditEvents(t.ctx, org.user.userId), "ADMIN_ACCESS_REQUIRED");
  });
});
