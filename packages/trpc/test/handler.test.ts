import { createContext, type OrgkitContext, schema, setSeatLimit } from "@orgkit/core/server";
import {
  addMember,
  contextFor,
  createOrganization,
  createTestDatabase,
  SECRET,
  type TestDatabase,
  unique,
} from "@orgkit/core/testing";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgkitHandler } from "../src/handler";
import { createWorld, type World } from "./world";

const ORIGIN = "http://app.test";

describe("route handler over HTTP", () => {
  let database: TestDatabase;
  let world: World;
  let handler: ReturnType<typeof createOrgkitHandler>;
  let kicks = 0;
  let sender: string;
  let orgkit: OrgkitContext;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const { ctx } = contextFor(database);
    orgkit = ctx;
    world = await createWorld(ctx);
    sender = (await addMember(ctx, world.org.owner.userId, "ADMIN")).userId;
    // R37's limits live in orgkit's context, so they hold for every caller of the services.
    const limited = createContext({
      db: database.db,
      secret: SECRET,
      inviteRateLimits: { perActor: { limit: 3, windowMs: 60_000 } },
    });
    handler = createOrgkitHandler({
      orgkit: limited,
      // The session stands in for next-auth: a header names the signed-in user.
      getUser: async (request) => {
        const id = request.headers.get("x-test-user");
        return id ? { id } : null;
      },
      afterCommit: () => {
        kicks += 1;
      },
      signInAfterAccept: async () => "/settings/organization",
    });
  });
  afterAll(() => database?.drop());

  function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return handler.POST(
      new Request(`${ORIGIN}/api/trpc/${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "sec-fetch-site": "same-origin",
          "x-test-user": world.callers.ADMIN,
          ...headers,
        },
        body: typeof body === "string" ? body : JSON.stringify({ json: body }),
      }),
    );
  }
  const changeViewer = (role: string, headers: Record<string, string> = {}) =>
    post("members.changeRole", { memberId: world.org.viewer.memberId, role }, headers);

  it("R37 R38 a committed mutation kicks the outboxes; a query or a refused mutation does not", async () => {
    const before = kicks;
    expect((await changeViewer("USER")).status).toBe(200);
    expect(kicks).toBe(before + 1);
    // Refused (already a USER): nothing committed, nothing to deliver.
    expect((await changeViewer("USER")).status).toBeGreaterThanOrEqual(400);
    expect(kicks).toBe(before + 1);
    const invited = await post("invitations.send", {
      email: `${unique("kick")}@example.test`,
      username: unique("kick"),
      role: "USER",
    });
    expect(invited.status).toBe(200);
    expect(kicks).toBe(before + 2);
    await changeViewer("VIEWER");
    expect(kicks).toBe(before + 3);
  });

  it("R37 cross-site posts are refused, by Sec-Fetch-Site or by Origin", async () => {
    expect((await changeViewer("USER", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await changeViewer("USER", { "sec-fetch-site": "same-site" })).status).toBe(403);
    const byOrigin = await handler.POST(
      new Request(`${ORIGIN}/api/trpc/members.changeRole`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://evil.test",
          "x-test-user": world.callers.ADMIN,
        },
        body: JSON.stringify({ json: { memberId: world.org.viewer.memberId, role: "USER" } }),
      }),
    );
    expect(byOrigin.status).toBe(403);
    const sameOrigin = await handler.POST(
      new Request(`${ORIGIN}/api/trpc/organization.permissions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-test-user": world.callers.ADMIN,
        },
        body: JSON.stringify({ json: {} }),
      }),
    );
    expect(sameOrigin.status).not.toBe(403);
  });

  it("R37 text/plain, form and multipart bodies are refused before tRPC sees them", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      expect((await changeViewer("USER", { "content-type": type })).status).toBe(415);
    }
    expect(
      (await changeViewer("USER", { "content-type": "application/json; charset=utf-8" })).status,
    ).toBe(200);
    await changeViewer("VIEWER");
  });

  it("R37 a GET on a mutation is refused and changes nothing", async () => {
    const input = encodeURIComponent(
      JSON.stringify({ json: { memberId: world.org.viewer.memberId, role: "ADMIN" } }),
    );
    const response = await handler.GET(
      new Request(`${ORIGIN}/api/trpc/members.changeRole?input=${input}`, {
        headers: { "x-test-user": world.callers.ADMIN },
      }),
    );
    expect(response.status).toBe(405);
    const search = encodeURIComponent(
      JSON.stringify({ json: { search: world.org.viewer.username } }),
    );
    const list = await handler.GET(
      new Request(`${ORIGIN}/api/trpc/members.list?input=${search}`, {
        headers: { "x-test-user": world.callers.ADMIN },
      }),
    );
    const body = await list.json();
    expect(body.result.data.json.items[0].role).toBe("VIEWER");
  });

  it("R29 a members page carries each row's decisions as its own objects: superjson lists no repeated paths", async () => {
    const list = await handler.GET(
      new Request(
        `${ORIGIN}/api/trpc/members.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
        { headers: { "x-test-user": world.callers.ADMIN } },
      ),
    );
    const body = await list.json();
    const items = body.result.data.json.items as { actions: { remove: { allowed: boolean } } }[];
    // Several rows may be removed: each says so with its own decision.
    expect(items.filter((item) => item.actions.remove.allowed).length).toBeGreaterThan(1);
    expect(body.result.data.meta.values).toBeDefined(); // dates still travel as dates
    expect(body.result.data.meta.referentialEqualities).toBeUndefined();
  });

  it("R37 a batch of more than 10 procedures is refused; 10 are served", async () => {
    const batch = (n: number) =>
      handler.GET(
        new Request(
          `${ORIGIN}/api/trpc/${Array(n).fill("health").join(",")}?batch=1&input=${encodeURIComponent("{}")}`,
        ),
      );
    expect((await batch(11)).status).toBe(413);
    expect((await batch(10)).status).toBe(200);
  });

  it("R37 sending invitations is rate limited per actor: 429 with Retry-After; refusals spend nothing", async () => {
    const send = (user = sender) =>
      post(
        "invitations.send",
        { email: `${unique("rl")}@example.test`, username: unique("rl"), role: "USER" },
        { "x-test-user": user },
      );
    for (let i = 0; i < 10; i += 1) expect((await send(world.callers.VIEWER)).status).toBe(403);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.json.data.reason).toBe("RATE_LIMITED");
  });

  it("R35 unknown fields are refused with INPUT_INVALID", async () => {
    const response = await post("members.changeRole", {
      memberId: world.org.viewer.memberId,
      role: "USER",
      organizationId: "someone-else",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.json.data.reason).toBe("INPUT_INVALID");
  });

  it("R39 a field refused only for a control character or direction mark says TEXT_INVALID", async () => {
    const invite = (username: string) =>
      post("invitations.send", { email: "ada@example.test", username, role: "USER" });
    const response = await invite("ad\u202Ea");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.json.data.reason).toBe("TEXT_INVALID");
    expect(body.error.json.data.fieldErrors).toHaveProperty("username");
    // Control: a field refused for its shape (too long) stays INPUT_INVALID.
    const long = await (await invite("a".repeat(65))).json();
    expect(long.error.json.data.reason).toBe("INPUT_INVALID");
  });

  it("R29 a refusal carries its reason code and the guide's message, and no stack", async () => {
    const response = await post("members.remove", { memberId: world.org.owner.memberId });
    expect(response.status).toBe(412);
    const { error } = await response.json();
    expect(error.json.message).toBe("Remove action disabled: owner");
    expect(error.json.data).toMatchObject({ reason: "REMOVE_OWNER", code: "PRECONDITION_FAILED" });
    expect(Object.keys(error.json.data)).not.toContain("stack");
  });

  it("Seat limits a refusal carries the numbers its message names, for the page to show", async () => {
    // Four active members, four seats.
    const seated = await createOrganization(orgkit);
    await setSeatLimit(orgkit, seated.organizationId, 4);
    const response = await post(
      "invitations.send",
      { email: `${unique("seat")}@example.test`, username: unique("seat"), role: "USER" },
      { "x-test-user": seated.owner.userId },
    );
    expect(response.status).toBe(412);
    const { error } = await response.json();
    expect(error.json.message).toBe("Seat limit reached: 4 of 4 seats used");
    expect(error.json.data).toMatchObject({
      reason: "SEAT_LIMIT_REACHED",
      params: { used: 4, limit: 4 },
    });
    // Control: a refusal without numbers carries none.
    const plain = await post("members.remove", { memberId: world.org.owner.memberId });
    expect((await plain.json()).error.json.data.params).toBeNull();
  });

  it("R33 no response carries a link token", async () => {
    const response = await post("invitations.send", {
      email: `${unique("tok")}@example.test`,
      username: unique("tok"),
      role: "USER",
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain("invitationId");
    expect(text).not.toMatch(/token/i);
  });

  it("R32 auditRequestContext records the actor's address and agent; without it, nothing", async () => {
    const recording = createOrgkitHandler({
      orgkit: contextFor(database).ctx,
      getUser: async () => ({ id: world.callers.ADMIN }),
      signInAfterAccept: async () => "/",
      auditRequestContext: (request) => ({
        ip: request.headers.get("x-real-ip"),
        userAgent: request.headers.get("user-agent"),
      }),
    });
    const change = (target: ReturnType<typeof createOrgkitHandler>, role: string) =>
      target.POST(
        new Request(`${ORIGIN}/api/trpc/members.changeRole`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "sec-fetch-site": "same-origin",
            "x-test-user": world.callers.ADMIN,
            "x-real-ip": "198.51.100.4",
            "user-agent": "Test/1.0",
          },
          body: JSON.stringify({ json: { memberId: world.org.viewer.memberId, role } }),
        }),
      );
    const latest = async () => {
      const [row] = await database.db
        .select({ ip: schema.auditEvents.actorIp, userAgent: schema.auditEvents.actorUserAgent })
        .from(schema.auditEvents)
        .orderBy(desc(schema.auditEvents.id))
        .limit(1);
      return row;
    };
    expect((await change(recording, "USER")).status).toBe(200);
    expect(await latest()).toEqual({ ip: "198.51.100.4", userAgent: "Test/1.0" });
    // Control: the handler without the option records neither, headers or not.
    expect((await change(handler, "VIEWER")).status).toBe(200);
    expect(await latest()).toEqual({ ip: null, userAgent: null });
  });
});
