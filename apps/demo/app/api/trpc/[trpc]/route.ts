import { createOrgkitHandler, fromNextAuth } from "@orgkit/trpc/handler";
import { after } from "next/server";
import { auth } from "@/lib/auth";
import { config } from "@/lib/config";
import { getOrgkit } from "@/lib/orgkit";
import { signInLinkAfterAccept } from "@/lib/sign-in-link";

export const { GET, POST } = createOrgkitHandler({
  orgkit: async () => (await getOrgkit()).ctx,
  getUser: fromNextAuth(auth),
  allowedOrigins: [config.appUrl],
  // After the response, within the request's lifetime (serverless functions included).
  afterCommit: () =>
    after(async () => {
      await (await getOrgkit()).worker.drain();
    }),
  signInAfterAccept: signInLinkAfterAccept,
});
