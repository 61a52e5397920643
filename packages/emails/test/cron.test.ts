import { createOutboxCronHandler, inviteUser } from "@orgkit/core/server";
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

const SECRET = "cron-secret-cron-secret-cron-secret-0123";

describe("the outbox's cron entry point", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database?.drop());

  it("R38 a cron request with the secret delivers what is due; without it, nothing is sent", async () => {
    const { ctx } = contextFor(database);
    // No kick and no sweep: as in a serverless function after its response.
    const worker = emailWorker(ctx, {
      transport: createDevMailboxTransport(ctx.db),
      render: RENDER,
    });
    const { GET } = createOutboxCronHandler({ drain: () => worker.drain(), secret: SECRET });
    const org = await createOrganization(ctx);
    const email = `${unique("cron")}@example.test`;
    await inviteUser(ctx, org.admin.userId, { email, username: unique("cron"), role: "USER" });
    const call = (authorization?: string) =>
      GET(
        new Request("http://app.test/api/orgkit/cron", {
          headers: authorization ? { authorization } : {},
        }),
      );
    for (const wrong of [undefined, "Bearer nope", `Bearer ${SECRET}x`, SECRET]) {
      expect((await call(wrong)).status).toBe(401);
    }
    expect(await readDevMailbox(ctx.db, { to: email })).toHaveLength(0);
    const swept = await call(`Bearer ${SECRET}`);
    expect(swept.status).toBe(200);
    expect((await swept.json()).sent).toBeGreaterThanOrEqual(1);
    expect(await readDevMailbox(ctx.db, { to: email })).toHaveLength(1);
    expect(() =>
      createOutboxCronHandler({ drain: () => worker.drain(), secret: "short" }),
    ).toThrow();
  });
});
