import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  consumeRateLimit,
  hashToken,
  inviteUser,
  listAuditEvents,
  memberUpdateWithAudit,
  resendInvitation,
  schema,
} from "../../src/server";
import { createOrganization, latestToken, unique } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("safety on %s", (driver) => {
  const t = useDatabase(driver);

  it("R33 a token is 256 random bits, stored only as its SHA-256 hash, nowhere in plain text", async () => {
    const org = await createOrganization(t.ctx);
    const { invitationId } = await inviteUser(t.ctx, org.admin.userId, {
      email: `${unique("tok")}@example.test`,
      username: unique("tok"),
      role: "USER",
    });
    const token = await latestToken(t.ctx, invitationId);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await t.ctx.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.id, invitationId));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(token).not.toContain(invitationId);
    // No column of any table holds the token.
    const dump = JSON.stringify(
      await Promise.all(
        [schema.invitations, schema.emailOutbox, schema.auditEvents, schema.ownershipTransfers].map(
          (table) => t.ctx.db.select().from(table),
        ),
      ),
    );
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashToken(token));
    // Each resend draws new randomness: tokens are never derived from the row.
    await resendInvitation(t.ctx, org.admin.userId, { invitationId });
    const next = await latestToken(t.ctx, invitationId);
    expect(next).not.toBe(token);
  });

  it("R32 the audit log is append-only: UPDATE and DELETE are refused by the database", async () => {
    const org = await createOrganization(t.ctx);
    const events = await listAuditEvents(t.ctx, org.owner.userId);
    expect(events.items.length).toBeGreaterThan(0);
    const id = events.items[0]?.id ?? 0;
    await expect(
      t.ctx.db
        .update(schema.auditEvents)
        .set({ action: "forged" })
        .where(eq(schema.auditEvents.id, id)),
    ).rejects.toThrow();
    await expect(
      t.ctx.db.delete(schema.auditEvents).where(eq(schema.auditEvents.id, id)),
    ).rejects.toThrow();
    const [still] = await t.ctx.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.id, id));
    expect(still?.action).toBe(events.items[0]?.action);
  });

  it("R32 R38 a refused change writes no audit event and no email", async () => {
    const org = await createOrganization(t.ctx);
    const count = async () => {
      const [row] = await t.ctx.db
        .select({
          audit: sql<number>`(select count(*)::int from ${schema.auditEvents})`,
          outbox: sql<number>`(select count(*)::int from ${schema.emailOutbox})`,
        })
        .from(schema.organizations)
        .limit(1);
      return row;
    };
    const before = await count();
    await expectRefused(
      inviteUser(t.ctx, org.admin.userId, {
        email: org.user.email,
        username: unique("dup"),
        role: "USER",
      }),
      "EMAIL_ALREADY_USED",
    );
    expect(await count()).toEqual(before);
    await inviteUser(t.ctx, org.admin.userId, {
      email: `${unique("ok")}@example.test`,
      username: unique("ok"),
      role: "USER",
    });
    const after = await count();
    expect(after).toEqual({ audit: (before?.audit ?? 0) + 1, outbox: (before?.outbox ?? 0) + 1 });
  });

  it("R37 rate-limit counters live in the database and refuse past the limit with a wait", async () => {
    const key = unique("invite:actor:");
    const limit = { limit: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i += 1)
      expect(await outcome(consumeRateLimit(t.ctx, key, limit))).toBe("OK");
    const refused = await consumeRateLimit(t.ctx, key, limit).catch((error: unknown) => error);
    expect(refused).toMatchObject({ reason: "RATE_LIMITED" });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key is counted apart; the next window starts afresh.
    expect(await outcome(consumeRateLimit(t.ctx, `${key}:other`, limit))).toBe("OK");
    t.clock.advance(60_000);
    expect(await outcome(consumeRateLimit(t.ctx, key, limit))).toBe("OK");
  });
});

describe.each(DRIVERS)("audit guard on %s", (driver) => {
  const t = useDatabase(driver);

  it("R32 an update that matched no row records no event and fails", async () => {
    const org = await createOrganization(t.ctx);
    const audit = {
      organizationId: org.organizationId,
      actorUserId: org.owner.userId,
      action: "member.removed" as const,
      targetType: "member" as const,
      targetLabel: "nobody",
      at: t.ctx.now(),
    };
    const events = async () =>
      (await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 })).items.length;
    const before = await events();
    const remove = memberUpdateWithAudit((id) => eq(schema.members.id, id), ["status"]);
    // target_id is NOT NULL: the event of an update that changed nothing cannot be written.
    await expect(
      t.ctx.db.transaction((tx) => remove(tx, "no-such-member", { status: "REMOVED" }, audit)),
    ).rejects.toMatchObject({ cause: { code: "23502" } });
    expect(await events()).toBe(before);
    // Positive control: the same kind of statement on a real member writes both.
    const setRole = memberUpdateWithAudit((id) => eq(schema.members.id, id), ["role"]);
    await t.ctx.db.transaction((tx) => setRole(tx, org.viewer.memberId, { role: "USER" }, audit));
    expect(await events()).toBe(before + 1);
  });
});
