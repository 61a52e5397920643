import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";

export type Mail = { to: string; subject: string; text: string; html: string; sentAt: string };

let counter = 0;
/** A name no other test uses, so tests share one server without stepping on each other. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export async function mailbox(request: APIRequestContext, to: string): Promise<Mail[]> {
  const response = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(to)}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

/** Waits for the newest email to `to` whose subject contains `subject`, beyond `seen` earlier ones. */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  subject: string,
  seen = 0,
): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const matching = (await mailbox(request, to)).filter((mail) =>
          mail.subject.includes(subject),
        );
        found = matching.length > seen ? matching[0] : undefined;
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found as Mail;
}

export function linkIn(mail: Mail): string {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in "${mail.subject}"`);
  return match[0];
}

export async function countEmails(
  request: APIRequestContext,
  to: string,
  subject: string,
): Promise<number> {
  return (await mailbox(request, to)).filter((mail) => mail.subject.includes(subject)).length;
}

/** Signs in as a person would: the sign-in form, then the link from the mailbox. */
export async function signIn(page: Page, email: string): Promise<void> {
  const seen = await countEmails(page.request, email, "Sign in");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForEmail(page.request, email, "Sign in", seen);
  // The link opens a page; only its button signs in (mail scanners only open links).
  await page.goto(linkIn(mail));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/organization/);
}

/** A new person activates a new organization; returns its owner's email and name. */
export async function newOrganization(page: Page) {
  const ownerEmail = `${unique("owner")}@e2e.test`;
  const name = unique("E2E Org ");
  await signIn(page, ownerEmail);
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Activate organization" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return { ownerEmail, name };
}

/** No accessibility violation of any impact (critical to minor); a screenshot is kept. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
  ).toEqual([]);
}

/** Invites through the form and waits for the email; returns the accept link. */
export async function invite(
  page: Page,
  email: string,
  username: string,
  role: "USER" | "ADMIN" | "VIEWER" = "USER",
) {
  const seen = await countEmails(page.request, email, "invited");
  const form = page.getByRole("region", { name: "Invite user" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(toast(page, `Invitation sent to ${email}`)).toBeVisible();
  return linkIn(await waitForEmail(page.request, email, "invited", seen));
}

/** A toast on screen with this text (screen readers get a second, hidden copy). */
export function toast(page: Page, text: string) {
  return page.locator("[data-toast]").filter({ hasText: text });
}

export type UserTab = "Members" | "Pending invitations" | "Removed";

/** Opens one of User management's tabs and returns its panel. */
export async function showTab(page: Page, tab: UserTab): Promise<Locator> {
  await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
  return page.getByRole("tabpanel", { name: new RegExp(`^${tab}`) });
}

/** A member's row (by username) or an invitation's (by email) in User management. */
export function rowOf(scope: Page | Locator, name: string): Locator {
  return scope.getByRole("listitem", { name, exact: true });
}

/** Opens a row's "Actions for …" menu and returns its list of items. */
export async function openActions(page: Page, name: string): Promise<Locator> {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  return page.getByRole("list", { name: `Actions for ${name}`, exact: true });
}

/** Chooses an item of a row's menu, e.g. `chooseAction(page, "ada", "Remove")`. */
export async function chooseAction(page: Page, name: string, action: string): Promise<void> {
  const menu = await openActions(page, name);
  await menu.getByRole("button", { name: new RegExp(`^${action}`) }).click();
}
