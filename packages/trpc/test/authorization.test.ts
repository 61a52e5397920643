import { contextFor, createTestDatabase, type TestDatabase, unique } from "@orgkit/core/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src";
import { apiContext, type CallerKind, createCaller, createWorld, type World } from "./world";

type Caller = ReturnType<typeof createCaller>;
type Outcome =
  | "OK"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED";
type Row = {
  call: (api: Caller, world: World) => Promise<unknown>;
  expect: Record<CallerKind, Outcome>;
};

// Who may call what, as R3, R4, R6, R7, R20, R25 and R34 say. Keys are every procedure of the router.
const ALL_OK = {
  OWNER: "OK",
  ADMIN: "OK",
  USER: "OK",
  VIEWER: "OK",
  REMOVED: "OK",
  OTHER_ORG_ADMIN: "OK",
  PERSONAL: "OK",
  ANONYMOUS: "OK",
} as const;
const SIGNED_IN: Record<CallerKind, Outcome> = { ...ALL_OK, ANONYMOUS: "UNAUTHORIZED" };
const ADMINS_READ: Record<CallerKind, Outcome> = {
  OWNER: "OK",
  ADMIN: "OK",
  USER: "FORBIDDEN",
  VIEWER: "FORBIDDEN",
  REMOVED: "FORBIDDEN",
  OTHER_ORG_ADMIN: "OK",
  PERSONAL: "PRECONDITION_FAILED",
  ANONYMOUS: "UNAUTHORIZED",
};
const ADMINS_ON_OUR_RECORD: Record<CallerKind, Outcome> = {
  ...ADMINS_READ,
  OTHER_ORG_ADMIN: "NOT_FOUND",
};
const OWNER_ONLY: Record<CallerKind, Outcome> = {
  ...ADMINS_READ,
  ADMIN: "FORBIDDEN",
  USER: "FORBIDDEN",
  VIEWER: "FORBIDDEN",
  OTHER_ORG_ADMIN: "FORBIDDEN",
};

const TABLE: Record<string, Row> = {
  health: { call: (api) => api.health(), expect: ALL_OK },
  "organization.get": {
    call: (api) => api.organization.get(),
    // R7: a removed member reads personal mode; organization procedures refuse them (R25).
    expect: SIGNED_IN,
  },
  "organization.activate": {
    call: (api) => api.organization.activate({ name: unique("New ") }),
    expect: {
      OWNER: "CONFLICT",
      ADMIN: "CONFLICT",
      USER: "CONFLICT",
      VIEWER: "CONFLICT",
      REMOVED: "OK",
      OTHER_ORG_ADMIN: "CONFLICT",
      PERSONAL: "OK",
      ANONYMOUS: "UNAUTHORIZED",
    },
  },
  "organization.permissions": {
    call: (api) => api.organization.permissions(),
    expect: SIGNED_IN,
  },
  "organization.leave": {
    call: (api) => api.organization.leave(),
    // R26, R28: admins cannot remove themselves and the owner transfers first.
    expect: {
      OWNER: "PRECONDITION_FAILED",
      ADMIN: "PRECONDITION_FAILED",
      USER: "OK",
      VIEWER: "OK",
      REMOVED: "FORBIDDEN",
      OTHER_ORG_ADMIN: "PRECONDITION_FAILED",
      PERSONAL: "PRECONDITION_FAILED",
      ANONYMOUS: "UNAUTHORIZED",
    },
  },
  "organization.delete.start": {
    call: (api, w) => api.organization.delete.start({ name: w.org.name }),
    expect: OWNER_ONLY,
  },
  "organization.delete.cancel": {
    call: (api) => api.organization.delete.cancel(),
    expect: OWNER_ONLY,
  },
  "organization.delete.preview": {
    call: (api, w) => api.organization.delete.preview({ token: w.deletionToken }),
    // Members of the organization see the link's deletion with their decision.
    expect: {
      ...ADMINS_READ,
      USER: "OK",
      VIEWER: "OK",
      OTHER_ORG_ADMIN: "PRECONDITION_FAILED",
    },
  },
  "organization.delete.confirm": {
    call: (api, w) => api.organization.delete.confirm({ token: w.deletionToken }),
    expect: { ...OWNER_ONLY, OTHER_ORG_ADMIN: "PRECONDITION_FAILED" },
  },
  "members.list": { call: (api) => api.members.list(), expect: ADMINS_READ },
  "members.changeRole": {
    call: (api, w) => api.members.changeRole({ memberId: w.org.user.memberId, role: "VIEWER" }),
    expect: ADMINS_ON_OUR_RECORD,
  },
  "members.remove": {
    call: (api, w) => api.members.remove({ memberId: w.org.user.memberId }),
    expect: ADMINS_ON_OUR_RECORD,
  },
  "invitations.list": { call: (api) => api.invitations.list(), expect: ADMINS_READ },
  "invitations.send": {
    call: (api) =>
      api.invitations.send({
        email: `${unique("n")}@example.test`,
        username: unique("n"),
        role: "USER",
      }),
    expect: ADMINS_READ,
  },
  "invitations.checkMany": {
    call: (api) =>
      api.invitations.checkMany({ text: `${unique("m")}@example.test,${unique("m")},USER` }),
    expect: ADMINS_READ,
  },
  "invitations.sendMany": {
    call: (api) =>
      api.invitations.sendMany({
        rows: [{ email: `${unique("m")}@example.test`, username: unique("m"), role: "user" }],
      }),
    expect: ADMINS_READ,
  },
  "invitations.resend": {
    call: (api, w) => api.invitations.resend({ invitationId: w.invitationId }),
    expect: ADMINS_ON_OUR_RECORD,
  },
  "invitations.revoke": {
    call: (api, w) => api.invitations.revoke({ invitationId: w.invitationId }),
    expect: ADMINS_ON_OUR_RECORD,
  },
  "invitations.preview": {
    call: (api, w) => api.invitations.preview({ token: w.invitationToken }),
    expect: ALL_OK,
  },
  "invitations.accept": {
    call: (api, w) => api.invitations.accept({ token: w.invitationToken }),
    expect: ALL_OK,
  },
  "ownership.start": {
    call: (api, w) => api.ownership.start({ memberId: w.org.user.memberId }),
    expect: { ...OWNER_ONLY, OTHER_ORG_ADMIN: "NOT_FOUND" },
  },
  "ownership.cancel": { call: (api) => api.ownership.cancel(), expect: OWNER_ONLY },
  "ownership.preview": {
    call: (api, w) => api.ownership.preview({ token: w.transferToken }),
    // Members of the organization see the link's transfer with their decision (R23).
    expect: {
      ...ADMINS_READ,
      USER: "OK",
      VIEWER: "OK",
      OTHER_ORG_ADMIN: "PRECONDITION_FAILED",
    },
  },
  "ownership.confirm": {
    call: (api, w) => api.ownership.confirm({ token: w.transferToken }),
    expect: { ...OWNER_ONLY, OTHER_ORG_ADMIN: "PRECONDITION_FAILED" },
  },
  "audit.list": { call: (api) => api.audit.list(), expect: ADMINS_READ },
  "audit.redeliverWebhook": {
    // No delivery of the world's is dead: admins reach the lookup (NOT_FOUND), others their
    // own refusal first. The positive control is in core's events test.
    call: (api) => api.audit.redeliverWebhook({ deliveryId: 1 }),
    expect: {
      ...ADMINS_READ,
      OWNER: "NOT_FOUND",
      ADMIN: "NOT_FOUND",
      OTHER_ORG_ADMIN: "NOT_FOUND",
    },
  },
  "audit.webhookDeliveries": {
    call: (api) => api.audit.webhookDeliveries(),
    expect: ADMINS_READ,
  },
};

describe("authorization table through createCaller", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(() => database?.drop());

  it("R3 the table covers every procedure of the router", () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  const cells = Object.entries(TABLE).flatMap(([path, row]) =>
    (Object.keys(row.expect) as CallerKind[]).map(
      (caller) => [path, caller, row.expect[caller]] as const,
    ),
  );
  it.each(cells)("R3 R4 R6 R7 R25 R34 %s by %s → %s", async (path, caller, expected) => {
    const { ctx } = contextFor(database);
    const world = await createWorld(ctx);
    const api = createCaller(apiContext(ctx, world.callers[caller]));
    const row = TABLE[path];
    if (!row) throw new Error(path);
    const result = await row.call(api, world).then(
      () => "OK",
      (error: unknown) => (error instanceof TRPCError ? error.code : error),
    );
    expect(result).toBe(expected);
  });
});
