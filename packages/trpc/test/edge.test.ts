import { createContext } from "@orgkit/core/server";
import {
  contextFor,
  createTestDatabase,
  SECRET,
  type TestDatabase,
  unique,
} from "@orgkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgkitHandler } from "../src/handler";
import { createWorld, type World } from "./world";

const PUBLIC = "https://app.example";
const INTERNAL = "http://localhost:3000";

describe("the route handler's edges", () => {
  let database: TestDatabase;
  let world: World;
  let handler: ReturnType<typeof createOrgkitHandler>;
  const logged: unknown[] = [];
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const { ctx } = contextFor(database);
    world = await createWorld(ctx);
    handler = createOrgkitHandler({
      orgkit: ctx,
      getUser: async (request) => {
        const id = request.headers.get("x-test-user");
        return id ? { id } : null;
      },
      signInAfterAccept: async () => "/",
      allowedOrigins: [PUBLIC],
      logger: { error: (...args) => logged.push(args) },
    });
  });
  afterAll(() => database?.drop());

  // Next hands the handler its internal URL, whatever the browser's address was.
  const post = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    handler.POST(
      new Request(`${INTERNAL}/api/trpc/${path}`, {
        method: "POST",
        ...init,
        headers: {
          "content-type": "application/json",
          "x-test-user": world.callers.ADMIN,
          ...init.headers,
        },
      }),
    );
  // A mutation that reaches tRPC and changes nothing: the ADMIN already has an organization.
  const permissions = JSON.stringify({ json: { name: "Another organization" } });
  const REACHED = 409;

  it("R37 a batch is counted as tRPC runs it: %2C-encoded commas count, 200 health calls are refused", async () => {
    const encoded = (n: number) => Array.from({ length: n }, () => "health").join("%2C");
    const get = (path: string) =>
      handler.GET(new Request(`${INTERNAL}/api/trpc/${path}?batch=1&input={}`));
    expect((await get(encoded(200))).status).toBe(413);
    expect((await get(encoded(11))).status).toBe(413);
    expect((await get(Array.from({ length: 11 }, () => "health").join("%2c"))).status).toBe(413);
    expect((await get(encoded(10))).status).toBe(200);
    expect((await get("health%")).status).toBe(400);
  });

  it("R37 a body is capped on the bytes actually read: a 2 MB chunked body without Content-Length is refused", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const chunked = (chunks: number, tail: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < chunks; i += 1) controller.enqueue(chunk);
          controller.enqueue(new TextEncoder().encode(tail));
          controller.close();
        },
      });
    const big = await post("organization.activate", {
      body: chunked(32, permissions),
      headers: { origin: PUBLIC },
      duplex: "half",
    } as RequestInit & { headers: Record<string, string> });
    expect(big.status).toBe(413);
    const small = await post("organization.activate", {
      body: chunked(0, permissions),
      headers: { origin: PUBLIC },
      duplex: "half",
    } as RequestInit & { headers: Record<string, string> });
    expect(small.status).toBe(REACHED);
    // A false Content-Length does not let more through.
    const lying = await post("organization.activate", {
      body: `${" ".repeat(70_000)}${permissions}`,
      headers: { origin: PUBLIC, "content-length": "10" },
    });
    expect(lying.status).toBe(413);
  });

  it("R37 behind a proxy, Origin is compared with the public origin, never with Host or X-Forwarded-Host", async () => {
    expect(
      (await post("organization.activate", { body: permissions, headers: { origin: PUBLIC } }))
        .status,
    ).toBe(REACHED);
    // The internal URL is not the app's public origin.
    expect(
      (await post("organization.activate", { body: permissions, headers: { origin: INTERNAL } }))
        .status,
    ).toBe(403);
    // A no-referrer page's fetch sends Origin: null beside Sec-Fetch-Site: same-origin.
    const noReferrer = await post("organization.activate", {
      body: permissions,
      headers: { origin: "null", "sec-fetch-site": "same-origin" },
    });
    expect(noReferrer.status).toBe(REACHED);
    const opaque = await post("organization.activate", {
      body: permissions,
      headers: { origin: "null" },
    });
    expect(opaque.status).toBe(403);
    // A forged Sec-Fetch-Site does not outvote a foreign Origin.
    const mixed = await post("organization.activate", {
      body: permissions,
      headers: { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    });
    expect(mixed.status).toBe(403);
    const forged = await post("organization.activate", {
      body: permissions,
      headers: {
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        host: "evil.example",
      },
    });
    expect(forged.status).toBe(403);
    // A browser's Sec-Fetch-Site is about the page's own origin, so it holds behind a proxy.
    expect(
      (
        await post("organization.activate", {
          body: permissions,
          headers: { origin: PUBLIC, "sec-fetch-site": "same-origin" },
        })
      ).status,
    ).toBe(REACHED);
    expect(
      (
        await post("organization.activate", {
          body: permissions,
          headers: { origin: PUBLIC, "sec-fetch-site": "cross-site" },
        })
      ).status,
    ).toBe(403);
  });

  it("R40 API answers are never cached or sniffed: success, refusal and edge refusal alike", async () => {
    const served = await handler.GET(
      new Request(`${INTERNAL}/api/trpc/members.list`, {
        headers: { "x-test-user": world.callers.ADMIN },
      }),
    );
    const refused = await post("members.remove", {
      body: JSON.stringify({ json: { memberId: world.org.owner.memberId } }),
      headers: { origin: PUBLIC },
    });
    const edge = await post("members.list", {
      body: "{}",
      headers: { origin: "https://evil.example" },
    });
    const read = await handler.GET(new Request(`${INTERNAL}/api/trpc/health`));
    expect([served.status, refused.status, edge.status, read.status]).toEqual([200, 412, 403, 200]);
    for (const response of [served, refused, edge, read]) {
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("R40 error answers echo no input: an unknown path, malformed JSON, a validation error", async () => {
    const marker = "zz-marker-zz@example.test";
    const answers = [
      await post(`no.such.${encodeURIComponent(marker)}`, {
        body: permissions,
        headers: { origin: PUBLIC },
      }),
      await post("members.list", { body: `{"json": "${marker}`, headers: { origin: PUBLIC } }),
      await post("invitations.send", {
        body: JSON.stringify({
          json: { email: marker, username: "x", role: "USER", extra: marker },
        }),
        headers: { origin: PUBLIC },
      }),
    ];
    for (const response of answers) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).not.toContain("zz-marker-zz");
    }
  });

  it("R40 when a query fails, the log has codes only: no email, token, SQL or parameter", async () => {
    const broken = await createTestDatabase("pglite");
    const { ctx } = contextFor(broken);
    const brokenWorld = await createWorld(ctx);
    await broken.drop();
    const failing = createOrgkitHandler({
      orgkit: createContext({ db: broken.db, secret: SECRET }),
      getUser: async () => ({ id: brokenWorld.callers.ADMIN }),
      signInAfterAccept: async () => "/",
      allowedOrigins: [PUBLIC],
      logger: { error: (...args) => logged.push(args) },
    });
    const email = `${unique("secret")}@example.test`;
    const response = await failing.POST(
      new Request(`${INTERNAL}/api/trpc/invitations.send`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: PUBLIC },
        body: JSON.stringify({ json: { email, username: unique("u"), role: "USER" } }),
      }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain("Something went wrong");
    expect(text).not.toContain(email);
    const log = JSON.stringify(logged);
    expect(logged.length).toBeGreaterThan(0);
    expect(log).toContain("invitations.send failed");
    for (const secret of [email, "select", "insert", "params", brokenWorld.invitationToken]) {
      expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it("R40 a deployment mistake is logged with the setting to fix; a query fault keeps codes only", async () => {
    const logged: unknown[][] = [];
    const misconfigured = createOrgkitHandler({
      // The host built its context with a short secret: every request fails the same way.
      orgkit: async () => createContext({ db: database.db, secret: "too-short" }),
      getUser: async () => ({ id: world.callers.ADMIN }),
      signInAfterAccept: async () => "/",
      allowedOrigins: [PUBLIC],
      logger: { error: (...args) => logged.push(args) },
    });
    const response = await misconfigured.GET(new Request(`${INTERNAL}/api/trpc/health`));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("32 characters");
    expect(logged).toEqual([
      [
        "health failed",
        {
          error: "OrgkitConfigError",
          message: "orgkit: the secret needs at least 32 characters",
        },
      ],
    ]);
    // Control: the same handler with a proper secret answers, and logs nothing.
    const configured = createOrgkitHandler({
      orgkit: async () => createContext({ db: database.db, secret: SECRET }),
      getUser: async () => ({ id: world.callers.ADMIN }),
      signInAfterAccept: async () => "/",
      allowedOrigins: [PUBLIC],
      logger: { error: (...args) => logged.push(args) },
    });
    const healthy = await configured.GET(new Request(`${INTERNAL}/api/trpc/health`));
    expect(healthy.status).toBe(200);
    expect(logged).toHaveLength(1);
  });
});
