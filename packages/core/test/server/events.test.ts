import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, EVENT_TYPE_OF_ACTION, EVENT_TYPES } from "../../src/policy";
import {
  changeRole,
  deliverDueEvents,
  disableEventConsumer,
  type EventDeliveryFailure,
  inviteUser,
  leaveOrganization,
  listAuditEvents,
  listEventDeliveries,
  type OrgkitEvent,
  redeliverEvent,
  removeMember,
  schema,
  syncEventConsumers,
} from "../../src/server";
import {
  addMember,
  contextFor,
  createOrganization,
  createTestDatabase,
  type TestDatabase,
  unique,
} from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";

const { eventDeliveries } = schema;
const SIGNING_SECRET = `whsec_${Buffer.from("webhook-signing-secret-0123456789").toString("base64")}`;

/** A webhook receiver at the edge of the world: verifies each request, may fail on purpose. */
async function startReceiver(failFirst: number) {
  const received: { id: string; type: string; organizationId: string; verified: boolean }[] = [];
  const raw: { body: string; headers: Record<string, string> }[] = [];
  let requests = 0;
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      requests += 1;
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [k, String(v)]),
      );
      raw.push({ body, headers });
      if (requests <= failFirst) {
        response.writeHead(503).end();
        return;
      }
      let verified = true;
      try {
        new Webhook(SIGNING_SECRET).verify(body, headers);
      } catch {
        verified = false;
      }
      const parsed = JSON.parse(body) as { type: string; data: { organizationId: string } };
      received.push({
        id: headers["webhook-id"] ?? "",
        type: parsed.type,
        organizationId: parsed.data.organizationId,
        verified,
      });
      response.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    raw,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("events: one catalogue, written with the change, delivered at least once in order", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database?.drop());

  it("the database's event table is the policy's EVENT_TYPE_OF_ACTION, and every event type has one action", async () => {
    const { ctx } = contextFor(database);
    for (const action of AUDIT_ACTIONS) {
      const [row] = await ctx.db
        .execute<{ type: string | null }>(sql`select orgkit_event_type(${action}) as type`)
        // postgres-js answers rows, PGlite an object holding them.
        .then((result: unknown) => {
          const rows = (result as { rows?: unknown }).rows ?? result;
          return rows as { type: string | null }[];
        });
      expect(row?.type ?? null, action).toBe(
        (EVENT_TYPE_OF_ACTION as Record<string, string>)[action] ?? null,
      );
    }
    expect([...new Set(Object.values(EVENT_TYPE_OF_ACTION))].sort()).toEqual(
      [...EVENT_TYPES].sort(),
    );
  });

  it("an event exists only when its change committed; no consumer, no delivery", async () => {
    const { ctx } = contextFor(database);
    await syncEventConsumers(ctx, { host: false });
    const quiet = await createOrganization(ctx);
    const count = async (organizationId: string) =>
      (
        await ctx.db
          .select({ id: eventDeliveries.id })
          .from(eventDeliveries)
          .where(eq(eventDeliveries.organizationId, organizationId))
      ).length;
    expect(await count(quiet.organizationId)).toBe(0);

    await syncEventConsumers(ctx, { host: true });
    const org = await createOrganization(ctx);
    const before = await count(org.organizationId);
    expect(before).toBeGreaterThan(0);
    // A refused change writes nothing: the admin cannot remove the owner.
    expect(
      await outcome(removeMember(ctx, org.admin.userId, { memberId: org.owner.memberId })),
    ).toBe("REMOVE_OWNER");
    expect(await count(org.organizationId)).toBe(before);
    // Control: an allowed change publishes its event.
    expect(
      await outcome(
        changeRole(ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" }),
      ),
    ).toBe("OK");
    expect(await count(org.organizationId)).toBe(before + 1);
    await deliverDueEvents(ctx, { onEvent: () => {} });
  });

  it("onEvent gets typed events in order; a failing subscriber is retried, each event once delivered", async () => {
    const { ctx, clock } = contextFor(database);
    await syncEventConsumers(ctx, { host: true });
    await deliverDueEvents(ctx, { onEvent: () => {} });
    const org = await createOrganization(ctx);
    const person = await addMember(ctx, org.owner.userId, "USER");
    await changeRole(ctx, org.admin.userId, { memberId: person.memberId, role: "VIEWER" });
    await leaveOrganization(ctx, person.userId);
    const seen: OrgkitEvent[] = [];
    let failures = 0;
    const onEvent = (event: OrgkitEvent) => {
      if (event.organizationId !== org.organizationId) return;
      // The subscriber fails on the role change twice: the leave behind it must wait.
      if (event.type === "member.role_changed" && failures < 2) {
        failures += 1;
        throw new Error("subscriber down");
      }
      seen.push(event);
    };
    // Each pass delivers the head of each queue: ten events and two failures need twelve.
    for (let pass = 0; pass < 20; pass += 1) {
      await deliverDueEvents(ctx, { onEvent, backoffMs: 1_000 });
      clock.advance(5_000);
    }
    const mine = seen.map((e) => e.type);
    expect(mine).toEqual([
      "organization.activated",
      ...mine.slice(1, -2),
      "member.role_changed",
      "member.left",
    ]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(failures).toBe(2);
    const left = seen.at(-1);
    expect(left?.target).toMatchObject({
      type: "member",
      id: person.memberId,
      userId: person.userId,
    });
    expect(left?.actor.userId).toBe(person.userId);
  });

  it("webhooks: signed per Standard Webhooks, retried until the endpoint recovers, once per event id, in order", async () => {
    const receiver = await startReceiver(3);
    try {
      const { ctx, clock } = contextFor(database);
      const endpoint = { name: "crm", url: receiver.url, secret: SIGNING_SECRET };
      await disableEventConsumer(ctx, "host");
      await syncEventConsumers(ctx, { host: false, webhooks: [endpoint] });
      const org = await createOrganization(ctx);
      const email = `${unique("hook")}@example.test`;
      await inviteUser(ctx, org.admin.userId, { email, username: unique("hook"), role: "USER" });
      for (let pass = 0; pass < 20; pass += 1) {
        await deliverDueEvents(ctx, { webhooks: [endpoint], backoffMs: 1_000 });
        clock.advance(10_000);
      }
      const mine = receiver.received.filter((r) => r.organizationId === org.organizationId);
      expect(mine.every((r) => r.verified)).toBe(true);
      expect(mine.at(0)?.type).toBe("organization.activated");
      expect(mine.at(-1)?.type).toBe("member.invited");
      expect(new Set(mine.map((r) => r.id)).size).toBe(mine.length);
      expect(receiver.requests()).toBeGreaterThan(receiver.received.length);
      const log = await ctx.db
        .select({ status: eventDeliveries.status, lastStatus: eventDeliveries.lastStatus })
        .from(eventDeliveries)
        .where(eq(eventDeliveries.organizationId, org.organizationId));
      expect(log.every((row) => row.status === "SENT" && row.lastStatus === 204)).toBe(true);
      // The admins' delivery log: per endpoint, newest first, the failures' reasons gone once sent.
      const page = await listEventDeliveries(ctx, org.admin.userId, { endpoint: "crm" });
      expect(page.endpoints).toEqual([{ name: "crm", enabled: true }]);
      expect(page.items.map((item) => item.eventType)).toEqual(mine.map((r) => r.type).reverse());
      expect(page.items.at(-1)).toMatchObject({ status: "SENT", lastStatus: 204, lastError: null });
      expect(page.items.some((item) => item.attempts > 1)).toBe(true);
      await expectRefused(listEventDeliveries(ctx, org.user.userId), "ADMIN_ACCESS_REQUIRED");

      // A tampered payload fails verification; the untouched one passes.
      const sample = receiver.raw.at(-1);
      if (!sample) throw new Error("no request captured");
      expect(() => new Webhook(SIGNING_SECRET).verify(sample.body, sample.headers)).not.toThrow();
      const tampered = sample.body.replace("member.invited", "member.removed");
      expect(tampered).not.toBe(sample.body);
      expect(() => new Webhook(SIGNING_SECRET).verify(tampered, sample.headers)).toThrow();
    } finally {
      await receiver.close();
    }
  });

  it("a bad endpoint configuration is refused at start, with the setting named", async () => {
    const { ctx } = contextFor(database);
    await expect(
      syncEventConsumers(ctx, {
        host: false,
        webhooks: [{ name: "crm", url: "ftp://x", secret: SIGNING_SECRET }],
      }),
    ).rejects.toThrow(/webhook "crm" needs an http\(s\) URL/);
    await expect(
      syncEventConsumers(ctx, {
        host: false,
        webhooks: [{ name: "crm", url: "https://x.test", secret: "nope" }],
      }),
    ).rejects.toThrow(/secret like whsec_/);
    await expect(
      syncEventConsumers(ctx, {
        host: false,
        webhooks: [{ name: "crm", url: "https://key:token@x.test/hook", secret: SIGNING_SECRET }],
      }),
    ).rejects.toThrow(/must not carry a user or password/);
    // Control: a good one is accepted.
    await syncEventConsumers(ctx, {
      host: false,
      webhooks: [{ name: "crm", url: "https://x.test", secret: SIGNING_SECRET }],
    });
    await disableEventConsumer(ctx, "crm");
  });

  it("an instance started without an endpoint leaves it enabled; only disableEventConsumer stops it", async () => {
    const { ctx } = contextFor(database);
    const endpoint = { name: "erp", url: "https://erp.example.test/hooks", secret: SIGNING_SECRET };
    await disableEventConsumer(ctx, "host");
    await syncEventConsumers(ctx, { host: false, webhooks: [endpoint] });
    // Another instance, with an old or partial configuration.
    await syncEventConsumers(ctx, { host: false });
    const org = await createOrganization(ctx);
    const deliveries = async () =>
      (
        await ctx.db
          .select({ consumer: eventDeliveries.consumer })
          .from(eventDeliveries)
          .where(eq(eventDeliveries.organizationId, org.organizationId))
      ).filter((row) => row.consumer === "erp").length;
    const published = await deliveries();
    expect(published).toBeGreaterThan(0);
    await disableEventConsumer(ctx, "erp");
    await changeRole(ctx, org.admin.userId, { memberId: org.user.memberId, role: "VIEWER" });
    expect(await deliveries()).toBe(published);
    // Its unreachable endpoint's failures name no URL in the admins' log.
    const failures: EventDeliveryFailure[] = [];
    await deliverDueEvents(ctx, {
      webhooks: [endpoint],
      fetch: async () => {
        throw new TypeError(`fetch failed for ${endpoint.url}`, {
          cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
        });
      },
      onFailure: (failure) => failures.push(failure),
    });
    const mine = failures.filter((failure) => failure.consumer === "erp");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ outcome: "retrying", attempt: 1 });
    const log = await listEventDeliveries(ctx, org.admin.userId, { endpoint: "erp" });
    const failing = log.items.find((item) => item.lastError);
    expect(failing?.lastError).toBe("no answer from the endpoint (ECONNREFUSED)");
    // The queue's later events say why they have not moved: the failing one goes first.
    const pending = log.items.filter((item) => item.status === "PENDING");
    expect(pending.length).toBeGreaterThan(1);
    const oldest = pending.at(-1);
    expect(oldest?.waitingBehind).toBe(false);
    expect(pending.slice(0, -1).every((item) => item.waitingBehind)).toBe(true);

    // Sent again after it failed for good: PENDING with fresh attempts, audited; only a
    // dead delivery of this organization's webhook endpoints can be.
    const head = oldest?.id ?? 0;
    await expectRefused(
      redeliverEvent(ctx, org.admin.userId, { deliveryId: head }),
      "DELIVERY_NOT_DEAD",
    );
    await ctx.db
      .update(eventDeliveries)
      .set({ status: "DEAD", attempts: 8 })
      .where(eq(eventDeliveries.id, head));
    const other = await createOrganization(ctx);
    await expectRefused(redeliverEvent(ctx, other.admin.userId, { deliveryId: head }), "NOT_FOUND");
    await expectRefused(
      redeliverEvent(ctx, org.user.userId, { deliveryId: head }),
      "ADMIN_ACCESS_REQUIRED",
    );
    expect(await redeliverEvent(ctx, org.admin.userId, { deliveryId: head })).toEqual({
      deliveryId: head,
    });
    const [again] = await ctx.db
      .select({ status: eventDeliveries.status, attempts: eventDeliveries.attempts })
      .from(eventDeliveries)
      .where(eq(eventDeliveries.id, head));
    expect(again).toEqual({ status: "PENDING", attempts: 0 });
    const audited = await listAuditEvents(ctx, org.admin.userId, { action: "webhook.redelivered" });
    expect(audited.items).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain("erp.example.test");
  });
});
