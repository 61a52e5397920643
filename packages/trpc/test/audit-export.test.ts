import { schema } from "@orgkit/core/server";
import { contextFor, createTestDatabase, DAY, type TestDatabase } from "@orgkit/core/testing";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditExportHandler } from "../src/handler";
import { createWorld, type World } from "./world";

const URL_BASE = "http://localhost:3000/api/orgkit/audit-export";

describe("R32 audit log export (streamed CSV and JSON Lines)", () => {
  let database: TestDatabase;
  let world: World;
  let handler: ReturnType<typeof createAuditExportHandler>;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const { ctx, clock } = contextFor(database);
    world = await createWorld(ctx);
    // An event a spreadsheet would run as a formula, a day later.
    clock.advance(DAY);
    await ctx.db.insert(schema.auditEvents).values({
      organizationId: world.org.organizationId,
      actorUserId: world.callers.OWNER,
      action: "organization.activated",
      targetType: "organization",
      targetId: world.org.organizationId,
      targetLabel: '=HYPERLINK("https://evil.example")',
      createdAt: ctx.now(),
    });
    handler = createAuditExportHandler({
      orgkit: ctx,
      getUser: async (request) => {
        const id = request.headers.get("x-test-user");
        return id ? { id } : null;
      },
    });
  });
  afterAll(() => database?.drop());

  const get = (query: string, user: string | null = world.callers.ADMIN) =>
    handler.GET(
      new Request(`${URL_BASE}?${query}`, { headers: user ? { "x-test-user": user } : {} }),
    );

  it("CSV: a header, one row per event, oldest first, formulas escaped, as a download", async () => {
    const response = await get("format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="audit-log-.*\.csv"/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { data, errors } = Papa.parse<Record<string, string>>(await response.text(), {
      header: true,
      skipEmptyLines: true,
    });
    expect(errors).toEqual([]);
    expect(data[0]?.action).toBe("organization.activated");
    expect(data.length).toBeGreaterThan(5);
    const times = data.map((row) => row.occurredAt ?? "");
    expect([...times].sort()).toEqual(times);
    expect(data.at(-1)?.targetLabel).toBe('\'=HYPERLINK("https://evil.example")');
  });

  it("JSON Lines: one parsable record per line; a date range keeps only its days", async () => {
    const all = (await (await get("format=jsonl")).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(all.length).toBeGreaterThan(5);
    expect(all[0]).toMatchObject({ action: "organization.activated", eventId: expect.any(String) });
    const lastDay = String(all.at(-1).occurredAt).slice(0, 10);
    const ranged = (await (await get(`format=jsonl&from=${lastDay}&to=${lastDay}`)).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    // The earlier export of this file was itself recorded, the same day.
    expect(
      ranged.filter((record) => record.action !== "audit.exported").map((r) => r.targetLabel),
    ).toEqual(['=HYPERLINK("https://evil.example")']);
    expect(ranged.some((record) => record.action === "audit.exported")).toBe(true);
  });

  it("dates at the calendar's ends mean no bound: every event, never a failed download", async () => {
    const all = (await (await get("format=jsonl")).text()).trim().split("\n");
    const wide = await get("format=jsonl&from=0001-01-01&to=9999-12-31");
    expect(wide.status).toBe(200);
    const lines = (await wide.text()).trim().split("\n");
    // Everything, and the export just before this one (itself recorded).
    expect(lines.length).toBe(all.length + 1);
  });

  it("R3 admins only; bad queries are refused before anything is read", async () => {
    expect((await get("format=csv", world.callers.USER)).status).toBe(403);
    expect((await get("format=csv", null)).status).toBe(401);
    expect((await get("format=xlsx")).status).toBe(400);
    expect((await get("format=csv&from=yesterday")).status).toBe(400);
    expect((await get("format=csv&from=2026-02-01&to=2026-01-01")).status).toBe(400);
    // Reversed by one day: refused, not an empty file.
    expect((await get("format=csv&from=2026-11-30&to=2026-11-29")).status).toBe(400);
    expect((await get("format=csv&extra=1")).status).toBe(400);
    // Control: the owner exports; empty dates (a form's unfilled fields) mean no bound.
    expect((await get("format=csv&from=&to=")).status).toBe(200);
    expect((await get("format=csv", world.callers.OWNER)).status).toBe(200);
  });

  it("R40 a failing query answers 500 and logs codes only: no SQL, no parameter", async () => {
    const broken = await createTestDatabase("pglite");
    const { ctx } = contextFor(broken);
    const brokenWorld = await createWorld(ctx);
    await broken.drop();
    const logged: unknown[][] = [];
    const failing = createAuditExportHandler({
      orgkit: ctx,
      getUser: async () => ({ id: brokenWorld.callers.ADMIN }),
      logger: { error: (...args) => logged.push(args) },
    });
    const response = await failing.GET(new Request(`${URL_BASE}?format=csv`));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("select");
    expect(logged).toHaveLength(1);
    const log = JSON.stringify(logged).toLowerCase();
    expect(log).toContain("audit export failed");
    for (const secret of ["select", "params", brokenWorld.callers.ADMIN.toLowerCase()]) {
      expect(log).not.toContain(secret);
    }
  });
});
