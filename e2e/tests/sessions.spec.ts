import { type BrowserContext, expect, test } from "@playwright/test";
import {
  chooseAction,
  countEmails,
  invite,
  linkIn,
  newOrganization,
  signIn,
  toast,
  unique,
  waitForEmail,
} from "./support";

/** Who the API thinks a copy of these cookies belongs to: HTTP status of organization.get. */
async function replayCookies(browserCookies: BrowserContext, fresh: BrowserContext) {
  await fresh.addCookies(await browserCookies.cookies());
  const response = await fresh.request.get("/api/trpc/organization.get");
  return response.status();
}

test.describe("sessions and sign-in links", () => {
  test("R40 a mail scanner opening the sign-in link signs nobody in; the person's click does", async ({
    page,
    browser,
  }) => {
    const email = `${unique("scan")}@e2e.test`;
    const seen = await countEmails(page.request, email, "Sign in");
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send sign-in link" }).click();
    const link = linkIn(await waitForEmail(page.request, email, "Sign in", seen));
    // The scanner: opens the link, follows nothing.
    const scanner = await browser.newContext();
    const opened = await scanner.request.get(link);
    expect(opened.status()).toBe(200);
    expect((await scanner.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
    // The person, afterwards: the link still works, through its button.
    await page.goto(link);
    await expect(page).toHaveURL(/\/signin\/confirm$/);
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/organization/);
    // The token travelled in the form's body only: no URL the browser loaded carries it.
    const token = new URL(link).searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThan(10);
    expect(requests.filter((url) => url.includes(token))).toEqual([]);
  });

  test("R40 sign-out ends the session on the server: a copied cookie is refused afterwards", async ({
    page,
    browser,
  }) => {
    await signIn(page, `${unique("out")}@e2e.test`);
    expect(await replayCookies(page.context(), await browser.newContext())).toBe(200);
    // The session's own token stays in its httpOnly cookie, never in a page-readable answer.
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user.email).toMatch(/@e2e\.test$/);
    expect(JSON.stringify(session)).not.toMatch(/sessionToken|userId/);
    const copy = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    const replay = await browser.newContext();
    await replay.addCookies(copy);
    expect((await replay.request.get("/api/trpc/organization.get")).status()).toBe(401);
  });

  test("R25 R40 removal ends the removed member's sessions; another member's stay", async ({
    page,
    browser,
  }) => {
    await newOrganization(page);
    await page.goto("/settings/organization/users");
    const people = [unique("gone"), unique("stays")];
    const members: BrowserContext[] = [];
    for (const username of people) {
      const link = await invite(page, `${username}@e2e.test`, username);
      const context = await browser.newContext();
      const member = await context.newPage();
      await member.goto(link);
      await member.getByRole("button", { name: "Accept invitation" }).click();
      await expect(member).toHaveURL(/\/settings\/organization$/);
      members.push(context);
    }
    const [gone, stays] = members as [BrowserContext, BrowserContext];
    const goneCookies = await gone.cookies();
    await page.reload();
    await chooseAction(page, people[0] ?? "", "Remove");
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(toast(page, `${people[0]} was removed`)).toBeVisible();
    const replay = await browser.newContext();
    await replay.addCookies(goneCookies);
    // The `member.removed` event ends them, delivered right after the response.
    await expect
      .poll(async () => (await replay.request.get("/api/trpc/organization.get")).status())
      .toBe(401);
    expect(await replayCookies(stays, await browser.newContext())).toBe(200);
  });

  test("R2 a VIEWER posting the Endpoints form gets the policy's refusal, not a server error", async ({
    page,
  }) => {
    await signIn(page, "viewer@demo.test");
    await page.goto("/endpoints");
    await expect(page.getByText("Read-only")).toBeVisible();
    // Forge the USER's form: the server action is reachable by anyone who knows its id.
    const user = await (await page.context().browser()?.newContext())?.newPage();
    if (!user) throw new Error("no browser");
    await signIn(user, "user@demo.test");
    await user.goto("/endpoints");
    const form = user
      .locator("form")
      .filter({ has: user.getByRole("button", { name: "Add endpoint" }) });
    const html = await form.evaluate((element) => element.outerHTML);
    await page.evaluate((markup) => {
      document.body.insertAdjacentHTML("beforeend", markup);
    }, html);
    const forged = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Add endpoint" }) });
    await forged.getByLabel("Name").fill("forged");
    await forged.getByLabel("URL").fill("https://forged.example");
    await forged.getByRole("button", { name: "Add endpoint" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Your role cannot make this change" }),
    ).toBeVisible();
    await expect(page.getByText("forged", { exact: true })).toHaveCount(0);
  });
});
