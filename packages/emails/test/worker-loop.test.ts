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
});
