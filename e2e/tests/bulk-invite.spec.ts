import { expect, test } from "@playwright/test";
import { checkPage, newOrganization, showTab, toast, unique } from "./support";

test("Invite several: 60 pasted rows with 5 bad ones, two fixed in place, sent, and the result read", async ({
  page,
}) => {
  const { ownerEmail } = await newOrganization(page);
  await page.goto("/settings/organization/users");
  const tag = unique("b");
  const good = Array.from({ length: 55 }, (_, i) => `${tag}${i}@e2e.test,${tag}${i},USER`);
  const bad = [
    `${tag}boss@e2e.test,${tag}boss,OWNER`, // fixed below: OWNER is not an invitation role
    `not-an-email,${tag}mail,VIEWER`, // fixed below
    `${tag}dup@e2e.test,${tag}0,USER`, // a username taken inside the file
    `${ownerEmail},${tag}me,ADMIN`, // an email already registered
    `${tag}half@e2e.test;${tag}half`, // a malformed line
  ];
  const lines = ["email,username,role", ...good.slice(0, 30), ...bad, ...good.slice(30)];
  const section = page.getByRole("region", { name: "Invite several" });
  await section
    .getByLabel("Paste one person per line: email, username, role")
    .fill(lines.join("\n"));
  await section.getByRole("button", { name: "Check rows" }).click();
  await expect(section.getByText("55 rows ready, 5 rows refused")).toBeVisible();
  await checkPage(page, "invite-several-preview");

  // The refused rows, with the guide's reasons, by themselves.
  await section.getByLabel("Show only rows to fix").check();
  const table = section.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(1 + 5);
  await expect(table).toContainText(
    "OWNER is not available as an invitation role. Use ownership transfer after the user joins.",
  );
  await expect(table).toContainText("Enter a valid email address");
  await expect(table).toContainText("Email or username already used");
  await expect(table).toContainText(
    "Each row needs an email, a username and a role, separated by commas",
  );

  // Fix two in place: the keyboard reaches every field of a row.
  await section.getByLabel("Role, row 31").selectOption("USER");
  await section.getByLabel("Email, row 32").fill(`${tag}mail@e2e.test`);
  await expect(section.getByText("Rows changed: check again before sending.")).toBeVisible();
  await expect(section.getByRole("button", { name: /^Send/ })).toBeDisabled();
  await section.getByRole("button", { name: "Check again" }).click();
  await expect(section.getByText("57 rows ready, 3 rows refused")).toBeVisible();

  await section.getByRole("button", { name: "Send 57 invitations" }).click();
  await expect(toast(page, "57 invitations sent, 3 rows refused")).toBeVisible();
  const result = section.getByRole("table");
  await expect(result.getByRole("row")).toHaveCount(1 + 3);
  await expect(result).toContainText(`${tag}dup@e2e.test`);
  await expect(result).toContainText("Email or username already used");
  await checkPage(page, "invite-several-result");

  const pending = await showTab(page, "Pending invitations");
  await expect(page.getByRole("tab", { name: /Pending invitations\s*57/ })).toBeVisible();
  await expect(pending).toContainText(`${tag}mail@e2e.test`);
});

test("Seat limits: User management shows the seats; a single invitation and a row of Invite several past the limit are refused with the count", async ({
  page,
}) => {
  await newOrganization(page);
  const limited = await page.request.post("/api/dev/seat-limit", { data: { limit: 3 } });
  expect(limited.ok()).toBe(true);
  await page.goto("/settings/organization/users");
  await expect(page.getByText("1 of 3 seats", { exact: true })).toBeVisible();

  const tag = unique("s");
  const section = page.getByRole("region", { name: "Invite several" });
  await section
    .getByLabel("Paste one person per line: email, username, role")
    .fill([1, 2, 3].map((n) => `${tag}${n}@e2e.test,${tag}${n},USER`).join("\n"));
  await section.getByRole("button", { name: "Check rows" }).click();
  await expect(section.getByText("2 rows ready, 1 row refused")).toBeVisible();
  await expect(section.getByRole("table")).toContainText("Seat limit reached: 3 of 3 seats used");
  await section.getByRole("button", { name: "Send 2 invitations" }).click();
  await expect(toast(page, "2 invitations sent, 1 row refused")).toBeVisible();
  await expect(page.getByText("3 of 3 seats", { exact: true })).toBeVisible();

  // The single form meets the same rule, beside no field: the page says why.
  const form = page.getByRole("region", { name: "Invite user" });
  await form.getByLabel("Email", { exact: true }).fill(`${tag}4@e2e.test`);
  await form.getByLabel("Username").fill(`${tag}4`);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(toast(page, "Seat limit reached: 3 of 3 seats used")).toBeVisible();
  // Control: a higher limit lets the same invitation through.
  await page.request.post("/api/dev/seat-limit", { data: { limit: 4 } });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(toast(page, `Invitation sent to ${tag}4@e2e.test`)).toBeVisible();
  await expect(page.getByText("4 of 4 seats", { exact: true })).toBeVisible();
});
