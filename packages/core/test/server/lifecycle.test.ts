import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  activateOrganization,
  createContext,
  getMyOrganization,
  inviteUser,
  listAuditEvents,
  previewInvitation,
  removeMember,
  resendInvitation,
  schema,
  startOwnershipTransfer,
} from "../../src/server";
import {
  addMember,
  createAccount,
  createOrganization,
  DAY,
  latestToken,
  SECRET,
  unique,
} from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("lifecycles on %s", (driver) => {
  const t = useDatabase(driver);
  const person = () => {
    const username = unique("z");
    return { email: `${username}@example.test`, username, role: "USER" as const };
  };

  it("R9 R10 an expired invitation reserves nothing, in its organization or another", async () => {
    const a = await createOrganization(t.ctx);
    const b = await createOrganization(t.ctx);
    const z = person();
    await inviteUser(t.ctx, a.owner.userId, z);
    // Pending and unexpired: blocks its own organization, never another (R9).
    await expectRefused(inviteUser(t.ctx, a.admin.userId, z), "EMAIL_ALREADY_USED");
    expect(await outcome(inviteUser(t.ctx, b.owner.userId, z))).toBe("OK");
    t.clock.advance(8 * DAY);
    // Expired: the same email and username can be invited again, here too.
    expect(await outcome(inviteUser(t.ctx, a.admin.userId, z))).toBe("OK");
  });

  it("R10 R12 resending an expired invitation re-checks what a newer invitation took", async () => {
    const org = await createOrganization(t.ctx);
    const z = person();
    const old = await inviteUser(t.ctx, org.owner.userId, z);
    t.clock.advance(8 * DAY);
    const fresh = await inviteUser(t.ctx, org.owner.userId, z);
    await expectRefused(
      resendInvitation(t.ctx, org.owner.userId, { invitationId: old.invitationId }),
      "EMAIL_ALREADY_USED",
    );
    expect(
      await outcome(
        resendInvitation(t.ctx, org.owner.userId, { invitationId: fresh.invitationId }),
      ),
    ).toBe("OK");
  });

  it("R12 R15 the admin who resends becomes the inviter: a removed inviter's invitation works after a resend", async () => {
    const org = await createOrganization(t.ctx);
    const b = await addMember(t.ctx, org.owner.userId, "ADMIN");
    const staleInvite = await inviteUser(t.ctx, b.userId, person());
    const resentInvite = await inviteUser(t.ctx, b.userId, person());
    const staleToken = await latestToken(t.ctx, staleInvite.invitationId);
    await removeMember(t.ctx, org.owner.userId, { memberId: b.memberId });
    // Without a resend the removed inviter no longer vouches for it (R15).
    await expectRefused(acceptInvitation(t.ctx, { token: staleToken }), "INVITER_NOT_ADMIN");
    await resendInvitation(t.ctx, org.owner.userId, { invitationId: resentInvite.invitationId });
    const token = await latestToken(t.ctx, resentInvite.invitationId);
    expect((await previewInvitation(t.ctx, { token })).invitedBy).toBe(org.owner.username);
    const [email] = await t.ctx.db
      .select({ payload: schema.emailOutbox.payload })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.subjectId, resentInvite.invitationId))
      .orderBy(desc(schema.emailOutbox.id))
      .limit(1);
    expect(email?.payload.inviterUsername).toBe(org.owner.username);
    expect(await outcome(acceptInvitation(t.ctx, { token }))).toBe("OK");
  });

  it("R7 R9 a removed member is back in personal mode: invited again, by anyone, or activating", async () => {
    const org = await createOrganization(t.ctx);
    const other = await createOrganization(t.ctx);
    const gone = await addMember(t.ctx, org.owner.userId, "USER");
    const alsoGone = await addMember(t.ctx, org.owner.userId, "USER");
    // While active, the email is registered (R9).
    await expectRefused(
      inviteUser(t.ctx, other.owner.userId, { ...person(), email: gone.email }),
      "EMAIL_ALREADY_USED",
    );
    await removeMember(t.ctx, org.owner.userId, { memberId: gone.memberId });
    await removeMember(t.ctx, org.owner.userId, { memberId: alsoGone.memberId });
    const again = await inviteUser(t.ctx, other.owner.userId, { ...person(), email: gone.email });
    const joined = await acceptInvitation(t.ctx, {
      token: await latestToken(t.ctx, again.invitationId),
    });
    expect(joined.userId).toBe(gone.userId);
    expect((await getMyOrganization(t.ctx, gone.userId))?.organization.id).toBe(
      other.organizationId,
    );
    // The same organization may take them back too; their REMOVED row stays as history.
    const back = await inviteUser(t.ctx, org.owner.userId, {
      ...person(),
      email: alsoGone.email.toUpperCase(),
    });
    await acceptInvitation(t.ctx, { token: await latestToken(t.ctx, back.invitationId) });
    const rows = await t.ctx.db
      .select({ status: schema.members.status })
      .from(schema.members)
      .where(eq(schema.members.userId, alsoGone.userId));
    expect(rows.map((r) => r.status).sort()).toEqual(["ACTIVE", "REMOVED"]);
    // An active member cannot activate; a removed one can (R7).
    await expectRefused(
      activateOrganization(t.ctx, gone.userId, { name: unique("Org ") }),
      "ALREADY_IN_ORGANIZATION",
    );
    const third = await addMember(t.ctx, org.owner.userId, "USER");
    await removeMember(t.ctx, org.owner.userId, { memberId: third.memberId });
    expect(await outcome(activateOrganization(t.ctx, third.userId, { name: unique("Org ") }))).toBe(
      "OK",
    );
  });

  it("R25 removing the target of a pending transfer cancels it, with an audit event", async () => {
    const org = await createOrganization(t.ctx);
    await startOwnershipTransfer(t.ctx, org.owner.userId, { memberId: org.user.memberId });
    expect((await getMyOrganization(t.ctx, org.owner.userId))?.pendingTransfer).not.toBeNull();
    await removeMember(t.ctx, org.admin.userId, { memberId: org.admin.memberId }).catch(() => {});
    // Removing someone else leaves it pending.
    await removeMember(t.ctx, org.owner.userId, { memberId: org.viewer.memberId });
    expect((await getMyOrganization(t.ctx, org.owner.userId))?.pendingTransfer).not.toBeNull();
    await removeMember(t.ctx, org.owner.userId, { memberId: org.user.memberId });
    expect((await getMyOrganization(t.ctx, org.owner.userId))?.pendingTransfer).toBeNull();
    const { items } = await listAuditEvents(t.ctx, org.owner.userId);
    expect(items.map((e) => e.action).slice(0, 2)).toEqual([
      "ownership.transfer_cancelled",
      "member.removed",
    ]);
  });

  it("R39 R5 names that look identical are one name: composed and decomposed Ä", async () => {
    const composed = `Ärzte ${unique("X")}`;
    const decomposed = composed.replace("Ä", "A\u0308");
    expect(decomposed).not.toBe(composed);
    const first = await createAccount(t.ctx, `${unique("n")}@example.test`);
    const second = await createAccount(t.ctx, `${unique("n")}@example.test`);
    expect(await outcome(activateOrganization(t.ctx, first, { name: composed }))).toBe("OK");
    await expectRefused(
      activateOrganization(t.ctx, second, { name: decomposed.toUpperCase() }),
      "ORGANIZATION_NAME_TAKEN",
    );
    await expectRefused(
      activateOrganization(t.ctx, second, { name: `${composed.replace(" ", " \u200b")}` }),
      "ORGANIZATION_NAME_TAKEN",
    );
    // The unique index on the key backs the check when two requests pass it at once.
    await expect(
      t.ctx.db.insert(schema.organizations).values({
        name: decomposed,
        nameKey: (
          await t.ctx.db
            .select({ key: schema.organizations.nameKey })
            .from(schema.organizations)
            .where(eq(schema.organizations.name, composed))
        )[0]?.key as string,
      }),
    ).rejects.toThrow();
  });

  it("R37 only invitations the policy allows spend the budget, for direct callers of the service too", async () => {
    const org = await createOrganization(t.ctx);
    const second = await addMember(t.ctx, org.owner.userId, "ADMIN");
    const limited = createContext({
      db: t.ctx.db,
      secret: SECRET,
      now: t.clock.now,
      inviteRateLimits: { perActor: { limit: 2, windowMs: 60_000 } },
    });
    for (let i = 0; i < 20; i += 1) {
      await expectRefused(
        inviteUser(limited, org.viewer.userId, person()),
        "ADMIN_ACCESS_REQUIRED",
      );
      await expectRefused(
        inviteUser(limited, org.admin.userId, { ...person(), email: "not-an-email" }),
        "EMAIL_INVALID",
      );
    }
    expect(await outcome(inviteUser(limited, org.admin.userId, person()))).toBe("OK");
    expect(await outcome(inviteUser(limited, org.admin.userId, person()))).toBe("OK");
    await expectRefused(inviteUser(limited, org.admin.userId, person()), "RATE_LIMITED");
    // Another admin has a budget of their own.
    expect(await outcome(inviteUser(limited, second.userId, person()))).toBe("OK");
    const counted = await t.ctx.db
      .select({ count: schema.rateLimits.count })
      .from(schema.rateLimits)
      .where(and(eq(schema.rateLimits.key, `invite:actor:${org.viewer.userId}`)));
    expect(counted).toEqual([]);
  });
});
