import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  changeRole,
  getMyOrganization,
  inviteUser,
  listInvitations,
  listMembers,
  previewInvitation,
  removeMember,
  resendInvitation,
  revokeInvitation,
  schema,
} from "../../src/server";
import { createAccount, createOrganization, DAY, latestToken, unique } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("invitations on %s", (driver) => {
  const t = useDatabase(driver);
  const invite = (
    actorUserId: string,
    username = unique("inv"),
    role: "USER" | "ADMIN" | "VIEWER" = "USER",
  ) => inviteUser(t.ctx, actorUserId, { email: `${unique("mail")}@example.test`, username, role });

  it("R8 admins invite USER, ADMIN and VIEWER; OWNER is refused with the guide's words", async () => {
    const org = await createOrganization(t.ctx);
    for (const role of ["USER", "ADMIN", "VIEWER"] as const) {
      expect(await outcome(invite(org.admin.userId, unique("r"), role))).toBe("OK");
    }
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, {
        email: "o@example.test",
        username: "ooo",
        role: "OWNER" as never,
      }),
      "OWNER_NOT_INVITABLE",
    );
  });

  it("R3 USER and VIEWER cannot invite or list invitations; OWNER and ADMIN can", async () => {
    const org = await createOrganization(t.ctx);
    await expectRefused(invite(org.user.userId), "ADMIN_ACCESS_REQUIRED");
    await expectRefused(invite(org.viewer.userId), "ADMIN_ACCESS_REQUIRED");
    await expectRefused(listInvitations(t.ctx, org.viewer.userId), "ADMIN_ACCESS_REQUIRED");
    expect(await outcome(invite(org.owner.userId))).toBe("OK");
    expect(await outcome(listInvitations(t.ctx, org.admin.userId))).toBe("OK");
  });

  it("R9 refuses an invalid email, a registered one (any case) and one already invited", async () => {
    const org = await createOrganization(t.ctx);
    const elsewhere = await createOrganization(t.ctx);
    const base = { username: unique("e"), role: "USER" as const };
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, { ...base, email: "nope" }),
      "EMAIL_INVALID",
    );
    // Registered: an active member of an organization, compared without case.
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, { ...base, email: elsewhere.user.email.toUpperCase() }),
      "EMAIL_ALREADY_USED",
    );
    // A personal-mode account (it signed in first) is not registered: it can be invited.
    const personal = `${unique("reg")}@example.test`;
    await createAccount(t.ctx, personal);
    expect(
      await outcome(
        inviteUser(t.ctx, org.admin.userId, { ...base, email: personal.toUpperCase() }),
      ),
    ).toBe("OK");
    const fresh = `${unique("fresh")}@example.test`;
    expect(
      await outcome(
        inviteUser(t.ctx, org.admin.userId, { ...base, username: unique("f"), email: fresh }),
      ),
    ).toBe("OK");
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, {
        username: unique("e"),
        role: "USER",
        email: fresh.toUpperCase(),
      }),
      "EMAIL_ALREADY_USED",
    );
  });

  it("R10 refuses a malformed username and one used by a member or a pending invitation", async () => {
    const org = await createOrganization(t.ctx);
    await expectRefused(invite(org.admin.userId, "no spaces"), "USERNAME_INVALID");
    await expectRefused(invite(org.admin.userId, "ab"), "USERNAME_INVALID");
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, {
        email: `${unique("m")}@example.test`,
        username: org.user.username.toUpperCase(),
        role: "USER",
      }),
      "USERNAME_ALREADY_USED",
    );
    const pending = unique("pend");
    expect(await outcome(invite(org.admin.userId, pending))).toBe("OK");
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, {
        email: `${unique("x")}@example.test`,
        username: pending,
        role: "USER",
      }),
      "USERNAME_ALREADY_USED",
    );
    // Positive control: usernames are per organization.
    const other = await createOrganization(t.ctx);
    expect(
      await outcome(
        inviteUser(t.ctx, other.admin.userId, {
          email: `${unique("y")}@example.test`,
          username: pending,
          role: "USER",
        }),
      ),
    ).toBe("OK");
  });

  it("R10 a removed member's username is free again", async () => {
    const org = await createOrganization(t.ctx);
    await removeMember(t.ctx, org.admin.userId, { memberId: org.user.memberId });
    expect(await outcome(invite(org.admin.userId, org.user.username))).toBe("OK");
  });

  it("R11 R30 pending invitations show email, username, role, status and a 7-day expiry", async () => {
    const org = await createOrganization(t.ctx);
    const username = unique("list");
    const { invitationId } = await invite(org.admin.userId, username, "VIEWER");
    const { items } = await listInvitations(t.ctx, org.admin.userId);
    const row = items.find((item) => item.id === invitationId);
    expect(row).toMatchObject({ username, role: "VIEWER", status: "PENDING" });
    expect(row?.email).toMatch(/^mail.*@example\.test$/);
    expect(row?.expiresAt.getTime()).toBe(t.clock.now().getTime() + 7 * DAY);
  });

  it("R11 R15 after 7 days the invitation is EXPIRED and its link says so", async () => {
    const org = await createOrganization(t.ctx);
    const { invitationId } = await invite(org.admin.userId);
    const token = await latestToken(t.ctx, invitationId);
    t.clock.advance(7 * DAY - 1000);
    expect((await previewInvitation(t.ctx, { token })).status).toBe("PENDING");
    t.clock.advance(1000);
    const preview = await previewInvitation(t.ctx, { token });
    expect(preview.status).toBe("EXPIRED");
    expect(preview.decision).toEqual({ allowed: false, reason: "INVITATION_EXPIRED" });
    await expectRefused(acceptInvitation(t.ctx, { token }), "INVITATION_EXPIRED");
    const listed = await listInvitations(t.ctx, org.admin.userId);
    expect(listed.items.find((i) => i.id === invitationId)?.status).toBe("EXPIRED");
  });

  it("R12 resend issues a fresh token and expiry; the previous link stops working at once", async () => {
    const org = await createOrganization(t.ctx);
    const { invitationId } = await invite(org.admin.userId);
    const oldToken = await latestToken(t.ctx, invitationId);
    t.clock.advance(8 * DAY);
    const resent = await resendInvitation(t.ctx, org.admin.userId, { invitationId });
    expect(resent.expiresAt.getTime()).toBe(t.clock.now().getTime() + 7 * DAY);
    const newToken = await latestToken(t.ctx, invitationId);
    expect(newToken).not.toBe(oldToken);
    await expectRefused(acceptInvitation(t.ctx, { token: oldToken }), "INVITATION_NOT_VALID");
    expect(await outcome(acceptInvitation(t.ctx, { token: newToken }))).toBe("OK");
    await expectRefused(
      resendInvitation(t.ctx, org.admin.userId, { invitationId }),
      "INVITATION_NOT_RESENDABLE",
    );
  });

  it("R13 revoke invalidates the link; accepted invitations cannot be revoked", async () => {
    const org = await createOrganization(t.ctx);
    const revoked = await invite(org.admin.userId);
    const token = await latestToken(t.ctx, revoked.invitationId);
    await revokeInvitation(t.ctx, org.admin.userId, { invitationId: revoked.invitationId });
    await expectRefused(acceptInvitation(t.ctx, { token }), "INVITATION_NOT_VALID");
    await expectRefused(previewInvitation(t.ctx, { token }), "INVITATION_NOT_VALID");
    await expectRefused(
      revokeInvitation(t.ctx, org.admin.userId, { invitationId: revoked.invitationId }),
      "INVITATION_ALREADY_REVOKED",
    );
    const accepted = await invite(org.admin.userId);
    await acceptInvitation(t.ctx, { token: await latestToken(t.ctx, accepted.invitationId) });
    await expectRefused(
      revokeInvitation(t.ctx, org.admin.userId, { invitationId: accepted.invitationId }),
      "INVITATION_ACCEPTED",
    );
  });

  it("R14 opening the link changes nothing; accepting creates an active member once", async () => {
    const org = await createOrganization(t.ctx);
    const username = unique("joiner");
    const { invitationId } = await invite(org.admin.userId, username, "ADMIN");
    const token = await latestToken(t.ctx, invitationId);
    const preview = await previewInvitation(t.ctx, { token });
    expect(preview).toMatchObject({
      organizationName: org.name,
      username,
      role: "ADMIN",
      decision: { allowed: true },
    });
    await previewInvitation(t.ctx, { token });
    const usersBefore = await t.ctx.db.select({ id: schema.users.id }).from(schema.users);
    const members = await listMembers(t.ctx, org.admin.userId, { search: username });
    expect(members.items).toHaveLength(0);

    const accepted = await acceptInvitation(t.ctx, { token });
    const mine = await getMyOrganization(t.ctx, accepted.userId);
    expect(mine?.member).toMatchObject({ username, role: "ADMIN", status: "ACTIVE" });
    expect(mine?.organization.id).toBe(org.organizationId);
    const listed = await listMembers(t.ctx, org.admin.userId, { search: username });
    expect(listed.items.map((m) => m.username)).toEqual([username]);
    const usersAfter = await t.ctx.db.select({ id: schema.users.id }).from(schema.users);
    expect(usersAfter.length).toBe(usersBefore.length + 1);
    await expectRefused(acceptInvitation(t.ctx, { token }), "INVITATION_NOT_VALID");
  });

  it("R15 acceptance re-checks the email, the username and the inviter", async () => {
    const org = await createOrganization(t.ctx);
    const byAdmin = await invite(org.admin.userId);
    const emailTaken = await invite(org.owner.userId, unique("taken"));
    const control = await invite(org.owner.userId);
    const tokens = {
      byAdmin: await latestToken(t.ctx, byAdmin.invitationId),
      emailTaken: await latestToken(t.ctx, emailTaken.invitationId),
      control: await latestToken(t.ctx, control.invitationId),
    };
    await changeRole(t.ctx, org.owner.userId, { memberId: org.admin.memberId, role: "USER" });
    await expectRefused(acceptInvitation(t.ctx, { token: tokens.byAdmin }), "INVITER_NOT_ADMIN");
    const [row] = await t.ctx.db
      .select({ email: schema.invitations.email })
      .from(schema.invitations)
      .where(eq(schema.invitations.id, emailTaken.invitationId));
    // The invitee joined another organization first: the first accepted wins (R9, R15).
    const other = await createOrganization(t.ctx);
    const elsewhere = await inviteUser(t.ctx, other.owner.userId, {
      email: String(row?.email).toUpperCase(),
      username: unique("first"),
      role: "USER",
    });
    await acceptInvitation(t.ctx, { token: await latestToken(t.ctx, elsewhere.invitationId) });
    await expectRefused(
      acceptInvitation(t.ctx, { token: tokens.emailTaken }),
      "EMAIL_ALREADY_USED",
    );
    expect(await outcome(acceptInvitation(t.ctx, { token: tokens.control }))).toBe("OK");
  });

  it("R9 R14 an invitee who signed in on the host first joins with that same account", async () => {
    const org = await createOrganization(t.ctx);
    const email = `${unique("early")}@example.test`;
    const accountId = await createAccount(t.ctx, email);
    const sent = await inviteUser(t.ctx, org.admin.userId, {
      email: email.toUpperCase(),
      username: unique("early"),
      role: "USER",
    });
    const accepted = await acceptInvitation(t.ctx, {
      token: await latestToken(t.ctx, sent.invitationId),
    });
    expect(accepted.userId).toBe(accountId);
    expect((await getMyOrganization(t.ctx, accountId))?.organization.id).toBe(org.organizationId);
  });

  it("R15 a person who joined through a link and opens it again is told so; anyone else hears it is no longer valid", async () => {
    const org = await createOrganization(t.ctx);
    const sent = await invite(org.admin.userId);
    const token = await latestToken(t.ctx, sent.invitationId);
    const joined = await acceptInvitation(t.ctx, { token });
    await expectRefused(
      previewInvitation(t.ctx, { token }, joined.userId),
      "INVITATION_ALREADY_JOINED",
    );
    // Accepting again (a second tab) says the same.
    await expectRefused(
      acceptInvitation(t.ctx, { token }, joined.userId),
      "INVITATION_ALREADY_JOINED",
    );
    await expectRefused(acceptInvitation(t.ctx, { token }), "INVITATION_NOT_VALID");
    // Controls: signed out, or signed in as someone else, the used link is only no longer valid.
    await expectRefused(previewInvitation(t.ctx, { token }), "INVITATION_NOT_VALID");
    await expectRefused(
      previewInvitation(t.ctx, { token }, org.owner.userId),
      "INVITATION_NOT_VALID",
    );
    // Removed since, they did not stay joined: the link is no longer valid for them either.
    await removeMember(t.ctx, org.owner.userId, { memberId: joined.memberId });
    await expectRefused(previewInvitation(t.ctx, { token }, joined.userId), "INVITATION_NOT_VALID");
  });

  it("R15 an unknown token is no longer valid", async () => {
    await expectRefused(acceptInvitation(t.ctx, { token: "x".repeat(43) }), "INVITATION_NOT_VALID");
    await expectRefused(previewInvitation(t.ctx, { token: "" }), "INVITATION_NOT_VALID");
  });
});
