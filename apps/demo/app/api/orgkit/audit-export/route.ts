import { fromNextAuth } from "@orgkit/trpc";
import { createAuditExportHandler } from "@orgkit/trpc/handler";
import { auth } from "@/lib/auth";
import { getOrgkit } from "@/lib/orgkit";

/** The audit log as a CSV or JSON Lines download, streamed (admins only). */
export const { GET } = createAuditExportHandler({
  orgkit: async () => (await getOrgkit()).ctx,
  getUser: fromNextAuth(auth),
});
