import { describe, expect, it } from "vitest";
import {
  activateOrganization,
  getMyOrganization,
  getPermissions,
  inviteUser,
  listInvitations,
  listMembers,
} from "../../src/server";
import { createAccount, unique } from "../../src/testing";
import { expectRefused, outcome } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

describe.each(DRIVERS)("activation on %s", (driver) => {
  const t = useDatabase(driver);

  it("R5 activates a trimmed name and makes the activating user OWNER", async () => {
    const userId = await createAccount(t.ctx, `${unique("a")}@example.test`, "Ada");
    const name = unique("Acme ");
    const result = await activateOrganization(t.ctx, userId, { name: `  ${name}  ` });
    expect(result.organization.name).toBe(name);
    const mine = await getMyOrganization(t.ctx, userId);
    expect(mine?.member.role).toBe("OWNER");
    expect(mine?.organization.name).toBe(name);
  });

  it("R5 refuses names under 2 or over 64 characters, accepts the limits", async () => {
    const tooShort = await createAccount(t.ctx, `${unique("s")}@example.test`);
    await expectRefused(
      activateOrganization(t.ctx, tooShort, { name: " x " }),
      "ORGANIZATION_NAME_INVALID",
    );
    await expectRefused(
      activateOrganization(t.ctx, tooShort, { name: "y".repeat(65) }),
      "ORGANIZATION_NAME_INVALID",
    );
    const name64 = unique("z").padEnd(64, "z");
    expect(await outcome(activateOrganization(t.ctx, tooShort, { name: name64 }))).toBe("OK");
    const two = await createAccount(t.ctx, `${unique("s")}@example.test`);
    expect(await outcome(activateOrganization(t.ctx, two, { name: unique("").slice(0, 2) }))).toBe(
      "OK",
    );
  });

  it("R5 refuses a name taken by another organization, without regard to case", async () => {
    const name = unique("Taken ");
    const first = await createAccount(t.ctx, `${unique("f")}@example.test`);
    const second = await createAccount(t.ctx, `${unique("g")}@example.test`);
    await activateOrganization(t.ctx, first, { name });
    await expectRefused(
      activateOrganization(t.ctx, second, { name: name.toUpperCase() }),
      "ORGANIZATION_NAME_TAKEN",
    );
    expect(await outcome(activateOrganization(t.ctx, second, { name: `${name} two` }))).toBe("OK");
  });

  it("R5 two users racing for one name: exactly one wins, the other is told it is taken", async () => {
    const name = unique("Race ");
    const a = await createAccount(t.ctx, `${unique("r")}@example.test`);
    const b = await createAccount(t.ctx, `${unique("r")}@example.test`);
    const results = await Promise.all([
      outcome(activateOrganization(t.ctx, a, { name })),
      outcome(activateOrganization(t.ctx, b, { name })),
    ]);
    expect(results.sort()).toEqual(["OK", "ORGANIZATION_NAME_TAKEN"]);
  });

  it("R6 before activation user management says to activate first", async () => {
    const userId = await createAccount(t.ctx, `${unique("p")}@example.test`);
    expect(await getMyOrganization(t.ctx, userId)).toBeNull();
    await expectRefused(listMembers(t.ctx, userId), "ORGANIZATION_NOT_ACTIVE");
    await expectRefused(listInvitations(t.ctx, userId), "ORGANIZATION_NOT_ACTIVE");
    await expectRefused(
      inviteUser(t.ctx, userId, { email: "x@example.test", username: "xyz", role: "USER" }),
      "ORGANIZATION_NOT_ACTIVE",
    );
    const permissions = await getPermissions(t.ctx, userId);
    expect(permissions.userManagement).toEqual({
      allowed: false,
      reason: "ORGANIZATION_NOT_ACTIVE",
    });
    // Positive control: the same user, once activated, reaches user management.
    await activateOrganization(t.ctx, userId, { name: unique("Now ") });
    expect((await listMembers(t.ctx, userId)).items).toHaveLength(1);
  });

  it("R7 an account belongs to at most one organization", async () => {
    const userId = await createAccount(t.ctx, `${unique("o")}@example.test`);
    await activateOrganization(t.ctx, userId, { name: unique("One ") });
    await expectRefused(
      activateOrganization(t.ctx, userId, { name: unique("Two ") }),
      "ALREADY_IN_ORGANIZATION",
    );
  });
});
