import { describe, expect, it } from "vitest";
import { renderEmail } from "../src";

const BASE = "https://app.example.com";
const EVIL = "<img src=x onerror=alert(1)>";

describe("templates", () => {
  it("R14 the invitation names the organization, inviter, role and what it allows, the link and the expiry", async () => {
    const email = await renderEmail(
      {
        template: "invitation",
        payload: {
          organizationName: "Acme",
          inviterUsername: "grace",
          username: "ada",
          role: "VIEWER",
          expiresAt: "2026-12-04T09:30:00Z",
          version: 1,
          token: "tok_123",
        },
      },
      { baseUrl: BASE },
    );
    expect(email.subject).toBe("You are invited to join Acme");
    const link = `${BASE}/settings/organization/invitations/accept?token=tok_123`;
    for (const body of [email.html, email.text]) {
      expect(body).toContain("grace");
      expect(body).toContain("ada");
      expect(body).toContain("VIEWER");
      expect(body).toContain("Read-only access");
      expect(body).toContain("Friday, 4 December 2026 at 09:30 UTC");
      expect(body).toContain("did not expect");
    }
    expect(email.html).toContain(`href="${link}"`);
    expect(email.text).toContain(link);
    expect(email.html).toContain("Accept invitation");
    // A document title and one landmark (axe: document-title, region).
    expect(email.html).toContain("<title>Join Acme</title>");
    expect(email.html).toContain("<main>");
  });

  it("R14 R22 links honour the host's basePath, the same route table as the pages", async () => {
    const invitation = await renderEmail(
      {
        template: "invitation",
        payload: {
          organizationName: "Acme",
          inviterUsername: "grace",
          username: "ada",
          role: "USER",
          expiresAt: "2026-12-04T09:30:00Z",
          version: 1,
          token: "tok_1",
        },
      },
      { baseUrl: BASE, basePath: "/team/org/" },
    );
    expect(invitation.text).toContain(`${BASE}/team/org/invitations/accept?token=tok_1`);
    expect(invitation.text).not.toContain("/settings/organization");
    const transfer = await renderEmail(
      {
        template: "ownership-transfer-confirmation",
        payload: {
          organizationName: "Acme",
          ownerUsername: "o",
          targetUsername: "t",
          targetEmail: "t@example.test",
          expiresAt: "2026-12-04T09:30:00Z",
          token: "tok_2",
        },
      },
      { baseUrl: BASE, basePath: "/team/org" },
    );
    expect(transfer.text).toContain(`${BASE}/team/org/ownership/confirm?token=tok_2`);
    expect(transfer.text).toContain(`${BASE}/team/org/users`);
  });

  it("R11 the expiry is shown in the configured time zone", async () => {
    const email = await renderEmail(
      {
        template: "invitation",
        payload: {
          organizationName: "Acme",
          inviterUsername: "g",
          username: "ada",
          role: "USER",
          expiresAt: "2026-12-04T09:30:00Z",
          version: 1,
          token: "t",
        },
      },
      { baseUrl: BASE, timeZone: "America/New_York" },
    );
    expect(email.text).toContain("Friday, 4 December 2026 at 04:30 GMT-5");
  });

  it("R22 the transfer confirmation names the target, what changes, the 24-hour expiry and how to cancel", async () => {
    const email = await renderEmail(
      {
        template: "ownership-transfer-confirmation",
        payload: {
          organizationName: "Acme",
          ownerUsername: "olive",
          targetUsername: "adam",
          targetEmail: "adam@example.com",
          expiresAt: "2026-11-28T10:00:00Z",
          token: "tx_1",
        },
      },
      { baseUrl: `${BASE}/` },
    );
    expect(email.subject).toBe("Confirm the ownership transfer of Acme");
    expect(email.text).toContain("adam (adam@example.com)");
    expect(email.text).toContain("you become ADMIN and adam becomes OWNER");
    expect(email.text).toContain("24 hours");
    expect(email.text).toContain(`${BASE}/settings/organization/ownership/confirm?token=tx_1`);
    expect(email.text).toContain("Cancel transfer");
    expect(email.text).toContain(`${BASE}/settings/organization/users`);
  });

  it("R23 the transferred notice names the new and the previous owner", async () => {
    const email = await renderEmail(
      {
        template: "ownership-transferred",
        payload: { organizationName: "Acme", previousOwner: "olive", newOwner: "adam" },
      },
      { baseUrl: BASE },
    );
    expect(email.subject).toBe("Ownership of Acme was transferred");
    expect(email.text).toContain("adam is now the OWNER of Acme. olive is now an ADMIN.");
  });

  it("Delete organization: the confirmation names the organization, what deletion does, its link and where to cancel", async () => {
    const email = await renderEmail(
      {
        template: "organization-deletion-confirmation",
        payload: {
          organizationName: "Acme",
          ownerUsername: "olive",
          expiresAt: "2026-11-28T10:00:00Z",
          token: "del_1",
        },
      },
      { baseUrl: `${BASE}/`, basePath: "/team" },
    );
    expect(email.subject).toBe("Confirm the deletion of Acme");
    expect(email.text).toContain("olive, you asked to delete Acme.");
    expect(email.text).toContain("every member loses access at once");
    expect(email.text).toContain("24 hours");
    expect(email.text).toContain(`${BASE}/team/delete/confirm?token=del_1`);
    expect(email.text).toContain("Cancel deletion");
    expect(email.html).toContain(`href="${BASE}/team/delete/confirm?token=del_1"`);
  });

  it("escapes user-supplied text in every template", async () => {
    const emails = await Promise.all([
      renderEmail(
        {
          template: "invitation",
          payload: {
            organizationName: EVIL,
            inviterUsername: EVIL,
            username: "ada",
            role: "USER",
            expiresAt: "2026-12-04T09:30:00Z",
            version: 1,
            token: "t",
          },
        },
        { baseUrl: BASE },
      ),
      renderEmail(
        {
          template: "ownership-transfer-confirmation",
          payload: {
            organizationName: EVIL,
            ownerUsername: EVIL,
            targetUsername: EVIL,
            targetEmail: "a@b.co",
            expiresAt: "2026-11-28T10:00:00Z",
            token: "t",
          },
        },
        { baseUrl: BASE },
      ),
      renderEmail(
        {
          template: "ownership-transferred",
          payload: { organizationName: EVIL, previousOwner: EVIL, newOwner: EVIL },
        },
        { baseUrl: BASE },
      ),
      renderEmail(
        {
          template: "organization-deletion-confirmation",
          payload: {
            organizationName: EVIL,
            ownerUsername: EVIL,
            expiresAt: "2026-11-28T10:00:00Z",
            token: "t",
          },
        },
        { baseUrl: BASE },
      ),
    ]);
    for (const email of emails) {
      expect(email.html).not.toContain("<img src=x");
      expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    }
  });
  it("R14 an invitation is written in the locale the inviter chose, dates included", async () => {
    const payload = {
      organizationName: "Acme",
      inviterUsername: "grace",
      username: "ada",
      role: "VIEWER" as const,
      expiresAt: "2026-12-04T09:30:00Z",
      version: 1,
      token: "tok_de",
    };
    const german = await renderEmail(
      { template: "invitation", payload: { ...payload, locale: "de" } },
      { baseUrl: BASE },
    );
    expect(german.subject).toBe("Sie sind eingeladen, Acme beizutreten");
    expect(german.html).toContain('lang="de"');
    for (const body of [german.html, german.text]) {
      expect(body).toContain("grace hat Sie eingeladen, Acme als VIEWER beizutreten");
      expect(body).toContain("Nur Lesezugriff");
      expect(body).toContain("Freitag, 4. Dezember 2026 um 09:30 UTC");
      expect(body).toContain("Oder öffnen Sie diesen Link");
      expect(body).not.toContain("invited you");
    }
    expect(german.html).toContain("Einladung annehmen");
    // Positive control: the same payload without a locale is the guide's English.
    const english = await renderEmail({ template: "invitation", payload }, { baseUrl: BASE });
    expect(english.subject).toBe("You are invited to join Acme");
    expect(english.html).toContain('lang="en"');
  });

  it("transfer, transferred and deletion emails follow the locale of the request that sent them", async () => {
    const transfer = await renderEmail(
      {
        template: "ownership-transfer-confirmation",
        payload: {
          locale: "de",
          organizationName: "Acme",
          ownerUsername: "grace",
          targetUsername: "ada",
          targetEmail: "ada@example.com",
          expiresAt: "2026-12-04T09:30:00Z",
          token: "tok_t",
        },
      },
      { baseUrl: BASE, timeZone: "Europe/Berlin" },
    );
    expect(transfer.subject).toBe("Bestätigen Sie die Übertragung der Inhaberschaft von Acme");
    expect(transfer.text).toContain("Freitag, 4. Dezember 2026 um 10:30 MEZ");
    const transferred = await renderEmail(
      {
        template: "ownership-transferred",
        payload: {
          locale: "de",
          organizationName: "Acme",
          previousOwner: "grace",
          newOwner: "ada",
        },
      },
      { baseUrl: BASE },
    );
    expect(transferred.text).toContain("ada ist jetzt OWNER von Acme. grace ist jetzt ADMIN.");
    const deletion = await renderEmail(
      {
        template: "organization-deletion-confirmation",
        payload: {
          locale: "de",
          organizationName: "Acme",
          ownerUsername: "grace",
          expiresAt: "2026-12-04T09:30:00Z",
          token: "tok_d",
        },
      },
      { baseUrl: BASE },
    );
    expect(deletion.subject).toBe("Bestätigen Sie das Löschen von Acme");
    expect(deletion.text).toContain("Organisation löschen");
  });
});
