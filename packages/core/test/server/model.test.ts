import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSIGNABLE_ROLES, INVITATION_ROLES, type ReasonCode } from "../../src/policy";
import {
  acceptInvitation,
  activateOrganization,
  cancelOwnershipTransfer,
  changeRole,
  confirmOwnershipTransfer,
  inviteUser,
  type OrgkitContext,
  previewInvitation,
  removeMember,
  resendInvitation,
  revokeInvitation,
  schema,
  startOwnershipTransfer,
} from "../../src/server";
import {
  contextFor,
  createAccount,
  createTestDatabase,
  DAY,
  latestToken,
  type TestDatabase,
  testClock,
  unique,
} from "../../src/testing";
import { expectInvariants } from "../support/invariants";
import * as rules from "../support/model";
import { outcome } from "../support/outcome";

const RUNS = Number(process.env.ORGKIT_MODEL_RUNS ?? 200);
const USERNAMES = ["ann", "bob", "cat", "dan", "m-user", "m-admin"] as const;

const nat = fc.nat(50);
const operation = fc.oneof(
  fc.record({
    kind: fc.constant("invite" as const),
    actor: nat,
    username: fc.constantFrom(...USERNAMES),
    email: fc.nat(6),
    role: fc.constantFrom(...INVITATION_ROLES),
  }),
  fc.record({ kind: fc.constant("accept" as const), invitation: nat, stale: fc.boolean() }),
  fc.record({ kind: fc.constant("resend" as const), actor: nat, invitation: nat }),
  fc.record({ kind: fc.constant("revoke" as const), actor: nat, invitation: nat }),
  fc.record({
    kind: fc.constant("changeRole" as const),
    actor: nat,
    target: nat,
    role: fc.constantFrom(...ASSIGNABLE_ROLES),
  }),
  fc.record({ kind: fc.constant("remove" as const), actor: nat, target: nat }),
  fc.record({ kind: fc.constant("startTransfer" as const), actor: nat, target: nat }),
  fc.record({ kind: fc.constant("confirm" as const), actor: nat, stale: fc.boolean() }),
  fc.record({ kind: fc.constant("cancel" as const), actor: nat }),
  fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 8 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items[index % Math.max(items.length, 1)];

/** A fresh organization: OWNER, ADMIN, USER, VIEWER, and the model that mirrors it. */
async function seed(ctx: OrgkitContext, clock: ReturnType<typeof testClock>) {
  const prefix = unique("s");
  const model: rules.Model = {
    now: clock.now().getTime(),
    members: [],
    invitations: [],
    transfer: null,
    oldTransferTokens: [],
    auditEvents: 0,
  };
  const ownerEmail = `${prefix}-owner@model.test`;
  const ownerUserId = await createAccount(ctx, ownerEmail, "m-owner");
  const activated = await activateOrganization(ctx, ownerUserId, { name: prefix });
  model.members.push({
    memberId: activated.memberId,
    userId: ownerUserId,
    username: "m-owner",
    email: ownerEmail,
    role: "OWNER",
    status: "ACTIVE",
  });
  for (const role of ["ADMIN", "USER", "VIEWER"] as const) {
    const username = `m-${role.toLowerCase()}`;
    const email = `${prefix}-${role.toLowerCase()}@model.test`;
    const { invitationId } = await inviteUser(ctx, ownerUserId, { email, username, role });
    const accepted = await acceptInvitation(ctx, { token: await latestToken(ctx, invitationId) });
    model.members.push({
      memberId: accepted.memberId,
      userId: accepted.userId,
      username,
      email,
      role,
      status: "ACTIVE",
    });
  }
  model.auditEvents = 7;
  return { organizationId: activated.organization.id, prefix, model };
}

describe("model-based: random operations against the real services on PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(() => database?.drop());

  it(`R7 R9 R10 R12 R13 R16 R17 R18 R23 R25 R32 R33 ${RUNS} random sequences (resend by another admin, removed inviters, re-invited members, expiry) agree with the model and keep every invariant`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 20 }), async (operations) => {
        const clock = testClock();
        const { ctx } = contextFor(database, clock);
        const world = await seed(ctx, clock);
        for (const op of operations) {
          await step(ctx, clock, world, op);
          await expectSameState(ctx, world);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});

type World = Awaited<ReturnType<typeof seed>>;

/** Runs one operation on both sides and checks that they agree on whether it was allowed. */
async function step(
  ctx: OrgkitContext,
  clock: ReturnType<typeof testClock>,
  world: World,
  op: Operation,
) {
  const { model } = world;
  const expectOutcome = (result: ReasonCode | "OK", allowed: boolean) => {
    expect(result === "OK", `${op.kind} ${JSON.stringify(op)} → ${result}`).toBe(allowed);
    if (allowed) model.auditEvents += 1;
    return allowed;
  };
  if (op.kind === "advance") {
    clock.advance(op.days * DAY);
    model.now = clock.now().getTime();
    return;
  }
  if (op.kind === "accept") {
    const invitation = pick(model.invitations, op.invitation);
    if (!invitation) return;
    const token = (op.stale ? invitation.oldTokens.at(-1) : undefined) ?? invitation.token;
    const allowed = rules.canAccept(model, invitation, token);
    const result = await outcome(acceptInvitation(ctx, { token }));
    if (expectOutcome(result, allowed)) {
      const [member] = await ctx.db
        .select()
        .from(schema.members)
        .where(
          and(
            eq(schema.members.organizationId, world.organizationId),
            eq(schema.members.username, invitation.username),
            eq(schema.members.status, "ACTIVE"),
          ),
        );
      invitation.status = "ACCEPTED";
      model.members.push({
        memberId: String(member?.id),
        userId: String(member?.userId),
        username: invitation.username,
        email: invitation.email,
        role: invitation.role,
        status: "ACTIVE",
      });
    }
    return;
  }
  const actor = pick(model.members, op.actor);
  if (!actor) return;
  switch (op.kind) {
    case "invite": {
      const email =
        op.email === 6
          ? String(model.members[2]?.email)
          : `${world.prefix}-e${op.email}@model.test`;
      const allowed = rules.canInvite(model, actor, email, op.username);
      const sent = inviteUser(ctx, actor.userId, { email, username: op.username, role: op.role });
      const result = await outcome(sent);
      if (expectOutcome(result, allowed)) {
        const id = (await sent).invitationId;
        model.invitations.push({
          id,
          email,
          username: op.username,
          role: op.role,
          status: "PENDING",
          expiresAt: model.now + 7 * DAY,
          inviterMemberId: actor.memberId,
          token: await latestToken(ctx, id),
          oldTokens: [],
        });
      }
      return;
    }
    case "resend":
    case "revoke": {
      const invitation = pick(model.invitations, op.invitation);
      if (!invitation) return;
      const allowed =
        op.kind === "resend"
          ? rules.canResend(model, actor, invitation)
          : rules.isActiveAdmin(actor) && invitation.status === "PENDING";
      const call = op.kind === "resend" ? resendInvitation : revokeInvitation;
      const result = await outcome(call(ctx, actor.userId, { invitationId: invitation.id }));
      if (!expectOutcome(result, allowed)) return;
      if (op.kind === "revoke") {
        invitation.status = "REVOKED";
      } else {
        invitation.oldTokens.push(invitation.token);
        invitation.token = await latestToken(ctx, invitation.id);
        invitation.expiresAt = model.now + 7 * DAY;
        // R12: the admin who resends becomes the inviter that R15 checks.
        invitation.inviterMemberId = actor.memberId;
      }
      return;
    }
    case "changeRole": {
      const target = pick(model.members, op.target);
      if (!target) return;
      const allowed = rules.canChangeRole(model, actor, target, op.role);
      const result = await outcome(
        changeRole(ctx, actor.userId, { memberId: target.memberId, role: op.role }),
      );
      if (expectOutcome(result, allowed)) target.role = op.role;
      return;
    }
    case "remove": {
      const target = pick(model.members, op.target);
      if (!target) return;
      const allowed = rules.canRemove(model, actor, target);
      const result = await outcome(removeMember(ctx, actor.userId, { memberId: target.memberId }));
      if (!expectOutcome(result, allowed)) return;
      target.status = "REMOVED";
      // R25: a pending transfer to the removed member is cancelled with the removal.
      if (model.transfer?.toMemberId === target.memberId) {
        model.oldTransferTokens.push(model.transfer.token);
        model.transfer = null;
        model.auditEvents += 1;
      }
      return;
    }
    case "startTransfer": {
      const target = pick(model.members, op.target);
      if (!target) return;
      const allowed = rules.canStartTransfer(actor, target);
      const result = await outcome(
        startOwnershipTransfer(ctx, actor.userId, { memberId: target.memberId }),
      );
      if (!expectOutcome(result, allowed)) return;
      // R22, R32: a new request replaces the pending one (expired or not), audited as cancelled.
      if (model.transfer) {
        model.oldTransferTokens.push(model.transfer.token);
        model.auditEvents += 1;
      }
      const [row] = await ctx.db
        .select()
        .from(schema.ownershipTransfers)
        .where(
          and(
            eq(schema.ownershipTransfers.organizationId, world.organizationId),
            eq(schema.ownershipTransfers.status, "PENDING"),
          ),
        );
      const id = String(row?.id);
      model.transfer = {
        id,
        fromMemberId: actor.memberId,
        toMemberId: target.memberId,
        token: await latestToken(ctx, id),
        expiresAt: model.now + DAY,
      };
      return;
    }
    case "confirm": {
      const token =
        (op.stale ? model.oldTransferTokens.at(-1) : model.transfer?.token) ??
        model.transfer?.token;
      if (!token) return;
      const allowed = rules.canConfirm(model, actor, token);
      const result = await outcome(confirmOwnershipTransfer(ctx, actor.userId, { token }));
      if (!expectOutcome(result, allowed) || !model.transfer) return;
      const target = model.members.find((m) => m.memberId === model.transfer?.toMemberId);
      actor.role = "ADMIN";
      if (target) target.role = "OWNER";
      model.oldTransferTokens.push(model.transfer.token);
      model.transfer = null;
      return;
    }
    case "cancel": {
      const allowed = rules.canCancel(model, actor);
      const result = await outcome(cancelOwnershipTransfer(ctx, actor.userId));
      if (expectOutcome(result, allowed) && model.transfer) {
        model.oldTransferTokens.push(model.transfer.token);
        model.transfer = null;
      }
      return;
    }
  }
}

/** The database matches the model, the invariants hold, and no spent link works. */
async function expectSameState(ctx: OrgkitContext, world: World) {
  const { model } = world;
  const { members } = await expectInvariants(ctx, world.organizationId);
  const actual = new Map(members.map((m) => [m.id, [m.role, m.status]]));
  expect(actual).toEqual(new Map(model.members.map((m) => [m.memberId, [m.role, m.status]])));
  const invitations = await ctx.db
    .select({ id: schema.invitations.id, status: schema.invitations.status })
    .from(schema.invitations)
    .where(eq(schema.invitations.organizationId, world.organizationId));
  expect(new Map(invitations.map((i) => [i.id, i.status]))).toEqual(
    new Map([
      ...model.invitations.map((i) => [i.id, i.status] as const),
      ...seededInvitations(invitations, model),
    ]),
  );
  const [audit] = await ctx.db
    .select({ n: count() })
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.organizationId, world.organizationId));
  expect(audit?.n).toBe(model.auditEvents);
  for (const invitation of model.invitations) {
    const spent =
      invitation.status === "PENDING"
        ? invitation.oldTokens
        : [...invitation.oldTokens, invitation.token];
    for (const token of spent)
      expect(await outcome(previewInvitation(ctx, { token }))).toBe("INVITATION_NOT_VALID");
  }
}

/** The three seeding invitations are ACCEPTED and not part of the random sequence. */
function seededInvitations(rows: { id: string; status: string }[], model: rules.Model) {
  const known = new Set(model.invitations.map((i) => i.id));
  return rows.filter((row) => !known.has(row.id)).map((row) => [row.id, "ACCEPTED"] as const);
}
