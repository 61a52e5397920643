import {
  inviteUser,
  type OrgkitContext,
  removeMember,
  startOrganizationDeletion,
  startOwnershipTransfer,
} from "@orgkit/core/server";
import {
  addMember,
  createAccount,
  createOrganization,
  latestToken,
  unique,
} from "@orgkit/core/testing";
import type { ApiContext } from "../src";
import { appRouter, createCallerFactory } from "../src";

export const createCaller = createCallerFactory(appRouter);

export function apiContext(
  orgkit: OrgkitContext,
  userId: string | null,
  overrides: Partial<ApiContext> = {},
): ApiContext {
  return {
    orgkit,
    user: userId ? { id: userId } : null,
    afterCommit: () => {},
    signInAfterAccept: async () => "/settings/organization",
    ...overrides,
  };
}

/**
 * One organization with every kind of caller, a pending invitation, a pending transfer and a
 * pending deletion.
 */
export async function createWorld(ctx: OrgkitContext) {
  const org = await createOrganization(ctx);
  const removed = await addMember(ctx, org.owner.userId, "ADMIN");
  await removeMember(ctx, org.owner.userId, { memberId: removed.memberId });
  const other = await createOrganization(ctx);
  const personal = await createAccount(ctx, `${unique("solo")}@example.test`);
  const { invitationId } = await inviteUser(ctx, org.admin.userId, {
    email: `${unique("pending")}@example.test`,
    username: unique("pending"),
    role: "USER",
  });
  const transfer = await startOwnershipTransfer(ctx, org.owner.userId, {
    memberId: org.admin.memberId,
  });
  const deletion = await startOrganizationDeletion(ctx, org.owner.userId, { name: org.name });
  return {
    org,
    deletionToken: await latestToken(ctx, deletion.deletionId),
    invitationId,
    invitationToken: await latestToken(ctx, invitationId),
    transferToken: await latestToken(ctx, transfer.transferId),
    callers: {
      OWNER: org.owner.userId,
      ADMIN: org.admin.userId,
      USER: org.user.userId,
      VIEWER: org.viewer.userId,
      REMOVED: removed.userId,
      OTHER_ORG_ADMIN: other.admin.userId,
      PERSONAL: personal,
      ANONYMOUS: null,
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
export type CallerKind = keyof World["callers"];
