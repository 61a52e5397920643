import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  changeRole,
  deliverDueEvents,
  disableEventConsumer,
  erasePerson,
  inviteUser,
  listAuditEvents,
  pruneAuditLog,
  schema,
  setAuditRetention,
  startOrganizationDeletion,
  startOwnershipTransfer,
  syncEventConsumers,
  withRequestContext,
} from "../../src/server";
import { addMember, createOrganization, DAY, unique } from "../../src/testing";
import { DRIVERS, useDatabase } from "../support/suite";

const { auditEvents } = schema;

/** Rows of every table whose text holds `needle`, by table: a full scan of the database. */
async function tracesOf(
  db: import("../../src/server").Db,
  needle: string,
): Promise<Record<string, number>> {
  const rowsOf = (result: unknown) =>
    ((result as { rows?: unknown }).rows ?? result) as Record<string, unknown>[];
  const tables = rowsOf(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  ).map((row) => String(row.name));
  expect(tables.length).toBeGreaterThan(10);
  const found: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text ilike ${`%${needle}%`}`,
      ),
    );
    if (Number(row?.n) > 0) found[table] = Number(row?.n);
  }
  return found;
}

describe.each(DRIVERS)("audit log compliance on %s", (driver) => {
  const t = useDatabase(driver);

  it("R32 retention deletes only events older than the organization's period, then says so", async () => {
    const org = await createOrganization(t.ctx);
    await setAuditRetention(t.ctx, org.organizationId, 30);
    const before = await listAuditEvents(t.ctx, org.owner.userId);
    t.clock.advance(31 * DAY);
    // A fresh change, inside the period: it stays.
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    const { deleted } = await pruneAuditLog(t.ctx);
    expect(deleted).toBeGreaterThanOrEqual(before.items.length);
    const after = await listAuditEvents(t.ctx, org.owner.userId);
    expect(after.items.map((e) => e.action).sort()).toEqual([
      "audit.pruned",
      "member.role_changed",
    ]);
    // The append-only rule still holds outside the retention job.
    const [kept] = await t.ctx.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organizationId))
      .limit(1);
    await expect(
      t.ctx.db.delete(auditEvents).where(eq(auditEvents.id, kept?.id ?? 0)),
    ).rejects.toThrow();
  });

  it("R32 erasure replaces a person's email and usernames everywhere with a stable pseudonym; events stay", async () => {
    const org = await createOrganization(t.ctx);
    const person = await addMember(t.ctx, org.owner.userId, "USER", unique("eraseme"));
    await changeRole(t.ctx, org.admin.userId, { memberId: person.memberId, role: "ADMIN" });
    await startOwnershipTransfer(t.ctx, org.owner.userId, { memberId: person.memberId });
    expect(Object.keys(await tracesOf(t.ctx.db, person.email)).length).toBeGreaterThan(2);
    const eventsBefore = await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 });

    const erased = await erasePerson(t.ctx, { email: person.email.toUpperCase() });
    expect(erased.pseudonym).toMatch(/^erased-[a-z0-9_-]{12}$/);
    expect(erased.organizations).toBe(1);
    expect(await tracesOf(t.ctx.db, person.email)).toEqual({});
    expect(await tracesOf(t.ctx.db, person.username)).toEqual({});
    // Control: the scan does find what is still there.
    expect(await tracesOf(t.ctx.db, erased.pseudonym)).toMatchObject({
      audit_events: expect.any(Number),
    });

    const eventsAfter = await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 });
    expect(eventsAfter.items.length).toBe(eventsBefore.items.length + 1);
    expect(eventsAfter.items[0]).toMatchObject({ action: "person.erased" });
    expect(eventsAfter.items.some((e) => e.targetLabel === erased.pseudonym)).toBe(true);
    // Stable: the same request again finds nothing left and names the same pseudonym.
    const again = await erasePerson(t.ctx, { email: person.email });
    expect(again).toEqual({ pseudonym: erased.pseudonym, organizations: 0 });

    // Their sessions and sign-in accounts are gone with it.
    const [sessionsLeft] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.sessions)
      .where(eq(schema.sessions.userId, person.userId));
    expect(sessionsLeft?.n).toBe(0);

    // Someone only invited (no account yet): the invitation and its queued email are rewritten.
    const invitee = `${unique("invitee")}@example.test`;
    const inviteeName = unique("invitee");
    await inviteUser(t.ctx, org.admin.userId, {
      email: invitee,
      username: inviteeName,
      role: "USER",
    });
    expect(await tracesOf(t.ctx.db, invitee)).toMatchObject({ invitations: 1, email_outbox: 1 });
    expect((await erasePerson(t.ctx, { email: invitee })).organizations).toBe(1);
    expect(await tracesOf(t.ctx.db, invitee)).toEqual({});
    expect(await tracesOf(t.ctx.db, inviteeName)).toEqual({});

    // An owner with a pending deletion: its request and its queued email are rewritten too.
    const owned = await createOrganization(t.ctx);
    await startOrganizationDeletion(t.ctx, owned.owner.userId, { name: owned.name });
    expect(await tracesOf(t.ctx.db, owned.owner.email)).toMatchObject({
      organization_deletions: 1,
      email_outbox: 1,
    });
    await erasePerson(t.ctx, { email: owned.owner.email });
    expect(await tracesOf(t.ctx.db, owned.owner.email)).toEqual({});
    expect(await tracesOf(t.ctx.db, owned.owner.username)).toEqual({});
  });

  it("R32 erasure's door in the audit log lets only personal fields change", async () => {
    const org = await createOrganization(t.ctx);
    const [event] = await t.ctx.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organizationId))
      .limit(1);
    const erase = (values: Partial<typeof auditEvents.$inferInsert>) =>
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into audit_maintenance (txid, kind) values (txid_current(), 'erasure')`,
        );
        await tx
          .update(auditEvents)
          .set(values)
          .where(eq(auditEvents.id, event?.id ?? 0));
        await tx.execute(sql`delete from audit_maintenance where txid = txid_current()`);
      });
    await expect(erase({ action: "forged" })).rejects.toThrow();
    await expect(erase({ createdAt: new Date(0) })).rejects.toThrow();
    // Control: a label may be rewritten through that door.
    await erase({ targetLabel: "erased-xxxxxxxxxxxx" });
    // A setting (what a read-only injection could set for a whole session) opens nothing, and
    // TRUNCATE is refused.
    await t.ctx.db.execute(sql`select set_config('orgkit.audit_maintenance', 'retention', false)`);
    await expect(
      t.ctx.db.delete(auditEvents).where(eq(auditEvents.id, event?.id ?? 0)),
    ).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`truncate audit_events cascade`)).rejects.toThrow();
  });

  it("R32 the actor's IP address and user agent are recorded only when the host passes them", async () => {
    const org = await createOrganization(t.ctx);
    const latest = async () => {
      const [row] = await t.ctx.db
        .select({ ip: auditEvents.actorIp, userAgent: auditEvents.actorUserAgent })
        .from(auditEvents)
        .where(eq(auditEvents.organizationId, org.organizationId))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      return row;
    };
    // Off by default.
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    expect(await latest()).toEqual({ ip: null, userAgent: null });
    const request = withRequestContext(t.ctx, {
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (X11)\u0000\n test",
    });
    await changeRole(request, org.admin.userId, { memberId: org.user.memberId, role: "USER" });
    expect(await latest()).toEqual({ ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11) test" });
    // A malformed address is dropped, not stored.
    const forged = withRequestContext(t.ctx, { ip: "1.2.3.4'; drop table x;--", userAgent: "ua" });
    await changeRole(forged, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    expect(await latest()).toEqual({ ip: null, userAgent: "ua" });
    // The next request without it records nothing: the settings lasted one transaction.
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "USER" });
    expect(await latest()).toEqual({ ip: null, userAgent: null });
  });

  it("R32 erasing someone whose username reads like a role changes no role, and no one else", async () => {
    const org = await createOrganization(t.ctx);
    const named = await addMember(
      t.ctx,
      org.owner.userId,
      "ADMIN",
      "admin",
      `${unique("a")}@example.test`,
    );
    await changeRole(t.ctx, org.owner.userId, { memberId: org.user.memberId, role: "ADMIN" });
    // Someone else is "admin" in another organization.
    const other = await createOrganization(t.ctx);
    const namesake = await addMember(
      t.ctx,
      other.owner.userId,
      "USER",
      "admin",
      `${unique("b")}@example.test`,
    );
    const otherBefore = await listAuditEvents(t.ctx, other.owner.userId, { limit: 100 });
    const { pseudonym } = await erasePerson(t.ctx, { email: named.email });
    const events = await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 });
    const roleChange = events.items.find((e) => e.action === "member.role_changed");
    expect(roleChange?.after).toEqual({ role: "ADMIN" });
    expect(events.items.some((e) => e.targetLabel === pseudonym)).toBe(true);
    // The namesake's organization is untouched, events and membership alike.
    expect(await listAuditEvents(t.ctx, other.owner.userId, { limit: 100 })).toEqual(otherBefore);
    const [row] = await t.ctx.db
      .select({ username: schema.members.username })
      .from(schema.members)
      .where(eq(schema.members.id, namesake.memberId));
    expect(row?.username).toBe("admin");
  });

  it("R32 retention keeps an old event still owed to an event consumer", async () => {
    const org = await createOrganization(t.ctx);
    await syncEventConsumers(t.ctx, { host: true });
    await changeRole(t.ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    await disableEventConsumer(t.ctx, "host");
    await setAuditRetention(t.ctx, org.organizationId, 1);
    t.clock.advance(2 * DAY);
    await pruneAuditLog(t.ctx);
    const kept = await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 });
    expect(kept.items.map((e) => e.action).sort()).toEqual(["audit.pruned", "member.role_changed"]);
    // Once delivered, it goes with the next run.
    await deliverDueEvents(t.ctx, { onEvent: () => {} });
    await pruneAuditLog(t.ctx);
    const after = await listAuditEvents(t.ctx, org.owner.userId, { limit: 100 });
    expect(after.items.every((e) => e.action === "audit.pruned")).toBe(true);
  });
});
