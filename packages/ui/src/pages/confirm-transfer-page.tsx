"use client";
import { DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import { ConfirmLinkPage, linkExpiry } from "./confirm-link-page";
import type { PageProps } from "./organization-page";

/**
 * Confirm ownership transfer (R23): the transfer this link belongs to (never whichever is
 * pending now), the caller's decision, and a button; the server re-checks all.
 */
export function ConfirmTransferPage({
  token,
  basePath = DEFAULT_BASE_PATH,
}: PageProps & { token: string | undefined }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const confirm = useAction(trpc.ownership.confirm.mutationOptions(), "Ownership transferred", {
    onSuccess: () => window.location.assign(pagePath("users", basePath)),
  });
  return (
    <ConfirmLinkPage
      title="Confirm ownership transfer"
      token={token}
      preview={(t) => client.ownership.preview.mutate({ token: t })}
      missing="To confirm the transfer, open the confirmation link from your email."
      confirmation={confirm}
      confirmLabel="Confirm transfer"
      back={{ href: pagePath("users", basePath), label: "Back to user management" }}
    >
      {(transfer) => (
        <>
          When you confirm, you become <strong>ADMIN</strong> and{" "}
          <strong>{transfer.targetUsername}</strong> becomes <strong>OWNER</strong> of{" "}
          {transfer.organizationName}. There is always exactly one owner. {linkExpiry(transfer)}
        </>
      )}
    </ConfirmLinkPage>
  );
}
