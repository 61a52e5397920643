import { enqueueEmails, inviteUser, type OrgkitContext } from "@orgkit/core/server";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  type TestDatabase,
  unique,
} from "@orgkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResendTransport, type EmailTransport } from "../src/server";
import { startFakeResend } from "./fake-resend";
import { deliverDueEmails, RENDER } from "./support";

describe("Resend transport against a fake Resend API", () => {
  let database: TestDatabase;
  let fake: Awaited<ReturnType<typeof startFakeResend>>;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    fake = await startFakeResend();
  });
  afterAll(async () => {
    await fake?.close();
    await database?.drop();
  });

  const resend = (timeoutMs = 300) =>
    createResendTransport({
      apiKey: "re_test",
      from: "Acme <team@acme.test>",
      apiBaseUrl: fake.url,
      timeoutMs,
    });

  async function drainQueue(
    ctx: OrgkitContext,
    clock: { advance(ms: number): void },
    transport: EmailTransport,
  ) {
    const reports = [];
    for (let pass = 0; pass < 6; pass += 1) {
      reports.push(await deliverDueEmails(ctx, { transport, render: RENDER, random: () => 0.5 }));
      clock.advance(60 * 60 * 1000);
    }
    return reports;
  }

  it("R38 the provider answers 500, 429 and times out: the invite commits, the email is retried and arrives once", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await drainQueue(ctx, clock, resend());
    fake.script.push(500, 429, "hang");
    const email = `${unique("flaky")}@example.test`;
    await expect(
      inviteUser(ctx, org.admin.userId, { email, username: unique("flaky"), role: "USER" }),
    ).resolves.toBeDefined();
    const reports = await drainQueue(ctx, clock, resend());
    expect(reports.slice(0, 4).map((r) => r.sent)).toEqual([0, 0, 0, 1]);
    const arrived = [...fake.delivered.values()].filter((m) => m.to.includes(email));
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.text).toContain("/settings/organization/invitations/accept?token=");
    // Three failures, one success, all with the same idempotency key.
    const key = [...fake.delivered.entries()].find(([, m]) => m.to.includes(email))?.[0];
    expect(fake.requests.filter((k) => k === key)).toHaveLength(4);
  });

  it("R38 a send whose answer is lost is retried with the same key and still arrives once", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await drainQueue(ctx, clock, resend());
    const real = resend();
    let cut = true;
    const lossy: EmailTransport = {
      name: "lossy",
      async send(message) {
        await real.send(message);
        if (cut) {
          cut = false;
          throw new Error("connection reset after send");
        }
      },
    };
    const email = `${unique("lost")}@example.test`;
    await inviteUser(ctx, org.admin.userId, { email, username: unique("lost"), role: "USER" });
    const reports = await drainQueue(ctx, clock, lossy);
    expect(reports.slice(0, 2)).toEqual([
      { sent: 0, retrying: 1, dead: 0 },
      { sent: 1, retrying: 0, dead: 0 },
    ]);
    expect([...fake.delivered.values()].filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it("R38 a refusal such as 422 is dead-lettered at once, not retried", async () => {
    const { ctx, clock } = contextFor(database);
    const org = await createOrganization(ctx);
    await drainQueue(ctx, clock, resend());
    fake.script.push(422);
    await ctx.db.transaction((tx) =>
      enqueueEmails(tx, [
        {
          organizationId: org.organizationId,
          template: "ownership-transferred",
          to: "bad@example.test",
          subjectId: "x",
          payload: { organizationName: org.name, previousOwner: "a", newOwner: "b" },
          at: ctx.now(),
        },
      ]),
    );
    expect(await deliverDueEmails(ctx, { transport: resend(), render: RENDER })).toEqual({
      sent: 0,
      retrying: 0,
      dead: 1,
    });
  });
});
