import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  getMyOrganization,
  inviteUser,
  resendInvitation,
  setSeatLimit,
} from "../../src/server";
import { addMember, createOrganization, DAY, latestToken, unique } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("seat limits on %s", (driver) => {
  const t = useDatabase(driver);
  const invite = (userId: string) =>
    inviteUser(t.ctx, userId, {
      email: `${unique("seat")}@example.test`,
      username: unique("seat"),
      role: "USER",
    });

  it("seats are active members plus pending invitations; past the limit an invitation is refused, with the count", async () => {
    const org = await createOrganization(t.ctx); // 4 active members
    await setSeatLimit(t.ctx, org.organizationId, 6);
    expect((await getMyOrganization(t.ctx, org.admin.userId))?.counts?.seats).toEqual({
      used: 4,
      limit: 6,
    });
    expect(await outcome(invite(org.admin.userId))).toBe("OK");
    expect(await outcome(invite(org.admin.userId))).toBe("OK");
    await expectRefused(invite(org.admin.userId), "SEAT_LIMIT_REACHED");
    await expect(invite(org.admin.userId)).rejects.toThrow("Seat limit reached: 6 of 6 seats used");
    // Control: no limit, no refusal.
    await setSeatLimit(t.ctx, org.organizationId, null);
    expect(await outcome(invite(org.admin.userId))).toBe("OK");
    expect((await getMyOrganization(t.ctx, org.admin.userId))?.counts?.seats).toBeNull();
  });

  it("an expired invitation frees its seat; resending it takes one again", async () => {
    const org = await createOrganization(t.ctx);
    await setSeatLimit(t.ctx, org.organizationId, 5);
    const { invitationId } = await invite(org.admin.userId);
    await expectRefused(invite(org.admin.userId), "SEAT_LIMIT_REACHED");
    t.clock.advance(8 * DAY);
    // Expired: the seat is free for someone else…
    expect(await outcome(invite(org.admin.userId))).toBe("OK");
    // …and the expired one cannot be resent into a full organization.
    await expectRefused(
      resendInvitation(t.ctx, org.admin.userId, { invitationId }),
      "SEAT_LIMIT_REACHED",
    );
    await setSeatLimit(t.ctx, org.organizationId, 6);
    expect(await outcome(resendInvitation(t.ctx, org.admin.userId, { invitationId }))).toBe("OK");
  });

  it("accepting is refused when the members already fill a limit lowered since the invitation", async () => {
    const org = await createOrganization(t.ctx);
    const { invitationId } = await invite(org.admin.userId);
    const token = await latestToken(t.ctx, invitationId);
    await setSeatLimit(t.ctx, org.organizationId, 4);
    await expectRefused(acceptInvitation(t.ctx, { token }), "SEAT_LIMIT_REACHED");
    // Control: a seat freed by a higher limit lets the same link through.
    await setSeatLimit(t.ctx, org.organizationId, 5);
    expect(await outcome(acceptInvitation(t.ctx, { token }))).toBe("OK");
    await addMember(t.ctx, org.owner.userId, "VIEWER").then(
      () => {
        throw new Error("a sixth seat was given");
      },
      (error: Error) => expect(error.message).toBe("Seat limit reached: 5 of 5 seats used"),
    );
  });
});
