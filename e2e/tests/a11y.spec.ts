import { expect, test } from "@playwright/test";
import { checkPage, invite, newOrganization, showTab, unique } from "./support";

const SIZES = [
  { name: "1280", width: 1280, height: 800 },
  { name: "360", width: 360, height: 740 },
] as const;

test("R31 every state of User management has no axe violation, at 1280 and 360 px, light and dark", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const org = await newOrganization(page);
  await page.goto("/settings/organization/users");
  const username = unique("a11y");
  await invite(page, `${username}@e2e.test`, username, "VIEWER");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      const at = `${scheme}-${size.name}`;
      await page.goto("/settings/organization/users");
      await expect(page.getByRole("heading", { name: "User management" })).toBeVisible();
      await checkPage(page, `a11y-members-${at}`);
      // The owner is the one member yet (the invitee has not accepted).
      await page.getByRole("button", { name: /^Actions for / }).click();
      await expect(page.getByRole("list", { name: /^Actions for / })).toBeVisible();
      await checkPage(page, `a11y-menu-${at}`);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Send invitation" }).click();
      await expect(page.getByText("There is a problem")).toBeVisible();
      await checkPage(page, `a11y-error-summary-${at}`);
      await showTab(page, "Pending invitations");
      await checkPage(page, `a11y-invitations-${at}`);
      await showTab(page, "Removed");
      await checkPage(page, `a11y-removed-${at}`);
      await page.goto("/settings/organization/activity");
      await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
      await checkPage(page, `a11y-activity-${at}`);
      await page.goto("/settings/organization");
      await expect(page.getByRole("heading", { name: org.name })).toBeVisible();
      await checkPage(page, `a11y-organization-${at}`);
    }
  }
});
