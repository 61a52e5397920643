import {
  acceptInvitation,
  confirmOwnershipTransfer,
  enqueueEmails,
  inviteUser,
  listInvitations,
  resendInvitation,
  schema,
  startOwnershipTransfer,
} from "@orgkit/core/server";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  DAY,
  type Driver,
  type TestDatabase,
  unique,
} from "@orgkit/core/testing";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevMailboxTransport, type EmailTransport, readDevMailbox } from "../src/server";
import { deliverDueEmails, RENDER, tokenFromMailbox } from "./support";

describe.each<Driver>(["pglite", "postgres"])("outbox delivery on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database?.drop());

  const setup = () => {
    const { ctx, clock } = contextFor(database);
    const transport = createDevMailboxTransport(ctx.db, ctx.now);
    const deliver = () => deliverDueEmails(ctx, { transport, render: RENDER });
    return { ctx, clock, transport, deliver };
  };

  it("R14 R22 R23 R38 invitation, transfer confirmation and transfer notice arrive through the outbox", async () => {
    const { ctx, deliver } = setup();
    const org = await createOrganization(ctx);
    await deliver();
    const email = `${unique("arrive")}@example.test`;
    await inviteUser(ctx, org.admin.userId, { email, username: unique("arrive"), role: "USER" });
    expect((await deliver()).sent).toBe(1);
    const [invitation] = await readDevMailbox(ctx.db, { to: email.toUpperCase() });
    expect(invitation?.subject).toBe(`You are invited to join ${org.name}`);
    const accepted = await acceptInvitation(ctx, { token: await tokenFromMailbox(ctx.db, email) });
    expect(accepted.email).toBe(email);

    await startOwnershipTransfer(ctx, org.owner.userId, { memberId: org.admin.memberId });
    await deliver();
    const [confirmation] = await readDevMailbox(ctx.db, { to: org.owner.email });
    expect(confirmation?.subject).toBe(`Confirm the ownership transfer of ${org.name}`);
    await confirmOwnershipTransfer(ctx, org.owner.userId, {
      token: await tokenFromMailbox(ctx.db, org.owner.email),
    });
    expect((await deliver()).sent).toBe(2);
    for (const to of [org.owner.email, org.admin.email]) {
      const [notice] = await readDevMailbox(ctx.db, { to });
      expect(notice?.subject).toBe(`Ownership of ${org.name} was transferred`);
    }
    // Sent messages no longer hold a sealed token.
    const rows = await ctx.db
      .select({ payload: schema.emailOutbox.payload })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.status, "SENT"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => !("sealedToken" in row.payload))).toBe(true);
  });

  it("R38 a transaction rolled back after writing its outbox row sends nothing", async () => {
    const { ctx, deliver } = setup();
    const org = await createOrganization(ctx);
    await deliver();
    const to = `${unique("ghost")}@example.test`;
    const entry = {
      organizationId: org.organizationId,
      template: "ownership-transferred" as const,
      to,
      subjectId: "none",
      payload: { organizationName: org.name, previousOwner: "a", newOwner: "b" },
      at: ctx.now(),
    };
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueEmails(tx, [entry]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(await readDevMailbox(ctx.db, { to })).toEqual([]);
    // Positive control: the same entry, committed, is delivered.
    await ctx.db.transaction((tx) => enqueueEmails(tx, [entry]));
    expect((await deliver()).sent).toBe(1);
    expect(await readDevMailbox(ctx.db, { to })).toHaveLength(1);
  });

  it("R12 R38 resending while the first email is still queued: only the newest email goes out, and it works", async () => {
    const { ctx, deliver } = setup();
    const org = await createOrganization(ctx);
    const email = `${unique("twice")}@example.test`;
    const { invitationId } = await inviteUser(ctx, org.admin.userId, {
      email,
      username: unique("twice"),
      role: "USER",
    });
    await resendInvitation(ctx, org.admin.userId, { invitationId });
    await deliver();
    // The first email's link stopped working with the resend: it is cancelled, not sent.
    const messages = await readDevMailbox(ctx.db, { to: email });
    expect(messages).toHaveLength(1);
    const newest = await tokenFromMailbox(ctx.db, email, 0);
    await expect(acceptInvitation(ctx, { token: newest })).resolves.toMatchObject({ email });
  });

  it("R38 a message that keeps failing is dead-lettered, shown on the invitation, and Resend works again", async () => {
    const { ctx, clock, transport } = setup();
    const org = await createOrganization(ctx);
    await deliverDueEmails(ctx, { transport, render: RENDER });
    const failing: EmailTransport = {
      name: "down",
      send: () => Promise.reject(new Error("provider down")),
    };
    const email = `${unique("dead")}@example.test`;
    const { invitationId } = await inviteUser(ctx, org.admin.userId, {
      email,
      username: unique("dead"),
      role: "USER",
    });
    const reports = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      reports.push(
        await deliverDueEmails(ctx, { transport: failing, render: RENDER, maxAttempts: 3 }),
      );
      clock.advance(DAY);
    }
    expect(reports).toEqual([
      { sent: 0, retrying: 1, dead: 0 },
      { sent: 0, retrying: 1, dead: 0 },
      { sent: 0, retrying: 0, dead: 1 },
    ]);
    const listed = await listInvitations(ctx, org.admin.userId);
    expect(listed.items.find((i) => i.id === invitationId)?.emailStatus).toBe("DEAD");
    await resendInvitation(ctx, org.admin.userId, { invitationId });
    expect((await deliverDueEmails(ctx, { transport, render: RENDER })).sent).toBe(1);
    const after = await listInvitations(ctx, org.admin.userId);
    expect(after.items.find((i) => i.id === invitationId)?.emailStatus).toBe("SENT");
    const [dead] = await ctx.db
      .select({ n: count() })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.status, "DEAD"));
    expect(dead?.n).toBeGreaterThanOrEqual(1);
  });
});
