import { expect, test } from "@playwright/test";
import { checkPage, newOrganization, signIn } from "./support";

test("sign-in and dev mailbox pages are accessible", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await checkPage(page, "signin");
  await signIn(page, "admin@demo.test");
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { name: "Dev mailbox" })).toBeVisible();
  await checkPage(page, "dev-mailbox");
});

test("user management works at 360 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await newOrganization(page);
  await page.goto("/settings/organization/users");
  await expect(page.getByRole("tabpanel", { name: /^Members/ }).getByRole("listitem")).toHaveCount(
    1,
  );
  // Every action of a member is reachable on a phone: the menu opens within the screen.
  await page.getByRole("button", { name: /^Actions for / }).click();
  const menu = page.getByRole("list", { name: /^Actions for / });
  const box = await menu.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await checkPage(page, "user-management-360px");
});

test("the dark theme keeps every page readable", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await newOrganization(page);
  await page.goto("/settings/organization/users");
  await expect(page.getByRole("tabpanel", { name: /^Members/ }).getByRole("listitem")).toHaveCount(
    1,
  );
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(24, 24, 27)");
  await checkPage(page, "user-management-dark");
});
