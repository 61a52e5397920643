import { enqueueEmails, type OutboxEntry } from "@orgkit/core/server";
import {
  contextFor,
  createOrganization,
  createTestDatabase,
  type TestDatabase,
} from "@orgkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevMailboxTransport, type EmailTransport } from "../src/server";
import { deliverDueEmails, RENDER } from "./support";

describe("several workers on PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres", { maxConnections: 10 });
  });
  afterAll(() => database?.drop());

  it("R38 two workers over 200 queued messages send each exactly once", async () => {
    const { ctx } = contextFor(database);
    const org = await createOrganization(ctx);
    await deliverDueEmails(ctx, {
      transport: createDevMailboxTransport(ctx.db),
      render: RENDER,
      batchSize: 100,
    });
    const entries: OutboxEntry[] = Array.from({ length: 200 }, (_, i) => ({
      organizationId: org.organizationId,
      template: "ownership-transferred",
      to: `reader${i}@example.test`,
      subjectId: `bulk-${i}`,
      payload: { organizationName: org.name, previousOwner: "a", newOwner: "b" },
      at: ctx.now(),
    }));
    await ctx.db.transaction((tx) => enqueueEmails(tx, entries));

    const sends: string[] = [];
    const perWorker = [0, 0];
    const worker = (index: 0 | 1): EmailTransport => ({
      name: `worker-${index}`,
      async send(message) {
        sends.push(message.to);
        perWorker[index] = (perWorker[index] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    const run = async (index: 0 | 1) => {
      for (;;) {
        const report = await deliverDueEmails(ctx, {
          transport: worker(index),
          render: RENDER,
          batchSize: 10,
        });
        if (report.sent === 0) return;
      }
    };
    await Promise.all([run(0), run(1)]);
    expect(sends).toHaveLength(200);
    expect(new Set(sends).size).toBe(200);
    // Both workers took part: the claim skips locked rows instead of waiting on them.
    expect(perWorker.every((n) => n > 0)).toBe(true);
  });
});
