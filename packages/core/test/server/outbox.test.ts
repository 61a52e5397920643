import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DeliveryFailure,
  deliverDueOutbox,
  inviteUser,
  type OutboxMessage,
  PermanentDeliveryError,
  resendInvitation,
  revokeInvitation,
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

  it("R14 Locales: an invitation keeps the inviter's chosen language for its email and its resend", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const invite = (locale?: string) =>
      inviteUser(ctx, org.admin.userId, {
        email: `${unique("sprache")}@example.test`,
        username: unique("sprache"),
        role: "USER",
        ...(locale ? { locale } : {}),
      });
    const german = await invite("de-AT");
    const english = await invite();
    const unshipped = await invite("fr");
    await resendInvitation(ctx, org.admin.userId, { invitationId: german.invitationId });
    const locales = new Map<string, (string | undefined)[]>();
    await deliverDueOutbox(ctx, {
      deliver: async (message) => {
        if (message.template !== "invitation") return;
        locales.set(message.to, [...(locales.get(message.to) ?? []), message.payload.locale]);
      },
    });
    const stored = await ctx.db
      .select({
        id: schema.invitations.id,
        email: schema.invitations.email,
        locale: schema.invitations.locale,
      })
      .from(schema.invitations)
      .where(
        inArray(schema.invitations.id, [
          german.invitationId,
          english.invitationId,
          unshipped.invitationId,
        ]),
      );
    const byId = new Map(stored.map((row) => [row.id, row]));
    // A region falls back to its language; a language orgkit does not ship, and none, to English.
    expect(byId.get(german.invitationId)?.locale).toBe("de");
    expect(byId.get(english.invitationId)?.locale).toBe("en");
    expect(byId.get(unshipped.invitationId)?.locale).toBe("en");
    // The resend's email is German too (the first one was cancelled by the resend).
    expect(locales.get(byId.get(german.invitationId)?.email ?? "")).toEqual(["de"]);
    expect(locales.get(byId.get(english.invitationId)?.email ?? "")).toEqual(["en"]);
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
    // The unopenable token is retried: another instance may hold the secret that sealed it.
    expect(report).toEqual({ sent: 1, retrying: 1, dead: 2 });
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
    expect(stored.map((row) => row.status)).toEqual(["SENT", "DEAD", "DEAD", "PENDING"]);
    expect(stored[2]?.lastError).toContain("Unreadable welcome message");
    expect(stored[3]?.lastError).toContain("AUTH_SECRET differs");
  });

  it("R33 R38 an instance with another secret leaves a sealed link for one that can open it", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const email = `${unique("rotated")}@example.test`;
    await inviteUser(ctx, org.admin.userId, { email, username: unique("rotated"), role: "USER" });
    const other = { ...ctx, secret: "another-secret-another-secret-another-00" };
    const delivered: string[] = [];
    const deliver = async (message: OutboxMessage) => {
      delivered.push(message.to);
    };
    expect(await deliverDueOutbox(other, { deliver })).toEqual({ sent: 0, retrying: 1, dead: 0 });
    expect(delivered).toEqual([]);
    // Control: the instance holding the sealing secret sends it on the retry.
    clock.advance(60_000);
    // (The unopenable row of the test above is due again too, and retried again.)
    expect(await deliverDueOutbox(ctx, { deliver })).toMatchObject({ sent: 1, dead: 0 });
    expect(delivered).toEqual([email]);
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

  it("R38 every failed attempt is reported (codes only), and a faulty reporter stops nothing", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const emails = [`${unique("r")}@example.test`, `${unique("r")}@example.test`];
    for (const email of emails) {
      await inviteUser(ctx, org.admin.userId, { email, username: unique("r"), role: "USER" });
    }
    // A permanent error from another copy of orgkit (a second bundle) is known by its name.
    class CopiedPermanentError extends Error {
      override readonly name = "PermanentDeliveryError";
    }
    const failures: DeliveryFailure[] = [];
    let calls = 0;
    const report = await deliverDueOutbox(ctx, {
      deliver: async (message) => {
        calls += 1;
        throw calls === 1
          ? new CopiedPermanentError(`rejected ${message.to}`)
          : Object.assign(new Error(`no route to ${message.to}`), { code: "ECONNREFUSED" });
      },
      onFailure: (failure) => {
        failures.push(failure);
        throw new Error("the host's reporter is broken");
      },
    });
    expect(report).toEqual({ sent: 0, retrying: 1, dead: 1 });
    expect(
      failures.map(({ outcome, template, attempt }) => ({ outcome, template, attempt })),
    ).toEqual([
      { outcome: "dead", template: "invitation", attempt: 1 },
      { outcome: "retrying", template: "invitation", attempt: 1 },
    ]);
    // The default reporter writes one line per failure, without the message's address.
    const lines: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => lines.push(args);
    try {
      clock.advance(3_600_000);
      await deliverDueOutbox(ctx, {
        deliver: async (message) => {
          throw Object.assign(new Error(`no route to ${message.to}`), { code: "ECONNREFUSED" });
        },
      });
    } finally {
      console.error = original;
    }
    const retried = lines.filter(
      ([, fields]) => (fields as DeliveryFailure).id === failures[1]?.id,
    );
    expect(retried).toHaveLength(1);
    expect(retried[0]?.[1]).toEqual({
      id: failures[1]?.id,
      template: "invitation",
      attempt: 2,
      outcome: "retrying",
      error: "Error",
      code: "ECONNREFUSED",
    });
    expect(JSON.stringify(lines)).not.toContain(emails[1]);
  });

  it("R40 a failure that quotes data (a driver's query error) is stored as codes only", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const email = `${unique("quoted")}@example.test`;
    const { invitationId } = await inviteUser(ctx, org.admin.userId, {
      email,
      username: unique("quoted"),
      role: "USER",
    });
    const queryError = (message: string) =>
      Object.assign(new Error(`Failed query: insert into dev_mailbox ... params: ${message}`), {
        name: "DrizzleQueryError",
        query: "insert into dev_mailbox",
        params: [message],
        cause: Object.assign(new Error("relation does not exist"), { code: "42P01" }),
      });
    await deliverDueOutbox(ctx, {
      deliver: async (message) => {
        throw queryError(message.to);
      },
      onFailure: () => {},
    });
    const [row] = await ctx.db
      .select({ lastError: emailOutbox.lastError })
      .from(emailOutbox)
      .where(eq(emailOutbox.subjectId, invitationId));
    expect(row?.lastError).toBe("DrizzleQueryError sqlstate=42P01");
    expect(row?.lastError).not.toContain(email);
  });

  it("R38 a worker whose lease ran out mid-batch changes nothing another worker reclaimed", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    for (const name of [unique("a"), unique("b"), unique("c")]) {
      await inviteUser(ctx, org.admin.userId, {
        email: `${name}@example.test`,
        username: name,
        role: "USER",
      });
    }
    const sends: { worker: string; key: string }[] = [];
    let calls = 0;
    const report = await deliverDueOutbox(ctx, {
      leaseMs: 1_000,
      deliver: async (message) => {
        sends.push({ worker: "A", key: message.key });
        calls += 1;
        // A slow provider: 600 ms a send. Each row's lease is renewed when its send starts,
        // but the third row's, taken with the batch, has run out by then, and B takes it.
        clock.advance(600);
        if (calls !== 2) return;
        const b = await deliverDueOutbox(ctx, {
          deliver: async (other) => {
            sends.push({ worker: "B", key: other.key });
          },
        });
        expect(b).toEqual({ sent: 1, retrying: 0, dead: 0 });
      },
    });
    expect(report).toEqual({ sent: 2, retrying: 0, dead: 0 });
    expect(sends.map((send) => send.worker)).toEqual(["A", "A", "B"]);
    expect(new Set(sends.map((send) => send.key)).size).toBe(3);
    const statuses = await ctx.db
      .select({ status: emailOutbox.status, attempts: emailOutbox.attempts })
      .from(emailOutbox)
      .where(eq(emailOutbox.organizationId, org.organizationId))
      .orderBy(emailOutbox.id);
    expect(statuses.slice(-3)).toEqual([
      { status: "SENT", attempts: 1 },
      { status: "SENT", attempts: 1 },
      { status: "SENT", attempts: 2 },
    ]);
  });

  it("R12 R13 R38 a revoked or resent invitation's queued email is cancelled, never sent", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueOutbox(ctx, { deliver: async () => {} });
    const invite = async (name: string) => ({
      ...(await inviteUser(ctx, org.admin.userId, {
        email: `${name}@example.test`,
        username: name,
        role: "USER",
      })),
      username: name,
    });
    const revoked = await invite(unique("revoked"));
    const resent = await invite(unique("resent"));
    const kept = await invite(unique("kept"));
    await revokeInvitation(ctx, org.admin.userId, { invitationId: revoked.invitationId });
    await resendInvitation(ctx, org.admin.userId, { invitationId: resent.invitationId });
    const delivered: string[] = [];
    await deliverDueOutbox(ctx, {
      deliver: async (message) => {
        delivered.push(message.to);
      },
    });
    // Positive control: the untouched invitation and the resend's new email go out, once each.
    expect(delivered.sort()).toEqual(
      [`${kept.username}@example.test`, `${resent.username}@example.test`].sort(),
    );
    const rows = await ctx.db
      .select({
        subjectId: emailOutbox.subjectId,
        status: emailOutbox.status,
        payload: emailOutbox.payload,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.organizationId, org.organizationId))
      .orderBy(emailOutbox.id);
    const cancelled = rows.filter((row) => row.status === "CANCELLED");
    expect(cancelled.map((row) => row.subjectId).sort()).toEqual(
      [revoked.invitationId, resent.invitationId].sort(),
    );
    for (const row of cancelled) expect(row.payload).not.toHaveProperty("sealedToken");
  });
});
