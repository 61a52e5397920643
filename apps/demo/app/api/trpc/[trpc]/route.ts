import { createOrgkitHandler, fromNextAuth } from "@orgkit/trpc/handler";
import { auth } from "@/lib/auth";
import { getOrgkit } from "@/lib/orgkit";
import { signInLinkAfterAccept } from "@/lib/sign-in-link";

export const { GET, POST } = createOrgkitHandler({
  orgkit: async () => (await getOrgkit()).ctx,
  getUser: fromNextAuth(auth),
  afterCommit: () => void getOrgkit().then(({ worker }) => worker.kick()),
  signInAfterAccept: signInLinkAfterAccept,
});
