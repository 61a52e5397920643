import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_PATH, PAGES, pageOf, pagePath, pageTitle } from "../../src/policy";

describe("the route table", () => {
  it("R14 R22 every page has one path under the base path, and a slug finds it back", () => {
    for (const page of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      const path = pagePath(page, "/team/org");
      const slug = path.slice("/team/org".length).split("/").filter(Boolean);
      expect(pageOf(slug)).toBe(page);
    }
    expect(pagePath("acceptInvitation")).toBe(`${DEFAULT_BASE_PATH}/invitations/accept`);
    expect(pagePath("organization", "/team/")).toBe("/team");
    expect(pagePath("organization", "/")).toBe("/");
    expect(pageOf(["nope"])).toBeNull();
  });

  it("R30 every page has its own title, in the guide's words; an unknown path is Not found", () => {
    expect(pageTitle([])).toBe("Organization");
    expect(pageTitle(["users"])).toBe("User management");
    expect(pageTitle(["activity"])).toBe("Activity");
    expect(pageTitle(["invitations", "accept"])).toBe("Accept invitation");
    expect(pageTitle(["ownership", "confirm"])).toBe("Confirm ownership transfer");
    expect(pageTitle(["users", "extra"])).toBe("Not found");
  });
});
