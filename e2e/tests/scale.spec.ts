import { expect, test } from "@playwright/test";
import { checkPage, chooseAction, openActions, rowOf, showTab, signIn, toast } from "./support";

test("R29 R30 at scale: 150 members and 120 pending invitations, every row with its own decisions", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const seeded = await page.request.post("/api/dev/large-organization", {
    data: { members: 150, invitations: 120 },
  });
  expect(seeded.ok()).toBe(true);
  const { ownerEmail, tag } = (await seeded.json()) as { ownerEmail: string; tag: string };
  await signIn(page, ownerEmail);
  await page.goto("/settings/organization/users");
  await expect(
    page.getByRole("tablist", { name: "Organization users" }).getByRole("tab"),
  ).toHaveText([/^Members\s*151$/, /^Pending invitations\s*120$/, /^Removed\s*0$/]);
  const members = page.getByRole("tabpanel", { name: /^Members/ });
  await expect(members.getByText("Showing 50 of 151 members")).toBeVisible();
  // By keyboard: Load more keeps focus while it loads, so Enter works twice.
  const loadMore = members.getByRole("button", { name: "Load more" });
  await loadMore.focus();
  for (const shown of [100, 150]) {
    await page.keyboard.press("Enter");
    await expect(members.getByText(`Showing ${shown} of 151 members`)).toBeVisible();
    if (shown < 150) await expect(loadMore).toBeFocused();
  }
  // The 140th member's actions carry their decisions, like the first's.
  const late = `member140-${tag}`;
  const menu = await openActions(page, late);
  await expect(menu.getByRole("button", { name: /^Remove/ })).not.toHaveAttribute("aria-disabled");
  await expect(menu.getByRole("button", { name: /^Change role to ADMIN/ })).not.toHaveAttribute(
    "aria-disabled",
  );
  await page.keyboard.press("Escape");
  await chooseAction(page, late, "Change role to VIEWER");
  await expect(toast(page, `${late} is now VIEWER`)).toBeVisible();
  await expect(rowOf(page, late)).toContainText("VIEWER");

  // Search and filters narrow the list, each with its count.
  await members.getByLabel("Search by username or email").fill("member14");
  await expect(members.getByText("Showing 10 of 10 members")).toBeVisible();
  await members.getByLabel("Search by username or email").fill("");
  await members.getByLabel("Role").selectOption("VIEWER");
  await expect(members.getByText("Showing 1 of 1 member")).toBeVisible();
  await members.getByLabel("Role").selectOption("");

  // The 110th pending invitation can be revoked.
  const pending = await showTab(page, "Pending invitations");
  await expect(pending.getByText("Showing 50 of 120 pending invitations")).toBeVisible();
  for (const shown of [100, 120]) {
    await pending.getByRole("button", { name: "Load more" }).click();
    await expect(pending.getByText(`Showing ${shown} of 120 pending invitations`)).toBeVisible();
  }
  const invitation = `pending011-${tag}@e2e.test`; // newest first: the 110th of 120
  await chooseAction(page, invitation, "Revoke");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(toast(page, `Invitation to ${invitation} revoked`)).toBeVisible();
  await expect(rowOf(pending, invitation)).toHaveCount(0);
  await pending.getByLabel("Search by email or username").fill("pending01");
  await expect(pending.getByText("Showing 9 of 9 pending invitations")).toBeVisible();

  // On a phone every action of a member is reachable without scrolling sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await showTab(page, "Members");
  const phoneMenu = await openActions(page, `member001-${tag}`);
  const box = await phoneMenu.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
  ).toBeLessThanOrEqual(0);
  await checkPage(page, "user-management-scale-360px");
});
