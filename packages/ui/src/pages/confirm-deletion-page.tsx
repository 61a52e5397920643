"use client";
import { DEFAULT_BASE_PATH, formatCount, pagePath } from "@orgkit/core/policy";
import { useLocale } from "use-intl";
import { useT } from "../lib/i18n";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import { ConfirmLinkPage, LinkExpiry } from "./confirm-link-page";
import type { PageProps } from "./organization-page";

/**
 * Confirm organization deletion: the organization this link belongs to, how many members
 * lose access, the caller's decision and a button; the server re-checks all.
 */
export function ConfirmDeletionPage({
  token,
  basePath = DEFAULT_BASE_PATH,
}: PageProps & { token: string | undefined }) {
  const t = useT("links");
  const tc = useT("common");
  const locale = useLocale();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const home = pagePath("organization", basePath);
  const confirm = useAction(
    trpc.organization.delete.confirm.mutationOptions(),
    t("deletion.deleted"),
    { onSuccess: () => window.location.assign(home) },
  );
  return (
    <ConfirmLinkPage
      title={tc("pageTitles.confirmDeletion")}
      token={token}
      preview={(link) => client.organization.delete.preview.mutate({ token: link })}
      missing={t("deletion.missing")}
      confirmation={confirm}
      confirmLabel={t("deletion.confirm")}
      danger
      back={{ href: home, label: t("deletion.back") }}
    >
      {(deletion) => (
        <>
          {t.rich("deletion.explained", {
            organization: deletion.organizationName,
            count: deletion.activeMembers,
            // As lists show counts: "10,000+" past the cap.
            members: formatCount(deletion.activeMembers, locale),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}{" "}
          <LinkExpiry preview={deletion} />
        </>
      )}
    </ConfirmLinkPage>
  );
}
