import { expect, test } from "@playwright/test";

test("a host outside the workspace: sign in, activate an organization, send an invitation", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("founder@host.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/organization$/);
  await page.getByLabel("Organization name").fill("Host Org");
  await page.getByRole("button", { name: "Activate organization" }).click();
  await expect(page.getByRole("heading", { name: "Host Org" })).toBeVisible();
  // The compiled stylesheet applies without Tailwind in the host.
  const radius = await page
    .getByRole("link", { name: "Open user management" })
    .evaluate((el) => getComputedStyle(el).borderRadius);
  expect(radius).toBe("8px");

  await page.getByRole("link", { name: "Open user management" }).click();
  const form = page.getByRole("region", { name: "Invite user" });
  await form.getByLabel("Email", { exact: true }).fill("newcomer@host.test");
  await form.getByLabel("Username").fill("newcomer");
  await form.getByRole("button", { name: "Send invitation" }).click();
  // The new invitation shows right below the form, in the Pending invitations tab.
  await expect(page.getByRole("tabpanel", { name: /^Pending invitations/ })).toContainText(
    "newcomer@host.test",
  );
  await expect
    .poll(async () => {
      const mail = (await (
        await page.request.get("/api/dev/mailbox?to=newcomer@host.test")
      ).json()) as { subject: string }[];
      return mail[0]?.subject;
    })
    .toBe("You are invited to join Host Org");
});
