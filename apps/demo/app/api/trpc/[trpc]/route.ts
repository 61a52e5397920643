import { createOrgkitHandler, fromNextAuth } from "@orgkit/trpc/handler";
import { auth } from "@/lib/auth";
import { getOrgkit } from "@/lib/orgkit";
import { endSessions } from "@/lib/sessions";
import { signInLinkAfterAccept } from "@/lib/sign-in-link";

export const { GET, POST } = createOrgkitHandler({
  orgkit: async () => (await getOrgkit()).ctx,
  getUser: fromNextAuth(auth),
  afterCommit: () => void getOrgkit().then(({ worker }) => worker.kick()),
  signInAfterAccept: signInLinkAfterAccept,
  // A removed member's sessions end with the removal, not 30 days later.
  onMemberRemoved: ({ userId }) => endSessions(userId),
});
