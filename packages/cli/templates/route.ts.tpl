import { getOrgkit, getSessionUser, signInAfterAccept } from "{{orgkitModule}}";
import { createOrgkitHandler } from "@orgkit/trpc/handler";

/** orgkit's API: same-origin JSON mutations only, rate-limited invitations. */
export const { GET, POST } = createOrgkitHandler({
  orgkit: async () => (await getOrgkit()).ctx,
  getUser: getSessionUser,
  afterCommit: () => void getOrgkit().then(({ worker }) => worker.kick()),
  signInAfterAccept,
});
