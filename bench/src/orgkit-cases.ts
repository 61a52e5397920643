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
import type { Case } from "./stats";

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

/**
 * orgkit's services, one call at a time. Ownership goes back and forth between members 1
 * and 2 (confirm transfer), so every case acts as whoever is the owner at that moment.
 */
export function orgkitCases(ctx: OrgkitContext, org: SeededOrg): Case[] {
  const people = [
    { userId: org.ownerUserId, memberId: org.ownerMemberId },
    { userId: org.adminUserId, memberId: org.adminMemberId },
  ] as const;
  let owner: 0 | 1 = 0;
  const actor = () => people[owner].userId;
  const target = org.memberId(Math.min(4, org.size));
  const cursor = deepCursor(org);
  let victim = "";
  let token = "";
  return [
    {
      name: "invite",
      call: (i) =>
        inviteUser(ctx, actor(), {
          email: `inv${i}-${org.tag}@bench.test`,
          username: `inv${i}${org.tag}`.slice(0, 32),
          role: "USER",
        }),
    },
    {
      name: "change role",
      call: (i) =>
        changeRole(ctx, actor(), { memberId: target, role: i % 2 === 0 ? "VIEWER" : "USER" }),
    },
    {
      name: "remove",
      setup: async (i) => {
        victim = await addUser(ctx.db, org, `r${i}`);
      },
      call: () => removeMember(ctx, actor(), { memberId: victim }),
    },
    {
      name: "confirm transfer",
      setup: async () => {
        const started = await startOwnershipTransfer(ctx, actor(), {
          memberId: people[owner === 0 ? 1 : 0].memberId,
        });
        token = await transferToken(ctx, started.transferId);
      },
      call: async () => {
        await confirmOwnershipTransfer(ctx, actor(), { token });
        owner = owner === 0 ? 1 : 0;
      },
    },
    { name: "members page (first)", call: () => listMembers(ctx, actor(), { limit: 50 }) },
    {
      name: "members page (deep)",
      call: () => listMembers(ctx, actor(), { limit: 50, cursor }),
    },
  ];
}
