"use client";
import { DEFAULT_BASE_PATH, formatCount, pagePath } from "@orgkit/core/policy";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import { ConfirmLinkPage, linkExpiry } from "./confirm-link-page";
import type { PageProps } from "./organization-page";

/**
 * Confirm organization deletion: the organization this link belongs to, how many members
 * lose access, the caller's decision and a button; the server re-checks all.
 */
export function ConfirmDeletionPage({
  token,
  basePath = DEFAULT_BASE_PATH,
}: PageProps & { token: string | undefined }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const home = pagePath("organization", basePath);
  const confirm = useAction(
    trpc.organization.delete.confirm.mutationOptions(),
    "Organization deleted",
    { onSuccess: () => window.location.assign(home) },
  );
  return (
    <ConfirmLinkPage
      title="Confirm organization deletion"
      token={token}
      preview={(t) => client.organization.delete.preview.mutate({ token: t })}
      missing="To delete the organization, open the confirmation link from your email."
      confirmation={confirm}
      confirmLabel="Delete organization"
      danger
      back={{ href: home, label: "Back to organization" }}
    >
      {(deletion) => (
        <>
          When you confirm, <strong>{deletion.organizationName}</strong> is deleted:{" "}
          {deletion.activeMembers === 1
            ? "its one member loses access"
            : `all ${formatCount(deletion.activeMembers)} members lose access`}{" "}
          at once and return to personal mode, pending invitations stop working and the name becomes
          free. This cannot be undone. {linkExpiry(deletion)}
        </>
      )}
    </ConfirmLinkPage>
  );
}
