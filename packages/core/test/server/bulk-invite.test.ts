import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reasonMessage } from "../../src/policy";
import {
  createContext,
  INVITATION_FIELD_MAX,
  inviteMany,
  inviteUser,
  parseInvitationRows,
  schema,
  setSeatLimit,
} from "../../src/server";
import { createOrganization, unique } from "../../src/testing";
import { expectRefused } from "../support/outcome";
import { DRIVERS, useDatabase } from "../support/suite";

const row = (name: string, role = "USER") => ({
  email: `${name}@example.test`,
  username: name,
  role,
});
const single = (name: string) => ({ ...row(name), role: "USER" as const });

describe("parseInvitationRows (papaparse)", () => {
  it("Invite several: a header in any order, quoted fields, CRLF, a byte-order mark and blank lines", () => {
    const text =
      '\uFEFFRole,Email,Username\r\nUSER,"ada@example.com", ada \r\n\r\n  \nviewer,"b,ob@x.test",bob\n';
    expect(parseInvitationRows(text)).toEqual({
      rows: [
        { email: "ada@example.com", username: "ada", role: "USER" },
        { email: "b,ob@x.test", username: "bob", role: "viewer" },
      ],
      malformed: [],
    });
  });

  it("Invite several: a stray quote spoils only its own line, never the lines after it", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `p${i}@x.test,p${i},USER`);
    lines[3] = 'p3@x.test,=HYPERLINK("http://evil.test","click"),USER';
    lines[10] = 'p10@x.test,"p10,USER';
    const parsed = parseInvitationRows(lines.join("\n"));
    expect(parsed.rows).toHaveLength(40);
    expect(parsed.malformed).toEqual([3, 10]);
    expect(parsed.rows[39]).toEqual({ email: "p39@x.test", username: "p39", role: "USER" });
    // Control: quotes that close are read as quotes.
    expect(parseInvitationRows('"a,b@x.test",ab,USER').rows[0]?.email).toBe("a,b@x.test");
  });

  it("Invite several: a spreadsheet's trailing delimiters, German headers and an endless field", () => {
    expect(parseInvitationRows("ada@x.test,ada,USER,,\nbob@x.test,bob,VIEWER,").malformed).toEqual(
      [],
    );
    expect(parseInvitationRows("E-Mail;Benutzername;Rolle\nada@x.test;ada;USER").rows).toEqual([
      { email: "ada@x.test", username: "ada", role: "USER" },
    ]);
    const endless = parseInvitationRows(`${"x".repeat(50_000)}@x.test,ada,USER`);
    expect(endless.rows[0]?.email).toHaveLength(INVITATION_FIELD_MAX);
    // Control: an extra field that is not empty is still a malformed line.
    expect(parseInvitationRows("ada@x.test,ada,USER,extra").malformed).toEqual([0]);
  });

  it("Invite several: semicolons or tabs separate fields as commas do (spreadsheets export them)", () => {
    const expected = [{ email: "ada@example.com", username: "ada", role: "USER" }];
    expect(parseInvitationRows("ada@example.com;ada;USER").rows).toEqual(expected);
    expect(parseInvitationRows("ada@example.com\tada\tUSER").rows).toEqual(expected);
  });

  it("Invite several: without a header the columns are email, username, role; a line of another width is kept and marked", () => {
    const parsed = parseInvitationRows("ada@example.com,ada,USER\nonly@x.test\na,b,c,d");
    expect(parsed.rows[0]).toEqual({ email: "ada@example.com", username: "ada", role: "USER" });
    expect(parsed.rows[1]).toEqual({ email: "only@x.test", username: "", role: "" });
    expect(parsed.rows[2]).toEqual({ email: "a,b,c,d", username: "", role: "" });
    expect(parsed.malformed).toEqual([1, 2]);
  });
});

describe.each(DRIVERS)("bulk invitations on %s", (driver) => {
  const t = useDatabase(driver);

  const pendingOf = (organizationId: string) =>
    t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.organizationId, organizationId),
          eq(schema.invitations.status, "PENDING"),
        ),
      )
      .then(([r]) => r?.n ?? 0);

  it("R8 R9 R10 R39 Invite several: every guardrail of a single invitation refuses its row alone, with the guide's reason", async () => {
    const org = await createOrganization(t.ctx);
    const taken = unique("taken");
    const first = row(unique("ok"));
    const rows = [
      first,
      row(unique("boss"), "OWNER"),
      row(taken),
      { ...row(unique("dup")), username: taken },
      { email: org.user.email, username: unique("again"), role: "USER" },
      { email: `nul\u0000${unique("x")}@example.test`, username: unique("nul"), role: "USER" },
      row(unique("bad"), "ROOT"),
      { email: "not-an-email", username: unique("mail"), role: "VIEWER" },
      row(unique("lower"), " viewer "),
      // The first row's email in capitals: a duplicate inside the file, whatever the case.
      { email: first.email.toUpperCase(), username: unique("caps"), role: "USER" },
    ];
    const check = await inviteMany(t.ctx, org.admin.userId, { rows, malformed: [], check: true });
    const reasons = check.rows.map((r) => (r.outcome === "refused" ? r.reason : r.outcome));
    expect(reasons).toEqual([
      "ready",
      "OWNER_NOT_INVITABLE",
      "ready",
      "USERNAME_ALREADY_USED",
      "EMAIL_ALREADY_USED",
      "TEXT_INVALID",
      "ROLE_INVALID",
      "EMAIL_INVALID",
      "ready",
      "EMAIL_ALREADY_USED",
    ]);
    expect(check).toMatchObject({ accepted: 3, refused: 7 });
    // A check keeps nothing: no invitation, no email, no audit event, no budget spent.
    expect(await pendingOf(org.organizationId)).toBe(0);

    const sent = await inviteMany(t.ctx, org.admin.userId, { rows });
    expect(sent.rows.map((r) => r.outcome)).toEqual(
      reasons.map((r) => (r === "ready" ? "sent" : "refused")),
    );
    expect(await pendingOf(org.organizationId)).toBe(3);
    const head = sent.rows[0];
    expect(head).toMatchObject({ outcome: "sent", invitationId: expect.any(String) });
    const queued = await t.ctx.db
      .select({ to: schema.emailOutbox.to })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.organizationId, org.organizationId));
    // The member's own address was emailed when they joined, before this request.
    const emails = new Set(rows.map((r) => r.email).filter((e) => e !== org.user.email));
    expect(
      queued
        .map((q) => q.to)
        .filter((to) => emails.has(to))
        .sort(),
    ).toEqual([rows[0], rows[2], rows[8]].map((r) => r?.email).sort());
    const audited = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.organizationId, org.organizationId),
          eq(schema.auditEvents.action, "invitation.sent"),
        ),
      );
    // Three members joined through invitations when the organization was built, then these three.
    expect(audited[0]?.n).toBe(3 + 3);
    // The same rows again: everything that was sent is now taken.
    const again = await inviteMany(t.ctx, org.admin.userId, { rows: [rows[0] ?? row("x")] });
    expect(again.rows[0]).toMatchObject({ outcome: "refused", reason: "EMAIL_ALREADY_USED" });
  });

  it("R3 Invite several: the caller's own refusal refuses the request, before any row", async () => {
    const org = await createOrganization(t.ctx);
    await expectRefused(
      inviteMany(t.ctx, org.user.userId, { rows: [row(unique("u"))] }),
      "ADMIN_ACCESS_REQUIRED",
    );
    await expectRefused(
      inviteMany(t.ctx, org.admin.userId, { rows: [], check: true }),
      "BULK_INVITE_ROWS",
    );
    await expectRefused(
      inviteMany(t.ctx, org.admin.userId, {
        rows: Array.from({ length: 501 }, (_, i) => row(`r${i}`)),
        check: true,
      }),
      "BULK_INVITE_ROWS",
    );
    expect(await pendingOf(org.organizationId)).toBe(0);
    // Control: an admin's one row is sent.
    const sent = await inviteMany(t.ctx, org.admin.userId, { rows: [row(unique("u"))] });
    expect(sent.accepted).toBe(1);
  });

  it("Invite several: a malformed line is refused with what a row needs; fixed, it is sent", async () => {
    const org = await createOrganization(t.ctx);
    const name = unique("fixme");
    const { rows, malformed } = parseInvitationRows(`${name}@example.test ${name} USER`);
    const check = await inviteMany(t.ctx, org.admin.userId, { rows, malformed, check: true });
    expect(check.rows[0]).toMatchObject({ outcome: "refused", reason: "ROW_MALFORMED" });
    // The same row checked again or sent as a row (the page sends rows) gives the same reason.
    for (const again of [{ check: true }, {}]) {
      const result = await inviteMany(t.ctx, org.admin.userId, { rows, ...again });
      expect(result.rows[0]).toMatchObject({ outcome: "refused", reason: "ROW_MALFORMED" });
    }
    // A row missing only its role says so (the field's own reason).
    const roleless = await inviteMany(t.ctx, org.admin.userId, {
      rows: [{ ...row(unique("norole")), role: "" }],
      check: true,
    });
    expect(roleless.rows[0]).toMatchObject({ outcome: "refused", reason: "ROLE_INVALID" });
    const fixed = await inviteMany(t.ctx, org.admin.userId, { rows: [row(name)] });
    expect(fixed.rows[0]).toMatchObject({ outcome: "sent" });
  });

  it("R37 Invite several: each row spends the budget; rows past it say how many can be sent now", async () => {
    const limited = createContext({
      db: t.ctx.db,
      secret: "x".repeat(32),
      now: t.ctx.now,
      inviteRateLimits: { perActor: { limit: 5, windowMs: 600_000 } },
    });
    const org = await createOrganization(t.ctx);
    await inviteUser(limited, org.admin.userId, single(unique("before")));
    // An invalid row spends nothing: the policy refused it first.
    const rows = [row(unique("a"), "OWNER"), ...Array.from({ length: 6 }, () => row(unique("b")))];
    const check = await inviteMany(limited, org.admin.userId, { rows, check: true });
    const refused = check.rows.filter((r) => r.outcome === "refused");
    expect(check.accepted).toBe(4);
    expect(refused.map((r) => r.outcome === "refused" && r.reason)).toEqual([
      "OWNER_NOT_INVITABLE",
      "BULK_RATE_LIMITED",
      "BULK_RATE_LIMITED",
    ]);
    const last = refused.at(-1);
    if (last?.outcome !== "refused") throw new Error("expected a refusal");
    expect(reasonMessage(last.reason, last.params)).toBe(
      "Invitation limit reached: 4 can be sent now, the rest later",
    );
    const sent = await inviteMany(limited, org.admin.userId, { rows });
    expect(sent.accepted).toBe(4);
    expect(await pendingOf(org.organizationId)).toBe(5);
    // Control: a single invitation now meets the spent budget too.
    await expectRefused(inviteUser(limited, org.admin.userId, single(unique("c"))), "RATE_LIMITED");
  });

  it("Seat limits Invite several: each row takes a seat; rows past the limit are refused with the count", async () => {
    const org = await createOrganization(t.ctx);
    // Four active members: two seats free.
    await setSeatLimit(t.ctx, org.organizationId, 6);
    const rows = Array.from({ length: 4 }, () => row(unique("seat")));
    const sent = await inviteMany(t.ctx, org.admin.userId, { rows });
    expect(sent.rows.map((r) => (r.outcome === "refused" ? r.reason : r.outcome))).toEqual([
      "sent",
      "sent",
      "SEAT_LIMIT_REACHED",
      "SEAT_LIMIT_REACHED",
    ]);
    const refusal = sent.rows[3];
    if (refusal?.outcome !== "refused") throw new Error("expected a refusal");
    expect(reasonMessage(refusal.reason, refusal.params)).toBe(
      "Seat limit reached: 6 of 6 seats used",
    );
  });

  it("Invite several: 120 rows go out in batches, each row once, in request order", async () => {
    const org = await createOrganization(t.ctx);
    const rows = Array.from({ length: 120 }, () => row(unique("many")));
    const sent = await inviteMany(t.ctx, org.admin.userId, { rows });
    expect(sent.accepted).toBe(120);
    expect(sent.rows.map((r) => r.index)).toEqual(rows.map((_, i) => i));
    expect(await pendingOf(org.organizationId)).toBe(120);
  });
});
