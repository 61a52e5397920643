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
});
