import { expect, type Page, type Request, test } from "@playwright/test";
import {
  chooseAction,
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

/** Every request a page makes from now on, with its Referer and method. */
function recordRequests(page: Page) {
  const seen: { url: string; method: string; referer: string | undefined }[] = [];
  page.on("request", (request: Request) => {
    seen.push({ url: request.url(), method: request.method(), referer: request.headers().referer });
  });
  return seen;
}

test.describe("link pages and lifecycles", () => {
  test("R40 the accept page takes its token out of the address bar, sends no Referer and POSTs the token", async ({
    page,
    browser,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const username = unique("link");
    const link = await invite(page, `${username}@e2e.test`, username);
    const token = new URL(link).searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThan(20);

    const invitee = await (await browser.newContext()).newPage();
    const requests = recordRequests(invitee);
    const response = await invitee.goto(link);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response?.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    await expect(invitee.getByText(username, { exact: true })).toBeVisible();
    await expect(invitee).toHaveURL(/\/invitations\/accept$/);
    // A refresh of the page by the host (here the demo's language switch, a server action)
    // keeps the token out: the router adopted the cleaned URL.
    await invitee.getByRole("button", { name: "Deutsch" }).click();
    await expect(invitee.getByRole("button", { name: "Einladung annehmen" })).toBeVisible();
    await expect(invitee).toHaveURL(/\/invitations\/accept$/);
    await invitee.getByRole("button", { name: "English" }).click();
    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await expect(invitee).toHaveURL(/\/settings\/organization$/);

    const after = requests.filter((r) => r.url !== link);
    expect(after.length).toBeGreaterThan(3);
    for (const request of after) {
      expect(request.url, "no URL of the page's own requests carries the token").not.toContain(
        token,
      );
      expect(request.referer ?? "", `Referer of ${request.url}`).not.toContain(token);
    }
    // Signed in after accepting by a cookie set on the accept answer: no sign-in token in a URL.
    expect(after.filter((r) => r.url.includes("/api/auth/callback"))).toEqual([]);
    const api = after.filter((r) => r.url.includes("/api/trpc/invitations."));
    expect(api.map((r) => r.method)).toEqual(api.map(() => "POST"));
    expect(api.length).toBeGreaterThanOrEqual(2);
  });

  test("R9 R14 an invitee who signed in first accepts into that same account", async ({
    page,
    browser,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const username = unique("early");
    const email = `${username}@e2e.test`;
    const invitee = await (await browser.newContext()).newPage();
    await signIn(invitee, email);
    await expect(invitee.getByLabel("Organization name")).toBeVisible();
    const link = await invite(page, email, username);
    await invitee.goto(link);
    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await expect(invitee).toHaveURL(/\/settings\/organization$/);
    await expect(invitee.getByText(/^USER/)).toBeVisible();
    // Signing in again later meets the same account and its organization.
    const again = await (await browser.newContext()).newPage();
    await signIn(again, email.toUpperCase());
    await expect(again.getByText(/^USER/)).toBeVisible();
  });

  test("R14 accepting while signed in as someone else names that account and asks before switching", async ({
    page,
    browser,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const username = unique("switch");
    const email = `${username}@e2e.test`;
    const link = await invite(page, email, username);
    const other = `${unique("other")}@e2e.test`;
    const browserOfOther = await (await browser.newContext()).newPage();
    await signIn(browserOfOther, other);
    await browserOfOther.goto(link);
    await expect(browserOfOther.getByText(`You are signed in as ${other}`)).toBeVisible();
    await browserOfOther.getByRole("button", { name: "Accept invitation" }).click();
    const dialog = browserOfOther.getByRole("alertdialog");
    await expect(dialog).toContainText(`signs ${other} out`);
    // Cancel changes nothing: still the other account, still pending.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(rowOf(await showTab(page, "Pending invitations"), email)).toBeVisible();
    await browserOfOther.getByRole("button", { name: "Accept invitation" }).click();
    await browserOfOther
      .getByRole("alertdialog")
      .getByRole("button", { name: `Accept as ${email}` })
      .click();
    await expect(browserOfOther).toHaveURL(/\/settings\/organization$/);
    await expect(browserOfOther.getByText(username, { exact: true })).toBeVisible();
  });

  test("R23 R40 an old confirm link shows its own transfer; the page keeps no token in the address bar", async ({
    page,
  }) => {
    const org = await newOrganization(page);
    await page.goto("/settings/organization/users");
    const first = unique("first");
    const second = unique("second");
    for (const name of [first, second]) {
      const link = await invite(page, `${name}@e2e.test`, name, "ADMIN");
      const member = await (await page.context().browser()?.newContext())?.newPage();
      if (!member) throw new Error("no browser");
      await member.goto(link);
      await member.getByRole("button", { name: "Accept invitation" }).click();
      await expect(member).toHaveURL(/\/settings\/organization$/);
      await member.close();
    }
    const transfer = async (name: string) => {
      await page.goto("/settings/organization/users");
      await chooseAction(page, name, "Transfer ownership");
      await page
        .getByRole("alertdialog")
        .getByRole("button", { name: "Send confirmation" })
        .click();
      await expect(toast(page, "Confirmation sent")).toBeVisible();
    };
    await transfer(first);
    const oldLink = linkIn(
      await waitForEmail(page.request, org.ownerEmail, "Confirm the ownership"),
    );
    await transfer(second);
    await page.goto(oldLink);
    await expect(page.getByText("This confirmation link is no longer valid")).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirm transfer" })).toHaveCount(0);
    await expect(page).toHaveURL(/\/ownership\/confirm$/);
  });
});
