import { describe, expect, it } from "vitest";
import { isReasonCode, PolicyError, REASONS, reasonMessage } from "../../src/policy";

// The messages the product guide and the spec quote word for word.
const GUIDE_WORDS = {
  ADMIN_ACCESS_REQUIRED: "Admin access required",
  ORGANIZATION_NOT_ACTIVE: "Activate organization first",
  ORGANIZATION_NAME_TAKEN: "Organization name is already taken",
  EMAIL_INVALID: "Enter a valid email address",
  OWNER_NOT_INVITABLE:
    "OWNER is not available as an invitation role. Use ownership transfer after the user joins.",
  EMAIL_ALREADY_USED: "Email or username already used",
  USERNAME_ALREADY_USED: "Email or username already used",
  ROLE_CHANGE_OWNER: "Role change disabled: member is the owner",
  ROLE_CHANGE_REMOVED: "Role change disabled: member is removed",
  ROLE_CHANGE_LAST_ADMIN: "Role change disabled: would leave no admin-like member",
  REMOVE_SELF: "Remove action disabled: user is self",
  REMOVE_ALREADY_REMOVED: "Remove action disabled: already removed",
  REMOVE_OWNER: "Remove action disabled: owner",
  REMOVE_LAST_ADMIN: "Remove action disabled: last admin-like member",
} as const;

describe("reason registry", () => {
  it.each(Object.entries(GUIDE_WORDS))("R29 %s reads %j", (code, message) => {
    expect(reasonMessage(code as keyof typeof GUIDE_WORDS)).toBe(message);
  });

  it("R15 the expired message tells the person to ask an admin to resend", () => {
    expect(reasonMessage("INVITATION_EXPIRED")).toMatch(
      /^Invitation expired.*ask an admin to resend/i,
    );
    expect(reasonMessage("INVITATION_NOT_VALID")).toMatch(/no longer valid/);
  });

  it("every code is UPPER_SNAKE and a PolicyError carries code and message", () => {
    for (const code of Object.keys(REASONS)) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    const error = new PolicyError("REMOVE_OWNER");
    expect(error.reason).toBe("REMOVE_OWNER");
    expect(error.message).toBe("Remove action disabled: owner");
    expect(isReasonCode("REMOVE_OWNER")).toBe(true);
    expect(isReasonCode("toString")).toBe(false);
  });
});
