import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deliverDueOutbox,
  inviteUser,
  type OutboxMessage,
  PermanentDeliveryError,
  schema,
} from "../../src/server";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  latestToken,
  type TestDatabase,
  unique,
} from "../../src/testing";

const { emailOutbox } = schema;

describe("outbox lifecycle (core owns claim, lease, retry, dead letter)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database?.drop());

  it("R38 a stored message reaches deliver typed, its link token opened", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const email = `${unique("letter")}@example.test`;
    const username = unique("letter");
    const { invitationId } = await inviteUser(ctx, org.admin.userId, {
      email,
      username,
      role: "VIEWER",
    });
    const token = await latestToken(ctx, invitationId);
    const delivered: OutboxMessage[] = [];
    const report = await deliverDueOutbox(ctx, {
      deliver: async (message) => {
        delivered.push(message);
      },
    });
    expect(report).toEqual({ sent: 1, retrying: 0, dead: 0 });
    const [message] = delivered;
    expect(message?.template).toBe("invitation");
    expect(message?.to).toBe(email);
    expect(message?.attempt).toBe(1);
    if (message?.template !== "invitation") throw new Error("expected an invitation");
    expect(message.payload.username).toBe(username);
    expect(message.payload.role).toBe("VIEWER");
    expect(message.payload.token).toBe(token);
    expect(message.payload).not.toHaveProperty("sealedToken");
  });

  it("R38 a row that does not match its template is dead-lettered, never delivered", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const base = {
      organizationId: org.organizationId,
      to: "reader@example.test",
      nextAttemptAt: ctx.now(),
      createdAt: ctx.now(),
    };
    const rows = await ctx.db
      .insert(emailOutbox)
      .values([
        // Positive control: a well-formed notice.
        {
          ...base,
          subjectId: unique("ok"),
          template: "ownership-transferred",
          payload: { organizationName: "Acme", previousOwner: "a", newOwner: "b" },
        },
        {
          ...base,
          subjectId: unique("missing"),
          template: "ownership-transferred",
          payload: { organizationName: "Acme" },
        },
        {
          ...base,
          subjectId: unique("unknown"),
          template: "welcome",
          payload: { organizationName: "Acme" },
        },
        {
          ...base,
          subjectId: unique("unsealed"),
          template: "invitation",
          payload: {
            organizationName: "Acme",
            inviterUsername: "grace",
            username: "ada",
            role: "USER",
            expiresAt: "2026-12-04T09:30:00Z",
            version: 1,
            sealedToken: "not-sealed-with-this-secret",
          },
        },
      ])
      .returning({ id: emailOutbox.id });
    const delivered: string[] = [];
    const report = await deliverDueOutbox(ctx, {
      deliver: async (message) => {
        delivered.push(message.template);
      },
    });
    expect(report).toEqual({ sent: 1, retrying: 0, dead: 3 });
    expect(delivered).toEqual(["ownership-transferred"]);
    const stored = await ctx.db
      .select({ status: emailOutbox.status, lastError: emailOutbox.lastError })
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.id,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(emailOutbox.id);
    expect(stored.map((row) => row.status)).toEqual(["SENT", "DEAD", "DEAD", "DEAD"]);
    expect(stored[2]?.lastError).toContain("Unreadable welcome message");
  });

  it("R38 deliver's PermanentDeliveryError dead-letters; any other error retries with backoff", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    await inviteUser(ctx, org.admin.userId, {
      email: `${unique("p")}@example.test`,
      username: unique("p"),
      role: "USER",
    });
    await inviteUser(ctx, org.admin.userId, {
      email: `${unique("t")}@example.test`,
      username: unique("t"),
      role: "USER",
    });
    let calls = 0;
    const report = await deliverDueOutbox(ctx, {
      deliver: async () => {
        calls += 1;
        throw calls === 1 ? new PermanentDeliveryError("address rejected") : new Error("timeout");
      },
    });
    expect(report).toEqual({ sent: 0, retrying: 1, dead: 1 });
    // The retry is not due before its backoff: a pass right away claims nothing.
    expect(await deliverDueOutbox(ctx, { deliver: async () => {} })).toEqual({
      sent: 0,
      retrying: 0,
      dead: 0,
    });
    clock.advance(60_000);
    expect(await deliverDueOutbox(ctx, { deliver: async () => {} })).toEqual({
      sent: 1,
      retrying: 0,
      dead: 0,
    });
    const [sent] = await ctx.db
      .select({ payload: emailOutbox.payload })
      .from(emailOutbox)
      .where(eq(emailOutbox.status, "SENT"))
      .orderBy(emailOutbox.id)
      .limit(1);
    expect(sent?.payload).not.toHaveProperty("sealedToken");
  });
});
