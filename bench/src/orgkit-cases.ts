import {
  changeRole,
  confirmOwnershipTransfer,
  encodeCursor,
  inviteUser,
  listMembers,
  type OrgkitContext,
  openToken,
  removeMember,
  schema,
  startOwnershipTransfer,
} from "@orgkit/core/server";
import { desc, eq } from "drizzle-orm";
import { addUser, type SeededOrg } from "./seed";
import { type CaseResult, collector, type Plan, untimed } from "./stats";

export type { CaseResult, Plan } from "./stats";

async function transferToken(ctx: OrgkitContext, transferId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ payload: schema.emailOutbox.payload })
    .from(schema.emailOutbox)
    .where(eq(schema.emailOutbox.subjectId, transferId))
    .orderBy(desc(schema.emailOutbox.id))
    .limit(1);
  return openToken(ctx.secret, String(row?.payload.sealedToken));
}

/** The middle member in page order, as a cursor: a page deep in a large organization. */
function deepCursor(org: SeededOrg): string {
  const middle = Math.max(4, Math.floor(org.size / 2));
  return encodeCursor([org.username(middle), org.memberId(middle)]);
}

/** orgkit's services, timed one call at a time. */
export async function orgkitCases(
  ctx: OrgkitContext,
  org: SeededOrg,
  plan: Plan,
): Promise<CaseResult[]> {
  const { results, run } = collector(plan);
  const none = untimed;

  await run("invite", none, (i) =>
    inviteUser(ctx, org.ownerUserId, {
      email: `inv${i}-${org.tag}@bench.test`,
      username: `inv${i}${org.tag}`.slice(0, 32),
      role: "USER",
    }),
  );
  const target = org.memberId(Math.min(4, org.size));
  await run("change role", none, (i) =>
    changeRole(ctx, org.ownerUserId, { memberId: target, role: i % 2 === 0 ? "VIEWER" : "USER" }),
  );
  let victim = "";
  await run(
    "remove",
    async (i) => {
      victim = await addUser(ctx.db, org, `r${i}`);
    },
    () => removeMember(ctx, org.ownerUserId, { memberId: victim }),
  );
  // Ownership goes back and forth between members 1 and 2.
  const people = [
    { userId: org.ownerUserId, memberId: org.ownerMemberId },
    { userId: org.adminUserId, memberId: org.adminMemberId },
  ];
  let owner: 0 | 1 = 0;
  let token = "";
  await run(
    "confirm transfer",
    async () => {
      const from = people[owner] as (typeof people)[number];
      const to = people[1 - owner] as (typeof people)[number];
      const started = await startOwnershipTransfer(ctx, from.userId, { memberId: to.memberId });
      token = await transferToken(ctx, started.transferId);
    },
    async () => {
      await confirmOwnershipTransfer(ctx, (people[owner] as (typeof people)[number]).userId, {
        token,
      });
      owner = owner === 0 ? 1 : 0;
    },
  );
  const reader = (people[owner] as (typeof people)[number]).userId;
  await run("members page (first)", none, () => listMembers(ctx, reader, { limit: 50 }));
  const cursor = deepCursor(org);
  await run("members page (deep)", none, () => listMembers(ctx, reader, { limit: 50, cursor }));
  return results;
}
