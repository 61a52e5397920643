import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReasonCode } from "../../src/policy";
import {
  acceptInvitation,
  changeRole,
  confirmOrganizationDeletion,
  confirmOwnershipTransfer,
  deliverDueEvents,
  disableEventConsumer,
  getMyOrganization,
  inviteUser,
  leaveOrganization,
  type OrgkitContext,
  type OrgkitEvent,
  openDatabase,
  removeMember,
  schema,
  setSeatLimit,
  startOrganizationDeletion,
  startOwnershipTransfer,
  syncEventConsumers,
} from "../../src/server";
import { inOrganization } from "../../src/server/organization-lock";
import {
  addMember,
  contextFor,
  createOrganization,
  createTestDatabase,
  latestToken,
  POSTGRES_URL,
  type TestDatabase,
  unique,
} from "../../src/testing";
import { expectInvariants } from "../support/invariants";
import { outcome } from "../support/outcome";

// PGlite runs one transaction at a time and would hide every race: these run on PostgreSQL.
const ROUNDS = Number(process.env.ORGKIT_RACE_ROUNDS ?? 100);
// Each deletion round builds a whole organization: fewer rounds, same shapes.
const DELETE_ROUNDS = Math.min(ROUNDS, 30);

/** Backends of this database waiting for a lock. */
async function lockWaiters(database: TestDatabase): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`pg_stat_activity`)
    .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
  return row?.n ?? 0;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("waitFor: the condition never held");
}

const postgresUrl = (database: TestDatabase) =>
  `${POSTGRES_URL.replace(/\/[^/]*$/, "")}/${database.name}`;

const sorted = (results: (ReasonCode | "OK")[]) => [...results].sort();

describe("races on PostgreSQL", () => {
  let database: TestDatabase;
  let ctx: OrgkitContext;
  beforeAll(async () => {
    database = await createTestDatabase("postgres", { maxConnections: 25 });
    ctx = contextFor(database).ctx;
  });
  afterAll(() => database?.drop());

  it(`R16 R36 two admins demoting each other, ${ROUNDS} rounds: the second finds itself demoted`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const second = await addMember(ctx, org.owner.userId, "ADMIN");
      const results = await Promise.all([
        outcome(changeRole(ctx, org.admin.userId, { memberId: second.memberId, role: "USER" })),
        outcome(changeRole(ctx, second.userId, { memberId: org.admin.memberId, role: "USER" })),
      ]);
      // Whoever commits second was already demoted when its lock was granted.
      expect(sorted(results)).toEqual(["ADMIN_ACCESS_REQUIRED", "OK"]);
      const { active } = await expectInvariants(ctx, org.organizationId);
      expect(active.filter((m) => m.role === "ADMIN")).toHaveLength(1);
    }
  });

  it("R16 R36 the read sent behind the lock sees what the lock's holder committed while it waited", async () => {
    const org = await createOrganization(ctx);
    const user = await addMember(ctx, org.owner.userId, "USER");
    const statements: string[] = [];
    const watched = await openDatabase({
      url: postgresUrl(database),
      maxConnections: 1,
      onQuery: (sql) => statements.push(sql),
    });
    const watchedCtx = contextFor(watched).ctx;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let demoted = () => {};
    const held = new Promise<void>((resolve) => {
      demoted = resolve;
    });
    try {
      // A statement is pipelined from its second use on a connection (the first is described).
      await changeRole(watchedCtx, org.admin.userId, { memberId: user.memberId, role: "VIEWER" });
      statements.length = 0;
      // The owner holds the organization's lock and demotes the admin, not yet committed.
      const holding = inOrganization(ctx, org.owner.userId, async (tx) => {
        await tx
          .update(schema.members)
          .set({ role: "USER" })
          .where(eq(schema.members.id, org.admin.memberId));
        demoted();
        await gate;
      });
      await held;
      // The admin's change sends its lock and its read together; both wait on the server.
      const change = outcome(
        changeRole(watchedCtx, org.admin.userId, { memberId: user.memberId, role: "USER" }),
      );
      await waitFor(async () => (await lockWaiters(database)) === 1);
      const sent = statements.map((sql) => sql.slice(0, 40));
      expect(sent[0]).toBe("begin");
      expect(sent[1]).toMatch(/^select "id", "name" from "organ/);
      expect(sent[2]).toMatch(/^select "members"."id"/);
      release();
      await holding;
      // Its read ran after the owner's commit: the admin was a USER by then.
      expect(await change).toBe("ADMIN_ACCESS_REQUIRED");
      // Control: the owner, whose role did not change, may make the same change.
      expect(
        await outcome(changeRole(ctx, org.owner.userId, { memberId: user.memberId, role: "USER" })),
      ).toBe("OK");
    } finally {
      release();
      await watched.close();
    }
  });

  it(`R16 R27 R36 removing an admin while that admin demotes the owner, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const results = await Promise.all([
        outcome(removeMember(ctx, org.owner.userId, { memberId: org.admin.memberId })),
        outcome(changeRole(ctx, org.admin.userId, { memberId: org.owner.memberId, role: "USER" })),
      ]);
      expect(results).toContain("OK");
      expect(
        results
          .filter((r) => r !== "OK")
          .every((r) => ["ROLE_CHANGE_OWNER", "MEMBERSHIP_REMOVED"].includes(r)),
      ).toBe(true);
      await expectInvariants(ctx, org.organizationId);
    }
  });

  it(`R26 R36 a USER leaving while an admin promotes them, ${ROUNDS} rounds: exactly one wins`, async () => {
    const wins = { leave: 0, promote: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const [left, promoted] = await Promise.all([
        outcome(leaveOrganization(ctx, org.user.userId)),
        outcome(changeRole(ctx, org.admin.userId, { memberId: org.user.memberId, role: "ADMIN" })),
      ]);
      // Promoted first: an admin cannot leave. Left first: a removed member keeps its role.
      expect([left, promoted].filter((r) => r === "OK")).toHaveLength(1);
      if (left === "OK") {
        wins.leave += 1;
        expect(promoted).toBe("ROLE_CHANGE_REMOVED");
      } else {
        wins.promote += 1;
        expect(left).toBe("LEAVE_ADMIN");
      }
      await expectInvariants(ctx, org.organizationId);
    }
    console.info(`leave won ${wins.leave} of ${ROUNDS} rounds, the promotion the others`);
  });

  it("events: two workers draining at once deliver each event once, in order per organization", async () => {
    await syncEventConsumers(ctx, { host: true });
    const seen: OrgkitEvent[] = [];
    const onEvent = async (event: OrgkitEvent) => {
      seen.push(event);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    };
    // Whatever earlier tests queued is delivered first, so only this test's events are counted.
    while ((await deliverDueEvents(ctx, { onEvent })).sent > 0);
    seen.length = 0;
    const organizations = await Promise.all([1, 2, 3].map(() => createOrganization(ctx)));
    for (const org of organizations) {
      for (let i = 0; i < 3; i += 1) await addMember(ctx, org.owner.userId, "VIEWER");
    }
    const worker = async () => {
      while ((await deliverDueEvents(ctx, { onEvent, batchSize: 5 })).sent > 0);
    };
    await Promise.all([worker(), worker()]);
    await disableEventConsumer(ctx, "host");
    for (const org of organizations) {
      const mine = seen.filter((event) => event.organizationId === org.organizationId);
      const stored = await ctx.db
        .select({ id: schema.auditEvents.eventId })
        .from(schema.auditEvents)
        .where(eq(schema.auditEvents.organizationId, org.organizationId))
        .orderBy(schema.auditEvents.id);
      // Every audit event here publishes one: delivered once each, in the order they happened.
      expect(mine.map((event) => event.id)).toEqual(stored.map((row) => row.id));
    }
  });

  it("seats: 50 invitations at once into 10 free seats, exactly 10 sent", async () => {
    const org = await createOrganization(ctx); // 4 members
    await setSeatLimit(ctx, org.organizationId, 14);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        outcome(
          inviteUser(ctx, i % 2 ? org.admin.userId : org.owner.userId, {
            email: `${unique("seatrace")}@example.test`,
            username: unique("seatrace"),
            role: "VIEWER",
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(10);
    expect(results.filter((r) => r !== "OK").every((r) => r === "SEAT_LIMIT_REACHED")).toBe(true);
    expect((await getMyOrganization(ctx, org.owner.userId))?.counts?.seats).toEqual({
      used: 14,
      limit: 14,
    });
  });

  it(`R23 R36 confirming a transfer while the target is removed, ${ROUNDS} rounds: one of the two wins`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const { transferId } = await startOwnershipTransfer(ctx, org.owner.userId, {
        memberId: org.user.memberId,
      });
      const token = await latestToken(ctx, transferId);
      const [confirm, remove] = await Promise.all([
        outcome(confirmOwnershipTransfer(ctx, org.owner.userId, { token })),
        outcome(removeMember(ctx, org.admin.userId, { memberId: org.user.memberId })),
      ]);
      expect([
        ["OK", "REMOVE_OWNER"],
        // R25: the removal cancels the transfer, so its link is no longer valid.
        ["TRANSFER_NOT_VALID", "OK"],
      ]).toContainEqual([confirm, remove]);
      const { active } = await expectInvariants(ctx, org.organizationId);
      const owner = active.find((m) => m.role === "OWNER");
      expect(owner?.id).toBe(confirm === "OK" ? org.user.memberId : org.owner.memberId);
    }
  });

  it(`R22 R23 R36 two confirmations of one transfer, ${ROUNDS} rounds: exactly one succeeds`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const { transferId } = await startOwnershipTransfer(ctx, org.owner.userId, {
        memberId: org.admin.memberId,
      });
      const token = await latestToken(ctx, transferId);
      const results = await Promise.all([
        outcome(confirmOwnershipTransfer(ctx, org.owner.userId, { token })),
        outcome(confirmOwnershipTransfer(ctx, org.owner.userId, { token })),
      ]);
      // The loser finds the link used when its lock is granted.
      expect(sorted(results)).toEqual(["OK", "TRANSFER_NOT_VALID"]);
      const { active } = await expectInvariants(ctx, org.organizationId);
      expect(active.find((m) => m.role === "OWNER")?.id).toBe(org.admin.memberId);
    }
  });

  it(`R14 R36 20 parallel accepts of one invitation, ${ROUNDS} rounds: one account, one member`, async () => {
    const org = await createOrganization(ctx);
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `${unique("par")}@example.test`;
      const { invitationId } = await inviteUser(ctx, org.admin.userId, {
        email,
        username: unique("par"),
        role: "USER",
      });
      const token = await latestToken(ctx, invitationId);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => outcome(acceptInvitation(ctx, { token }))),
      );
      expect(results.filter((r) => r === "OK")).toHaveLength(1);
      expect(new Set(results.filter((r) => r !== "OK"))).toEqual(new Set(["INVITATION_NOT_VALID"]));
      const accounts = await ctx.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.email, email));
      expect(accounts).toHaveLength(1);
    }
    await expectInvariants(ctx, org.organizationId);
  });

  it(`R10 R36 two invites of the same username, ${ROUNDS} rounds: exactly one is sent`, async () => {
    const org = await createOrganization(ctx);
    for (let round = 0; round < ROUNDS; round += 1) {
      const username = unique("same");
      const results = await Promise.all(
        [org.owner, org.admin].map((inviter) =>
          outcome(
            inviteUser(ctx, inviter.userId, {
              email: `${unique("m")}@example.test`,
              username,
              role: "USER",
            }),
          ),
        ),
      );
      expect(sorted(results)).toEqual(["OK", "USERNAME_ALREADY_USED"]);
    }
    await expectInvariants(ctx, org.organizationId);
  });

  /** Nobody is left in a deleted organization: no active member, no pending invitation. */
  async function expectEmpty(organizationId: string) {
    const active = await ctx.db
      .select({ id: schema.members.id })
      .from(schema.members)
      .where(
        and(eq(schema.members.organizationId, organizationId), eq(schema.members.status, "ACTIVE")),
      );
    const pending = await ctx.db
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.organizationId, organizationId),
          eq(schema.invitations.status, "PENDING"),
        ),
      );
    expect({ active: active.length, pending: pending.length }).toEqual({ active: 0, pending: 0 });
  }

  async function pendingDeletion(org: Awaited<ReturnType<typeof createOrganization>>) {
    const { deletionId } = await startOrganizationDeletion(ctx, org.owner.userId, {
      name: org.name,
    });
    return latestToken(ctx, deletionId);
  }

  it(`Delete organization R36 confirmed while an admin invites, ${DELETE_ROUNDS} rounds: no invitation outlives the organization`, async () => {
    const seen = new Set<string>();
    for (let round = 0; round < DELETE_ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const token = await pendingDeletion(org);
      const [deleted, invited] = await Promise.all([
        outcome(confirmOrganizationDeletion(ctx, org.owner.userId, { token })),
        outcome(
          inviteUser(ctx, org.admin.userId, {
            email: `${unique("race")}@example.test`,
            username: unique("race"),
            role: "USER",
          }),
        ),
      ]);
      expect(deleted).toBe("OK");
      // Sent first and revoked by the deletion, or refused after it.
      expect(["OK", "ORGANIZATION_DELETED"]).toContain(invited);
      seen.add(invited);
      await expectEmpty(org.organizationId);
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it(`Delete organization R36 confirmed while an invitation is accepted, ${DELETE_ROUNDS} rounds: nobody joins a deleted organization`, async () => {
    for (let round = 0; round < DELETE_ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const { invitationId } = await inviteUser(ctx, org.admin.userId, {
        email: `${unique("joiner")}@example.test`,
        username: unique("joiner"),
        role: "USER",
      });
      const invitationToken = await latestToken(ctx, invitationId);
      const token = await pendingDeletion(org);
      const [deleted, accepted] = await Promise.all([
        outcome(confirmOrganizationDeletion(ctx, org.owner.userId, { token })),
        outcome(acceptInvitation(ctx, { token: invitationToken })),
      ]);
      expect(deleted).toBe("OK");
      expect(["OK", "INVITATION_ORGANIZATION_DELETED"]).toContain(accepted);
      await expectEmpty(org.organizationId);
    }
  });

  it(`Delete organization R33 R36 two confirmations of one link, ${DELETE_ROUNDS} rounds: exactly one deletes`, async () => {
    for (let round = 0; round < DELETE_ROUNDS; round += 1) {
      const org = await createOrganization(ctx);
      const token = await pendingDeletion(org);
      const results = await Promise.all([
        outcome(confirmOrganizationDeletion(ctx, org.owner.userId, { token })),
        outcome(confirmOrganizationDeletion(ctx, org.owner.userId, { token })),
      ]);
      // The loser's lock is granted after the owner's membership ended.
      expect(sorted(results)).toEqual(["OK", "ORGANIZATION_DELETED"]);
      const events = await ctx.db
        .select({ id: schema.auditEvents.id })
        .from(schema.auditEvents)
        .where(
          and(
            eq(schema.auditEvents.organizationId, org.organizationId),
            eq(schema.auditEvents.action, "organization.deleted"),
          ),
        );
      expect(events).toHaveLength(1);
      await expectEmpty(org.organizationId);
    }
  });
});
