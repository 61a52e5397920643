import { expect, test } from "@playwright/test";
import {
  checkPage,
  countEmails,
  invite,
  linkIn,
  newOrganization,
  rowOf,
  showTab,
  signIn,
  toast,
  unique,
  waitForEmail,
} from "./support";

test("R5 R6 R31 step 1: a person in personal mode activates an organization", async ({ page }) => {
  await signIn(page, `${unique("solo")}@e2e.test`);
  await expect(page.getByRole("heading", { name: "Activate organization" })).toBeVisible();
  await checkPage(page, "organization-activation");

  // A taken name says so inline; the form keeps what was typed.
  await page.getByLabel("Organization name").fill("acme");
  await page.getByRole("button", { name: "Activate organization" }).click();
  await expect(page.getByText("Organization name is already taken")).toBeVisible();
  await expect(page.getByLabel("Organization name")).toHaveValue("acme");

  const name = unique("Fresh Org ");
  await page.getByLabel("Organization name").fill(`  ${name}  `);
  await page.getByRole("button", { name: "Activate organization" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText(/^OWNER/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open user management" })).toBeVisible();
  await checkPage(page, "organization");
});

test("R3 step 2: admins open user management; a VIEWER is refused", async ({ page }) => {
  await newOrganization(page);
  await page.getByRole("link", { name: "Open user management" }).click();
  await expect(page.getByRole("heading", { name: "User management" })).toBeVisible();
  await expect(page).toHaveTitle("User management · orgkit demo");
  await expect(page.getByRole("heading", { name: "Invite user" })).toBeVisible();
  const tabs = page.getByRole("tablist", { name: "Organization users" });
  await expect(tabs.getByRole("tab")).toHaveText([
    /^Members\s*1$/,
    /^Pending invitations\s*0$/,
    /^Removed\s*0$/,
  ]);
  await checkPage(page, "user-management");

  await page.context().clearCookies();
  await signIn(page, "viewer@demo.test");
  await expect(page.getByRole("heading", { name: "Acme" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open user management" })).toHaveCount(0);
  await page.goto("/settings/organization/users");
  await expect(page.getByText("Admin access required")).toBeVisible();
  await checkPage(page, "user-management-refused");
});

test("R2 a VIEWER sees Endpoints read-only; a USER can add one", async ({ page }) => {
  await signIn(page, "viewer@demo.test");
  await page.goto("/endpoints");
  await expect(page.getByText("Read-only: your role (VIEWER)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  await checkPage(page, "endpoints-viewer");

  await page.context().clearCookies();
  await signIn(page, "user@demo.test");
  await page.goto("/endpoints");
  const name = unique("hook");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("URL").fill("https://example.com/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText(name)).toBeVisible();
});

test("R7 R28 a USER leaves after confirming; the owner is told why it cannot", async ({
  page,
  browser,
}) => {
  const { name } = await newOrganization(page);
  // The owner's button is disabled with the policy's reason.
  await expect(page.getByRole("button", { name: "Leave organization" })).toBeDisabled();
  await expect(
    page.getByText("Leave organization disabled: transfer ownership first"),
  ).toBeVisible();

  await page.goto("/settings/organization/users");
  const username = unique("leaver");
  const email = `${username}@e2e.test`;
  const link = await invite(page, email, username, "USER");
  const member = await (await browser.newContext()).newPage();
  await member.goto(link);
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await expect(member.getByRole("heading", { name })).toBeVisible();

  const leave = member.getByRole("button", { name: "Leave organization" });
  await expect(leave).toBeEnabled();
  await leave.click();
  const dialog = member.getByRole("alertdialog", { name: `Leave ${name}?` });
  await expect(dialog).toBeVisible();
  await checkPage(member, "leave-organization-dialog");
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(member.getByRole("heading", { name })).toBeVisible();
  await leave.click();
  await dialog.getByRole("button", { name: "Leave organization" }).click();
  await expect(member.getByRole("heading", { name: "Activate organization" })).toBeVisible();
  // The notice is read from the server: it survives a reload.
  await member.reload();
  await expect(member.getByText("You left this organization")).toBeVisible();
  await checkPage(member, "left-organization");

  // The admin sees the member under Removed, marked as having left, and the event in words.
  await page.reload();
  const removed = await showTab(page, "Removed");
  await expect(rowOf(removed, username)).toContainText("left");
  await page.goto("/settings/organization/activity");
  await expect(page.getByText(`${username} left the organization`)).toBeVisible();
});

test("Delete organization: the owner types the name, confirms from the emailed link; members are signed out and the name is free", async ({
  page,
  browser,
}) => {
  const { ownerEmail, name } = await newOrganization(page);
  await page.goto("/settings/organization/users");
  const username = unique("doomed");
  const link = await invite(page, `${username}@e2e.test`, username, "ADMIN");
  const member = await (await browser.newContext()).newPage();
  await member.goto(link);
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await expect(member.getByRole("heading", { name })).toBeVisible();
  const pendingName = unique("pending");
  const pendingLink = await invite(page, `${pendingName}@e2e.test`, pendingName, "USER");
  // An admin sees why they cannot delete it.
  await expect(member.getByRole("button", { name: "Delete organization" })).toBeDisabled();
  await expect(
    member.getByText("Delete organization disabled: only the owner can delete it"),
  ).toBeVisible();

  await page.goto("/settings/organization");
  const section = page.getByRole("region", { name: "Delete organization" });
  const typed = section.getByLabel(`Type ${name} to confirm`);
  // A name typed differently is refused beside the field, and nothing is sent.
  await typed.fill(name.toLowerCase());
  await section.getByRole("button", { name: "Delete organization" }).click();
  await expect(
    section.getByText("Type the organization's name exactly as shown to delete it"),
  ).toBeVisible();
  const seen = await countEmails(page.request, ownerEmail, "Confirm the deletion");
  await typed.fill(name);
  await section.getByRole("button", { name: "Delete organization" }).click();
  await expect(toast(page, `Confirmation sent to ${ownerEmail}`)).toBeVisible();
  await expect(section.getByText(`Deletion of ${name} is pending`)).toBeVisible();
  await checkPage(page, "delete-organization-pending");
  const mail = await waitForEmail(page.request, ownerEmail, "Confirm the deletion", seen);
  expect(mail.subject).toBe(`Confirm the deletion of ${name}`);

  // The link opens a page that says what happens; only its button deletes.
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "Confirm organization deletion" })).toBeVisible();
  await expect(page.getByText("all 2 members lose access")).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
  await checkPage(page, "confirm-deletion");
  await page.getByRole("button", { name: "Delete organization" }).click();
  await expect(page.getByText("This organization was deleted")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Activate organization" })).toBeVisible();

  // The admin's next request is refused: their sessions ended with the event.
  await expect
    .poll(async () => (await member.request.get("/api/trpc/organization.get")).status())
    .toBe(401);
  await member.goto("/settings/organization");
  await expect(member).toHaveURL(/\/signin/);

  // A pending invitation's link says the organization is gone.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(pendingLink);
  await expect(
    invitee.getByText("This invitation is no longer valid: the organization was deleted."),
  ).toBeVisible();

  // The name is free again: the former owner activates it anew.
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Activate organization" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
});
