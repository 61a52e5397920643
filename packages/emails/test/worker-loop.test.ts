import { inviteUser } from "@orgkit/core/server";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  type TestDatabase,
  unique,
} from "@orgkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevMailboxTransport, readDevMailbox } from "../src/server";
import { emailWorker, RENDER } from "./support";

describe("outbox worker loop", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database?.drop());

  it("R38 a kick after a commit delivers the queued email in the same process", async () => {
    const { ctx } = contextFor(database);
    const worker = emailWorker(ctx, {
      transport: createDevMailboxTransport(ctx.db),
      render: RENDER,
    });
    const org = await createOrganization(ctx);
    const email = `${unique("kick")}@example.test`;
    await inviteUser(ctx, org.admin.userId, { email, username: unique("kick"), role: "USER" });
    expect(await readDevMailbox(ctx.db, { to: email })).toHaveLength(0);
    worker.kick();
    worker.kick(); // coalesces with the pass under way
    await expect.poll(async () => (await readDevMailbox(ctx.db, { to: email })).length).toBe(1);
    expect(await worker.drain()).toEqual({
      sent: 0,
      retrying: 0,
      dead: 0,
      events: { sent: 0, retrying: 0, dead: 0 },
    });
  });
  it("R38 concurrent drains coalesce: every caller's commit is delivered, with one run at a time and one after it", async () => {
    let claims = 0;
    const counted = await createTestDatabase("pglite", {
      onQuery: (sql) => {
        if (/^update "email_outbox" set "attempts"/.test(sql)) claims += 1;
      },
    });
    try {
      const { ctx } = contextFor(counted);
      const worker = emailWorker(ctx, {
        transport: createDevMailboxTransport(ctx.db),
        render: RENDER,
      });
      const org = await createOrganization(ctx);
      const emails: string[] = [];
      const drains: Promise<unknown>[] = [];
      // Ten requests commit and drain at the same time, as ten after() callbacks would.
      for (let i = 0; i < 10; i += 1) {
        const email = `${unique("burst")}@example.test`;
        emails.push(email);
        await inviteUser(ctx, org.admin.userId, { email, username: unique("burst"), role: "USER" });
        drains.push(worker.drain());
      }
      claims = 0;
      await Promise.all(drains);
      for (const email of emails) {
        expect(await readDevMailbox(ctx.db, { to: email })).toHaveLength(1);
      }
      // At most the run under way and the one after it, never one claim per caller.
      expect(claims).toBeGreaterThanOrEqual(1);
      expect(claims).toBeLessThanOrEqual(2);
    } finally {
      await counted.drop();
    }
  });
});
