import { schema } from "@orgkit/core/server";
import {
  contextFor,
  createAccount,
  createTestDatabase,
  type TestDatabase,
  unique,
} from "@orgkit/core/testing";
import { TRPCError } from "@trpc/server";
import { count } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiContext, type CallerKind, createCaller, createWorld, type World } from "./world";

type Caller = ReturnType<typeof createCaller>;
/** Cases in all, spread over the fields (CI runs 850: about 50 per field). */
const RUNS = Number(process.env.ORGKIT_TEXT_RUNS ?? 850);

/** Every string field of every procedure, fed one value `s`, with the caller that reaches it. */
const FIELDS: Record<
  string,
  { caller: CallerKind; call: (api: Caller, w: World, s: string) => Promise<unknown> }
> = {
  "organization.activate name": {
    caller: "PERSONAL",
    call: (api, _, s) => api.organization.activate({ name: s }),
  },
  "members.list search": { caller: "OWNER", call: (api, _, s) => api.members.list({ search: s }) },
  "invitations.list search": {
    caller: "OWNER",
    call: (api, _, s) => api.invitations.list({ search: s }),
  },
  "members.list cursor": { caller: "OWNER", call: (api, _, s) => api.members.list({ cursor: s }) },
  "members.changeRole memberId": {
    caller: "OWNER",
    call: (api, _, s) => api.members.changeRole({ memberId: s, role: "USER" }),
  },
  "members.remove memberId": {
    caller: "OWNER",
    call: (api, _, s) => api.members.remove({ memberId: s }),
  },
  "invitations.list cursor": {
    caller: "OWNER",
    call: (api, _, s) => api.invitations.list({ cursor: s }),
  },
  "invitations.send email": {
    caller: "OWNER",
    call: (api, _, s) => api.invitations.send({ email: s, username: unique("p"), role: "USER" }),
  },
  "invitations.send username": {
    caller: "OWNER",
    call: (api, _, s) =>
      api.invitations.send({ email: `${unique("p")}@example.test`, username: s, role: "USER" }),
  },
  "invitations.resend invitationId": {
    caller: "OWNER",
    call: (api, _, s) => api.invitations.resend({ invitationId: s }),
  },
  "invitations.revoke invitationId": {
    caller: "OWNER",
    call: (api, _, s) => api.invitations.revoke({ invitationId: s }),
  },
  "invitations.preview token": {
    caller: "ANONYMOUS",
    call: (api, _, s) => api.invitations.preview({ token: s }),
  },
  "invitations.accept token": {
    caller: "ANONYMOUS",
    call: (api, _, s) => api.invitations.accept({ token: s }),
  },
  "ownership.start memberId": {
    caller: "OWNER",
    call: (api, _, s) => api.ownership.start({ memberId: s }),
  },
  "ownership.confirm token": {
    caller: "OWNER",
    call: (api, _, s) => api.ownership.confirm({ token: s }),
  },
  "invitations.checkMany text": {
    caller: "OWNER",
    call: (api, _, s) => api.invitations.checkMany({ text: s }),
  },
  "invitations.sendMany email": {
    caller: "OWNER",
    call: (api, _, s) =>
      api.invitations.sendMany({ rows: [{ email: s, username: unique("b"), role: "USER" }] }),
  },
  "invitations.sendMany username": {
    caller: "OWNER",
    call: (api, _, s) =>
      api.invitations.sendMany({
        rows: [{ email: `${unique("b")}@example.test`, username: s, role: "USER" }],
      }),
  },
  "invitations.sendMany role": {
    caller: "OWNER",
    call: (api, _, s) =>
      api.invitations.sendMany({
        rows: [{ email: `${unique("b")}@example.test`, username: unique("b"), role: s }],
      }),
  },
  "organization.delete.start name": {
    caller: "OWNER",
    call: (api, _, s) => api.organization.delete.start({ name: s }),
  },
  "organization.delete.confirm token": {
    caller: "OWNER",
    call: (api, _, s) => api.organization.delete.confirm({ token: s }),
  },
  "audit.list cursor": { caller: "OWNER", call: (api, _, s) => api.audit.list({ cursor: s }) },
  "audit.list member": { caller: "OWNER", call: (api, _, s) => api.audit.list({ member: s }) },
};

const hostile = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\n",
  "\u007f",
  "\u0085",
  "\u009f",
  "\ud800",
  "\udfff",
  "\u202e",
  "\u2066",
  "\u200b",
  "'",
  "%",
  "\\",
  "é",
  "e\u0301",
  "😀",
);
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** Arbitrary strings: any code unit (lone surrogates included), hostile characters, long runs, forged cursors. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(fc.oneof(hostile, fc.string({ maxLength: 4 })), { maxLength: 12 })
    .map((parts) => parts.join("")),
  fc.string({ minLength: 200, maxLength: 5000 }),
  fc.jsonValue().map(cursorOf),
  fc
    .array(
      fc.oneof(
        fc.string({ unit: "binary" }),
        fc.double(),
        fc.integer(),
        fc.maxSafeInteger(),
        fc.constantFrom(3e14, -62167219200000, 8.64e15, -1),
      ),
      { maxLength: 3 },
    )
    .map(cursorOf),
);

describe("R39 every string of every procedure, through the tRPC caller", () => {
  let database: TestDatabase;
  let world: World;
  let ctx: ReturnType<typeof contextFor>["ctx"];
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    ctx = contextFor(database).ctx;
    world = await createWorld(ctx);
  });
  afterAll(() => database?.drop());

  const rows = async () => {
    const tables = [
      schema.organizations,
      schema.members,
      schema.invitations,
      schema.auditEvents,
      schema.emailOutbox,
      schema.users,
    ];
    return Promise.all(
      tables.map(async (table) => (await database.db.select({ n: count() }).from(table))[0]?.n),
    );
  };

  it(`R35 R39 ${RUNS} arbitrary strings over every field: never a server error, nothing written on refusal`, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(FIELDS)), anyText, async (field, text) => {
        const entry = FIELDS[field];
        if (!entry) throw new Error(field);
        const api = createCaller(apiContext(ctx, world.callers[entry.caller]));
        const before = await rows();
        const result = await entry.call(api, world, text).then(
          () => "OK",
          (error: unknown) => (error instanceof TRPCError ? error.code : error),
        );
        seen.add(String(result));
        expect(result, `${field} ${JSON.stringify(text).slice(0, 80)}`).not.toBe(
          "INTERNAL_SERVER_ERROR",
        );
        expect(typeof result).toBe("string");
        if (result !== "OK") expect(await rows()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    // Refusals happened, and so did successes: the property saw both sides.
    expect(seen.has("BAD_REQUEST")).toBe(true);
  });

  it("R39 the examples: U+0000 in a search, an email and a name is a validation error on that field", async () => {
    const owner = createCaller(apiContext(ctx, world.callers.OWNER));
    const solo = await createAccount(ctx, `${unique("solo")}@example.test`);
    const personal = createCaller(apiContext(ctx, solo));
    const refusals = [
      () => owner.members.list({ search: "a\u0000" }),
      () =>
        owner.invitations.send({
          email: "x\u0000@example.test",
          username: unique("n"),
          role: "USER",
        }),
      () => personal.organization.activate({ name: "Acme\u0000" }),
      () => owner.members.list({ cursor: cursorOf(["a\u0000", "b"]) }),
      () => owner.invitations.list({ cursor: cursorOf([1e300, "x"]) }),
      () => owner.invitations.list({ cursor: cursorOf([3e14, "x"]) }),
      () => owner.invitations.list({ cursor: cursorOf([-62167219200000, "x"]) }),
      () => owner.audit.list({ cursor: cursorOf([-1]) }),
    ];
    // Invite several: a NUL in one row refuses that row alone, never the request.
    const bulk = await owner.invitations.sendMany({
      rows: [
        { email: `x\u0000${unique("n")}@example.test`, username: unique("n"), role: "USER" },
        { email: `${unique("n")}@example.test`, username: unique("n"), role: "USER" },
      ],
    });
    expect(bulk.rows.map((r) => (r.outcome === "refused" ? r.reason : r.outcome))).toEqual([
      "TEXT_INVALID",
      "sent",
    ]);
    for (const call of refusals) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    // Controls: the same calls with clean text succeed.
    expect((await owner.members.list({ search: "a" })).items).toBeDefined();
    expect(
      await owner.invitations.send({
        email: `${unique("x")}@example.test`,
        username: unique("n"),
        role: "USER",
      }),
    ).toHaveProperty("invitationId");
    expect(await personal.organization.activate({ name: unique("Acme ") })).toHaveProperty(
      "organization",
    );
  });
});
