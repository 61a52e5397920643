import { getOrgkit, getSessionUser, signInAfterAccept } from "{{orgkitModule}}";
import { createOrgkitHandler } from "@orgkit/trpc/handler";
import { after } from "next/server";

/** orgkit's API: same-origin JSON mutations only, rate-limited invitations. */
export const { GET, POST } = createOrgkitHandler({
  orgkit: async () => (await getOrgkit()).ctx,
  getUser: getSessionUser,
  // Delivers the queued email after the response, within the request's lifetime.
  afterCommit: () =>
    after(async () => {
      await (await getOrgkit()).worker.drain();
    }),
  signInAfterAccept,
});
