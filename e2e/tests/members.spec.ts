import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import {
  checkPage,
  chooseAction,
  invite,
  linkIn,
  newOrganization,
  openActions,
  rowOf,
  showTab,
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

const ownerRowOf = (page: Page, ownerEmail: string) =>
  page.getByRole("listitem").filter({ hasText: ownerEmail });

test("R16 R17 R29 R31 step 4: role changes, and every refused action names its reason", async ({
  page,
  browser,
}) => {
  const org = await organizationWithMember(page, browser, "USER");
  const ownerRow = ownerRowOf(page, org.ownerEmail);
  await expect(ownerRow.getByText("You", { exact: true })).toBeVisible();
  const ownerActions = ownerRow.getByRole("button", { name: /^Actions for / });
  await ownerActions.click();
  const menu = ownerRow.getByRole("list", { name: /^Actions for / });
  for (const [item, reason] of [
    ["Change role", "Role change disabled: member is the owner"],
    ["Transfer ownership", "Ownership cannot be transferred to yourself"],
    ["Remove", "Remove action disabled: user is self"],
  ] as const) {
    const button = menu.getByRole("button", { name: new RegExp(`^${item}`) });
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await expect(button).toContainText(reason);
  }
  // The reasons are reached with the keyboard, and Escape gives focus back to the menu button.
  await page.keyboard.press("Tab");
  await expect(menu.getByRole("button").first()).toBeFocused();
  await expect(page.locator(":focus")).toContainText("Role change disabled: member is the owner");
  // Arrow keys, Home and End move between items.
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("button", { name: /^Transfer ownership/ })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("button", { name: /^Remove/ })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(menu.getByRole("button").first()).toBeFocused();
  await checkPage(page, "actions-menu");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(ownerActions).toBeFocused();
  // Focus leaving a menu closes it: never two open at once.
  await ownerActions.press("Enter");
  await expect(menu).toBeVisible();
  await page.getByRole("button", { name: `Actions for ${org.username}`, exact: true }).focus();
  await expect(menu).toHaveCount(0);

  // Choosing a refused item does nothing; choosing an allowed one commits it.
  await chooseAction(page, org.username, "Change role to VIEWER");
  await expect(toast(page, `${org.username} is now VIEWER`)).toBeVisible();
  // Focus is back on the row's menu button, not on the page's body.
  await expect(
    page.getByRole("button", { name: `Actions for ${org.username}`, exact: true }),
  ).toBeFocused();
  await page.reload();
  await expect(rowOf(page, org.username)).toContainText("VIEWER");
  const memberMenu = await openActions(page, org.username);
  await expect(memberMenu.getByRole("button", { name: /^Transfer ownership/ })).toContainText(
    "Ownership cannot be transferred to VIEWER members",
  );
  await checkPage(page, "role-change");
});

test("R16 R19 demoting yourself asks first and says what you lose", async ({ page, browser }) => {
  const org = await organizationWithMember(page, browser, "ADMIN");
  const admin = org.member;
  await admin.goto("/settings/organization/users");
  await expect(rowOf(admin, org.username).getByText("You", { exact: true })).toBeVisible();
  await chooseAction(admin, org.username, "Change role to USER");
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText("You will lose User management");
  await checkPage(admin, "demote-self-dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await admin.reload();
  await expect(rowOf(admin, org.username)).toContainText("ADMIN");
  // Positive control: another member's role changes at once, without a question.
  const other = unique("other");
  const link = await invite(page, `${other}@e2e.test`, other, "USER");
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee).toHaveURL(/\/settings\/organization$/);
  await admin.reload();
  await chooseAction(admin, other, "Change role to VIEWER");
  await expect(toast(admin, `${other} is now VIEWER`)).toBeVisible();
  await expect(admin.getByRole("alertdialog")).toHaveCount(0);
  await chooseAction(admin, org.username, "Change role to USER");
  await admin.getByRole("alertdialog").getByRole("button", { name: "Change my role" }).click();
  await expect(toast(admin, `${org.username} is now USER`)).toBeVisible();
  await admin.reload();
  await expect(admin.getByText("Admin access required")).toBeVisible();
});

test("R20 R22 R23 R24 step 5: transfer ownership, confirmed from the owner's mailbox", async ({
  page,
  browser,
}) => {
  const org = await organizationWithMember(page, browser, "ADMIN");
  await chooseAction(page, org.username, "Transfer ownership");
  await page.getByRole("alertdialog").getByRole("button", { name: "Send confirmation" }).click();
  await expect(toast(page, `Confirmation sent to ${org.ownerEmail}`)).toBeVisible();
  const banner = page.getByRole("status").filter({ hasText: "Ownership transfer to" });
  await expect(banner).toContainText(org.username);
  await expect(banner).toContainText(org.ownerEmail);
  await page.reload();
  await expect(banner).toBeVisible();
  // Nothing changed yet.
  await expect(rowOf(page, org.username)).toContainText("ADMIN");

  const mail = await waitForEmail(page.request, org.ownerEmail, "Confirm the ownership transfer");
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "Confirm ownership transfer" })).toBeVisible();
  await expect(
    page.getByText(`you become ADMIN and ${org.username} becomes OWNER`, { exact: false }),
  ).toBeVisible();
  await checkPage(page, "confirm-transfer");
  await page.getByRole("button", { name: "Confirm transfer" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(rowOf(page, org.username)).toContainText("OWNER");
  await expect(ownerRowOf(page, org.ownerEmail)).toContainText("ADMIN");
  await expect(banner).toHaveCount(0);
  await waitForEmail(page.request, org.email, "was transferred");
});

test("R25 R26 R27 R28 step 7: remove a member; they lose access at once", async ({
  page,
  browser,
}) => {
  const org = await organizationWithMember(page, browser, "USER");
  await chooseAction(page, org.username, "Remove");
  await checkPage(page, "remove-dialog");
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(toast(page, `${org.username} was removed`)).toBeVisible();
  // The row is gone; focus lands on the list's summary, not on the page's body.
  await expect(rowOf(page, org.username)).toHaveCount(0);
  await expect(page.locator(":focus")).toContainText("Showing");
  await page.reload();
  await expect(rowOf(page, org.username)).toHaveCount(0);
  const removed = await showTab(page, "Removed");
  const row = rowOf(removed, org.username);
  await expect(row).toContainText("REMOVED");
  // A removed member has no actions left.
  await expect(row.getByRole("button", { name: /^Actions for / })).toHaveCount(0);

  // Their session ended with the removal (the `member.removed` event, delivered right after
  // the response); signing in again finds them back in personal mode, told why (R7), free to
  // activate or accept an invitation.
  await expect
    .poll(async () => {
      await org.member.reload();
      return org.member.url();
    })
    .toMatch(/\/signin/);
  await signIn(org.member, org.email);
  await expect(org.member.getByText("Your access to this organization was removed")).toBeVisible();
  await expect(org.member.getByLabel("Organization name")).toBeVisible();
});

test("R32 the activity page tells every change in words, newest first, with filters", async ({
  page,
}) => {
  const org = await newOrganization(page);
  await page.goto("/settings/organization/users");
  const username = unique("log");
  await invite(page, `${username}@e2e.test`, username, "VIEWER");
  await page.goto("/settings/organization");
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveTitle("Activity · orgkit demo");
  const log = page.getByRole("region", { name: "Audit log" });
  const entries = log.getByRole("listitem");
  await expect(entries.first()).toContainText(`invited ${username}@e2e.test as VIEWER`);
  await expect(entries.nth(1)).toContainText(`activated the organization ${org.name}`);
  // Words only: no JSON, no record ids.
  await expect(log).not.toContainText("{");
  await expect(log).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await page.getByLabel("Action").selectOption({ label: "Organization activated" });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("activated the organization");
  await page.getByLabel("Action").selectOption({ label: "All actions" });
  await page.getByLabel("Member").fill(username);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(`invited ${username}@e2e.test`);
  await page.getByLabel("Member").fill("nobody-matches-this");
  await expect(log.getByText("No activity matches.")).toBeVisible();
  await checkPage(page, "activity");

  // Export: the log as a file, oldest first, every event a JSON line.
  const exporter = page.getByRole("region", { name: "Export" });
  await exporter.getByLabel("Format").selectOption({ label: "JSON Lines" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exporter.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const lines = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines.map((line) => JSON.parse(line).action)).toEqual([
    "organization.activated",
    "invitation.sent",
  ]);

  await page.context().clearCookies();
  await signIn(page, "user@demo.test");
  await page.goto("/settings/organization/activity");
  await expect(page.getByText("Admin access required")).toBeVisible();
});
