import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { checkPage, countEmails, linkIn, signIn, toast, unique, waitForEmail } from "./support";

/** The header's language switch: orgkit's pages follow the demo's choice. */
async function chooseGerman(page: Page) {
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("button", { name: "Deutsch" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
}

/** Opens a row's "Aktionen für …" menu and returns its list of items. */
async function openMenu(page: Page, name: string) {
  await page.getByRole("button", { name: `Aktionen für ${name}`, exact: true }).click();
  return page.getByRole("list", { name: `Aktionen für ${name}`, exact: true });
}

async function germanContext(context: BrowserContext, baseURL: string) {
  await context.addCookies([{ name: "locale", value: "de", url: baseURL }]);
}

test("Locales: the guide's whole walkthrough in German, its emails in the invitee's language", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // Step 1: personal mode, then Activate organization.
  const ownerEmail = `${unique("inhaber")}@e2e.test`;
  await signIn(page, ownerEmail);
  await chooseGerman(page);
  await expect(page.getByRole("heading", { name: "Organisation aktivieren" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByLabel("Name der Organisation").fill("acme");
  await page.getByRole("button", { name: "Organisation aktivieren" }).click();
  await expect(page.getByText("Der Name der Organisation ist bereits vergeben")).toBeVisible();
  const name = unique("Firma ");
  await page.getByLabel("Name der Organisation").fill(name);
  await page.getByRole("button", { name: "Organisation aktivieren" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(
    page.getByText("Organisation verlassen deaktiviert: Übertragen Sie zuerst die Inhaberschaft"),
  ).toBeVisible();
  await checkPage(page, "de-organization");
  const owner =
    (
      await page
        .locator("dt", { hasText: "Ihr Benutzername" })
        .locator("xpath=following-sibling::dd[1]")
        .textContent()
    )?.trim() ?? "";
  expect(owner).not.toBe("");

  // Step 2: User management, its title and tabs in German.
  await page.getByRole("link", { name: "Benutzerverwaltung öffnen" }).click();
  await expect(page.getByRole("heading", { name: "Benutzerverwaltung" })).toBeVisible();
  await expect(page).toHaveTitle("Benutzerverwaltung · orgkit demo");
  const tabs = page.getByRole("tablist", { name: "Benutzer der Organisation" });
  await expect(tabs.getByRole("tab")).toHaveText([
    /^Mitglieder\s*1$/,
    /^Ausstehende Einladungen\s*0$/,
    /^Entfernt\s*0$/,
  ]);
  await expect(page.getByText("Angezeigt: 1 von 1 Mitglied", { exact: true })).toBeVisible();

  // Step 3: Invite user, in German, the email in German (the inviter's choice).
  const form = page.getByRole("region", { name: "Benutzer einladen" });
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Es gibt ein Problem" })).toBeVisible();
  await expect(form.getByText("Geben Sie eine gültige E-Mail-Adresse ein").first()).toBeVisible();
  const username = unique("ada");
  const email = `${username}@e2e.test`;
  await form.getByLabel("E-Mail-Adresse").fill(email);
  await form.getByLabel("Benutzername").fill(username);
  await form.getByLabel("Rolle").selectOption("ADMIN");
  await expect(form.getByLabel("Sprache der E-Mail")).toHaveValue("de");
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await expect(toast(page, `Einladung gesendet an ${email}`)).toBeVisible();
  const mail = await waitForEmail(page.request, email, "eingeladen");
  expect(mail.subject).toBe(`Sie sind eingeladen, ${name} beizutreten`);
  expect(mail.text).toContain("als ADMIN beizutreten");
  expect(mail.text).toMatch(/läuft am \w+, \d+\. \w+ \d{4} um \d\d:\d\d/);
  const pending = page.getByRole("tabpanel", { name: /^Ausstehende Einladungen/ });
  await page.getByRole("tab", { name: /^Ausstehende Einladungen/ }).click();
  await expect(pending.getByText("in 7 Tagen").first()).toBeVisible();
  await expect(pending.getByText("AUSSTEHEND", { exact: true })).toBeVisible();
  await checkPage(page, "de-user-management");

  // Step 4: the invitee accepts in German.
  const inviteeContext = await browser.newContext();
  await germanContext(inviteeContext, baseURL ?? "");
  const invitee = await inviteeContext.newPage();
  await invitee.goto(linkIn(mail));
  await expect(invitee.getByRole("heading", { name: `${name} beitreten` })).toBeVisible();
  await checkPage(invitee, "de-accept-invitation");
  await invitee.getByRole("button", { name: "Einladung annehmen" }).click();
  await expect(invitee.getByRole("heading", { name })).toBeVisible();
  await expect(invitee.getByText("Ihre Rolle")).toBeVisible();

  // Step 5: change a role; the owner's own row says why not, in German.
  await page.reload();
  const members = page.getByRole("tabpanel", { name: /^Mitglieder/ });
  await expect(members.getByRole("listitem", { name: username, exact: true })).toBeVisible();
  const ownMenu = await openMenu(page, owner);
  await expect(
    ownMenu.getByText("Rollenänderung deaktiviert: Das Mitglied ist der Inhaber"),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await (await openMenu(page, username))
    .getByRole("button", { name: "Rolle auf USER ändern" })
    .click();
  await expect(toast(page, `${username} ist jetzt USER`)).toBeVisible();

  // Step 6: transfer ownership, confirmed through the German email.
  await (await openMenu(page, username))
    .getByRole("button", { name: "Inhaberschaft übertragen" })
    .click();
  const dialog = page.getByRole("alertdialog", {
    name: `Inhaberschaft an ${username} übertragen?`,
  });
  const seen = await countEmails(page.request, ownerEmail, "Übertragung");
  await dialog.getByRole("button", { name: "Bestätigung senden" }).click();
  await expect(page.getByText(/Die Übertragung der Inhaberschaft an .* steht aus/)).toBeVisible();
  const confirmation = await waitForEmail(page.request, ownerEmail, "Übertragung", seen);
  expect(confirmation.subject).toBe(`Bestätigen Sie die Übertragung der Inhaberschaft von ${name}`);
  await page.goto(linkIn(confirmation));
  await expect(
    page.getByRole("heading", { name: "Übertragung der Inhaberschaft bestätigen" }),
  ).toBeVisible();
  await checkPage(page, "de-confirm-transfer");
  await page.getByRole("button", { name: "Übertragung bestätigen" }).click();
  await expect(page.getByRole("heading", { name: "Benutzerverwaltung" })).toBeVisible();
  const notice = await waitForEmail(page.request, email, "übertragen");
  expect(notice.text).toContain(`${username} ist jetzt OWNER von ${name}`);

  // Step 7: the new owner removes the former one; the activity reads in German.
  await invitee.goto("/settings/organization/users");
  await (await openMenu(invitee, owner)).getByRole("button", { name: /^Entfernen/ }).click();
  await invitee
    .getByRole("alertdialog", { name: `${owner} entfernen?` })
    .getByRole("button", { name: "Entfernen" })
    .click();
  await expect(toast(invitee, `${owner} wurde entfernt`)).toBeVisible();
  await invitee.goto("/settings/organization/activity");
  await expect(invitee.getByRole("heading", { name: "Aktivität", exact: true })).toBeVisible();
  await expect(invitee.getByText(`hat die Inhaberschaft an ${username} übertragen`)).toBeVisible();
  await expect(invitee.getByText(`${username} ist als ADMIN beigetreten`)).toBeVisible();
  await checkPage(invitee, "de-activity");
  await inviteeContext.close();
});

test("Locales: long German words wrap at 360 px, and a switch of language keeps the chosen email language in step", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, `${unique("lang")}@e2e.test`);
  await chooseGerman(page);
  const name = unique("Wirtschaftsprüfungsgesellschaftsverbund ");
  await page.getByLabel("Name der Organisation").fill(name);
  await page.getByRole("button", { name: "Organisation aktivieren" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Benutzerverwaltung öffnen" }).click();
  const form = page.getByRole("region", { name: "Benutzer einladen" });
  await expect(form.getByLabel("Sprache der E-Mail")).toHaveValue("de");
  expect(await overflow()).toBeLessThanOrEqual(0);
  // Switching the page to English before sending switches the email language with it.
  await page.getByRole("button", { name: "English" }).click();
  await expect(
    page.getByRole("region", { name: "Invite user" }).getByLabel("Email language"),
  ).toHaveValue("en");
});
