import { expect, test } from "@playwright/test";
import {
  checkPage,
  chooseAction,
  invite,
  newOrganization,
  rowOf,
  showTab,
  signIn,
  toast,
  unique,
} from "./support";

test.describe("invitations", () => {
  test("R8 R9 R10 R30 R31 step 3: invite a user, and each invite conflict says which field", async ({
    page,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const form = page.getByRole("region", { name: "Invite user" });
    await expect(form.getByLabel("Role").locator("option")).toHaveText(["USER", "ADMIN", "VIEWER"]);

    const username = unique("ada");
    const email = `${username}@e2e.test`;
    await invite(page, email, username, "VIEWER");
    // The new invitation shows right below the form, in Pending invitations.
    const pending = page.getByRole("tabpanel", { name: /^Pending invitations/ });
    const row = rowOf(pending, email);
    await expect(row).toContainText(username);
    await expect(row).toContainText("VIEWER");
    await expect(row).toContainText("PENDING");
    await expect(row.locator("time")).toHaveText("in 7 days");
    await expect(row.locator("time")).toHaveAttribute("title", /\d{4}/);

    // Two mistakes at once: both are said, in a summary that takes focus, values kept.
    const longName = "x".repeat(200);
    await form.getByLabel("Email", { exact: true }).fill("not-an-email");
    await form.getByLabel("Username").fill(longName);
    await form.getByRole("button", { name: "Send invitation" }).click();
    const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "Enter a valid email address",
      "Username must be 3–32 characters: a-z, 0-9, dot, underscore or hyphen",
    ]);
    await expect(form.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Username")).toHaveValue(longName);
    await checkPage(page, "invite-error-summary");
    // Each link leads to its field.
    await summary.getByRole("link", { name: /^Username/ }).click();
    await expect(form.getByLabel("Username")).toBeFocused();

    // Registered email, invited email (any case), taken username: the server's refusals,
    // each on its field and in the summary.
    for (const [field, value, other] of [
      ["Email", "owner@demo.test", unique("u")],
      ["Email", email.toUpperCase(), unique("u")],
    ] as const) {
      await form.getByLabel(field, { exact: true }).fill(value);
      await form.getByLabel("Username").fill(other);
      await form.getByRole("button", { name: "Send invitation" }).click();
      await expect(summary).toContainText(
        "Email or username already used: This email is already registered or invited.",
      );
      await expect(form.getByLabel("Email", { exact: true })).toHaveAttribute(
        "aria-invalid",
        "true",
      );
    }
    await form.getByLabel("Email", { exact: true }).fill(`${unique("free")}@e2e.test`);
    await form.getByLabel("Username").fill(username);
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(summary).toContainText(
      "Email or username already used: This username is taken in the organization.",
    );
    await expect(form.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
    await checkPage(page, "invite-conflict");

    await page.reload();
    await expect(rowOf(await showTab(page, "Pending invitations"), email)).toBeVisible();
  });

  test("R14 R31 the invitee accepts from the dev mailbox and lands as a member", async ({
    page,
    browser,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const username = unique("grace");
    const email = `${username}@e2e.test`;
    const link = await invite(page, email, username, "ADMIN");

    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: "Accept invitation" })).toBeVisible();
    await expect(invitee.getByText(username, { exact: true })).toBeVisible();
    await expect(invitee.getByText(/^ADMIN/)).toBeVisible();
    await checkPage(invitee, "accept-invitation");
    // Opening the link changed nothing: it is still pending for the admin.
    await page.reload();
    await expect(rowOf(await showTab(page, "Pending invitations"), email)).toBeVisible();

    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await expect(invitee).toHaveURL(/\/settings\/organization$/);
    await expect(invitee.getByText(/^ADMIN/)).toBeVisible();
    await expect(invitee.getByRole("link", { name: "Open user management" })).toBeVisible();

    await page.reload();
    await expect(rowOf(page, username)).toContainText(email);
    await expect(rowOf(await showTab(page, "Pending invitations"), email)).toHaveCount(0);

    // The link works once (R15): the person who joined is told so and sent to the
    // organization; anyone else hears the link is no longer valid.
    await invitee.goto(link);
    await expect(
      invitee.getByText("You already joined this organization through this invitation"),
    ).toBeVisible();
    await invitee.getByRole("link", { name: "Go to your organization" }).click();
    await expect(invitee).toHaveURL(/\/settings\/organization$/);
    await expect(invitee.getByText(/^ADMIN/)).toBeVisible();
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(link);
    await expect(stranger.getByText("This invitation is no longer valid")).toBeVisible();
  });

  test("R12 R13 step 6: resend and revoke; the old link then fails", async ({ page, browser }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const resent = unique("res");
    const oldLink = await invite(page, `${resent}@e2e.test`, resent);
    await chooseAction(page, `${resent}@e2e.test`, "Resend");
    await expect(toast(page, `Invitation resent to ${resent}@e2e.test`)).toBeVisible();

    const other = await (await browser.newContext()).newPage();
    await other.goto(oldLink);
    await expect(other.getByText("This invitation is no longer valid")).toBeVisible();

    const revoked = unique("rev");
    const revokedLink = await invite(page, `${revoked}@e2e.test`, revoked);
    await chooseAction(page, `${revoked}@e2e.test`, "Revoke");
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("The link stops working at once.");
    await checkPage(page, "revoke-dialog");
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(toast(page, `Invitation to ${revoked}@e2e.test revoked`)).toBeVisible();
    await expect(page.locator(":focus")).toContainText("Showing");
    await page.reload();
    const pending = await showTab(page, "Pending invitations");
    await expect(pending).toContainText(`${resent}@e2e.test`);
    await expect(rowOf(pending, `${revoked}@e2e.test`)).toHaveCount(0);
    await other.goto(revokedLink);
    await expect(other.getByText("This invitation is no longer valid")).toBeVisible();
  });

  test("R11 R15 an expired invitation says so, and Resend gives a working link", async ({
    page,
    browser,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const username = unique("late");
    const link = await invite(page, `${username}@e2e.test`, username);
    const moved = await page.request.post("/api/dev/clock", { data: { days: 8 } });
    expect(moved.ok()).toBe(true);
    await page.reload();
    const row = rowOf(await showTab(page, "Pending invitations"), `${username}@e2e.test`);
    await expect(row).toContainText("EXPIRED");

    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(link);
    await expect(invitee.getByText("Invitation expired. Ask an admin to resend it.")).toBeVisible();
    await expect(invitee.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
    // The date is labelled as past, from the server's decision.
    await expect(invitee.getByRole("term").filter({ hasText: /^Expired$/ })).toBeVisible();
    await expect(invitee.getByRole("term").filter({ hasText: /^Expires$/ })).toHaveCount(0);

    await chooseAction(page, `${username}@e2e.test`, "Resend");
    await expect(row).toContainText("PENDING");
  });

  test("R3 a VIEWER cannot reach invitations even through the API", async ({ page }) => {
    await signIn(page, "viewer@demo.test");
    const response = await page.request.post("/api/trpc/invitations.send", {
      data: { json: { email: `${unique("v")}@e2e.test`, username: unique("v"), role: "USER" } },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.json.data.reason).toBe("ADMIN_ACCESS_REQUIRED");
  });
});
