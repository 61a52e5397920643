import { expect, type Page, test } from "@playwright/test";
import {
  checkPage,
  invite,
  linkIn,
  newOrganization,
  signIn,
  toast,
  unique,
  waitForEmail,
} from "./support";

/** An organization whose owner is signed in on `page`, with one accepted member of `role`. */
async function organizationWithMember(
  page: Page,
  browser: import("@playwright/test").Browser,
  role: "USER" | "ADMIN" | "VIEWER",
) {
  const org = await newOrganization(page);
  await page.goto("/settings/organization/users");
  const username = unique(role.toLowerCase());
  const email = `${username}@e2e.test`;
  const link = await invite(page, email, username, role);
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(link);
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await expect(member).toHaveURL(/\/settings\/organization$/);
  await page.reload();
  return { ...org, username, email, member };
}

const usersTable = (page: Page) => page.getByRole("region", { name: "Organization users" });
const rowOf = (page: Page, username: string) =>
  usersTable(page).getByRole("row", { name: new RegExp(username) });

test("R16 R17 R29 R31 step 4: role changes, and every disabled control names its reason", async ({
  page,
  browser,
}) => {
  const org = await organizationWithMember(page, browser, "USER");
  const ownerRow = usersTable(page).getByRole("row").filter({ hasText: org.ownerEmail });
  await expect(ownerRow.getByRole("combobox")).toBeDisabled();
  await expect(ownerRow.getByText("Role change disabled: member is the owner")).toBeAttached();
  await expect(ownerRow.getByText("Remove action disabled: user is self")).toBeAttached();
  await expect(ownerRow.getByText("Ownership cannot be transferred to yourself")).toBeAttached();
  // The tooltip is reached with the keyboard.
  await ownerRow.locator("[data-disabled-reason]").first().focus();
  await expect(page.getByRole("tooltip")).toContainText(
    "Role change disabled: member is the owner",
  );

  const row = rowOf(page, org.username);
  await row.getByRole("combobox", { name: `Role of ${org.username}` }).selectOption("VIEWER");
  await expect(toast(page, `${org.username} is now VIEWER`)).toBeVisible();
  await page.reload();
  await expect(rowOf(page, org.username).getByRole("combobox")).toHaveValue("VIEWER");
  await expect(
    rowOf(page, org.username).getByText("Ownership cannot be transferred to VIEWER members"),
  ).toBeAttached();
  await checkPage(page, "role-change");
});

test("R20 R22 R23 R24 step 5: transfer ownership, confirmed from the owner's mailbox", async ({
  page,
  browser,
}) => {
  const org = await organizationWithMember(page, browser, "ADMIN");
  await rowOf(page, org.username).getByRole("button", { name: "Transfer ownership" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send confirmation" }).click();
  await expect(toast(page, `Confirmation sent to ${org.ownerEmail}`)).toBeVisible();
  const banner = page.getByRole("status").filter({ hasText: "Ownership transfer to" });
  await expect(banner).toContainText(org.username);
  await expect(banner).toContainText(org.ownerEmail);
  await page.reload();
  await expect(banner).toBeVisible();
  // Nothing changed yet.
  await expect(rowOf(page, org.username).getByRole("combobox")).toHaveValue("ADMIN");

  const mail = await waitForEmail(page.request, org.ownerEmail, "Confirm the ownership transfer");
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "Confirm ownership transfer" })).toBeVisible();
  await expect(
    page.getByText(`you become ADMIN and ${org.username} becomes OWNER`, { exact: false }),
  ).toBeVisible();
  await checkPage(page, "confirm-transfer");
  await page.getByRole("button", { name: "Confirm transfer" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(rowOf(page, org.username).getByRole("combobox")).toHaveValue("OWNER");
  const formerOwner = usersTable(page).getByRole("row").filter({ hasText: org.ownerEmail });
  await expect(formerOwner.getByRole("combobox")).toHaveValue("ADMIN");
  await expect(banner).toHaveCount(0);
  await waitForEmail(page.request, org.email, "was transferred");
});

test("R25 R26 R27 R28 step 7: remove a member; they lose access at once", async ({
  page,
  browser,
}) => {
  const org = await organizationWithMember(page, browser, "USER");
  await rowOf(page, org.username).getByRole("button", { name: "Remove" }).click();
  await checkPage(page, "remove-dialog");
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(toast(page, `${org.username} was removed`)).toBeVisible();
  await page.reload();
  const row = rowOf(page, org.username);
  await expect(row).toContainText("REMOVED");
  await expect(row.getByText("Remove action disabled: already removed")).toBeAttached();
  await expect(row.getByText("Role change disabled: member is removed")).toBeAttached();

  // Their session ended with the removal; signing in again finds them back in personal
  // mode, told why (R7), free to activate or accept an invitation.
  await org.member.reload();
  await expect(org.member).toHaveURL(/\/signin/);
  await signIn(org.member, org.email);
  await expect(org.member.getByText("Your access to this organization was removed")).toBeVisible();
  await expect(org.member.getByLabel("Organization name")).toBeVisible();
});

test("R32 the activity page lists every change, newest first", async ({ page }) => {
  const org = await newOrganization(page);
  await page.goto("/settings/organization/users");
  const username = unique("log");
  await invite(page, `${username}@e2e.test`, username, "VIEWER");
  await page.goto("/settings/organization");
  await page.getByRole("link", { name: "Activity" }).click();
  const entries = page.getByRole("listitem");
  await expect(entries.first()).toContainText(`${org.ownerEmail} invited ${username}@e2e.test`);
  await expect(entries.nth(1)).toContainText("activated the organization");
  await checkPage(page, "activity");

  await page.context().clearCookies();
  await signIn(page, "user@demo.test");
  await page.goto("/settings/organization/activity");
  await expect(page.getByText("Admin access required")).toBeVisible();
});
