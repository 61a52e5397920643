import { describe, expect, it } from "vitest";
import {
  type Action,
  can,
  definePermissions,
  isAdminLike,
  PERMISSIONS,
  ROLES,
  type Role,
} from "../../src/policy";

// The matrix as the product guide states it, written out by hand as the oracle.
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  "organization:read": { OWNER: true, ADMIN: true, USER: true, VIEWER: true },
  "organization:update": { OWNER: true, ADMIN: true, USER: false, VIEWER: false },
  "users:manage": { OWNER: true, ADMIN: true, USER: false, VIEWER: false },
  "invitations:manage": { OWNER: true, ADMIN: true, USER: false, VIEWER: false },
  "audit:read": { OWNER: true, ADMIN: true, USER: false, VIEWER: false },
  "ownership:transfer": { OWNER: true, ADMIN: false, USER: false, VIEWER: false },
  "endpoint:read": { OWNER: true, ADMIN: true, USER: true, VIEWER: true },
  "endpoint:create": { OWNER: true, ADMIN: true, USER: true, VIEWER: false },
  "endpoint:update": { OWNER: true, ADMIN: true, USER: true, VIEWER: false },
  "endpoint:delete": { OWNER: true, ADMIN: true, USER: true, VIEWER: false },
  "target:read": { OWNER: true, ADMIN: true, USER: true, VIEWER: true },
  "target:create": { OWNER: true, ADMIN: true, USER: true, VIEWER: false },
  "target:update": { OWNER: true, ADMIN: true, USER: true, VIEWER: false },
  "target:delete": { OWNER: true, ADMIN: true, USER: true, VIEWER: false },
};

describe("R1 roles", () => {
  it("R1 has exactly OWNER, ADMIN, USER, VIEWER; admin-like means OWNER or ADMIN", () => {
    expect(ROLES).toEqual(["OWNER", "ADMIN", "USER", "VIEWER"]);
    expect(ROLES.filter(isAdminLike)).toEqual(["OWNER", "ADMIN"]);
  });
});

describe("R2 permission matrix", () => {
  it("R2 the matrix lists exactly the actions of the oracle", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cells = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
    ROLES.map((role) => [action, role, EXPECTED[action][role]] as const),
  );
  it.each(cells)("R2 %s by %s is %s", (action, role, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it("R2 VIEWER can mutate nothing", () => {
    const mutations = (Object.keys(PERMISSIONS) as Action[]).filter((a) => !a.endsWith(":read"));
    expect(mutations.filter((action) => can("VIEWER", action))).toEqual([]);
    expect(can("VIEWER", "organization:read")).toBe(true);
  });

  it("R2 a host adds its own resource actions and keeps orgkit's", () => {
    const host = definePermissions({ "report:export": ["OWNER", "ADMIN"], "report:read": ROLES });
    expect(host.can("ADMIN", "report:export")).toBe(true);
    expect(host.can("USER", "report:export")).toBe(false);
    expect(host.can("VIEWER", "report:read")).toBe(true);
    expect(host.can("USER", "endpoint:update")).toBe(true);
  });

  it("R2 a host cannot grant VIEWER a mutation or redefine an orgkit action", () => {
    expect(() => definePermissions({ "report:delete": ["ADMIN", "VIEWER"] })).toThrow(/VIEWER/);
    expect(() => definePermissions({ "endpoint:update": ["OWNER"] })).toThrow(/already defined/);
  });
});
