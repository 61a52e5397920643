"use client";
import { DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useShippedLocale, useT } from "../lib/i18n";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import { ConfirmLinkPage, LinkExpiry } from "./confirm-link-page";
import type { PageProps } from "./organization-page";

/**
 * Confirm ownership transfer (R23): the transfer this link belongs to (never whichever is
 * pending now), the caller's decision, and a button; the server re-checks all.
 */
export function ConfirmTransferPage({
  token,
  basePath = DEFAULT_BASE_PATH,
}: PageProps & { token: string | undefined }) {
  const t = useT("links");
  const tc = useT("common");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const locale = useShippedLocale();
  const confirm = useAction(trpc.ownership.confirm.mutationOptions(), t("transfer.transferred"), {
    onSuccess: () => window.location.assign(pagePath("users", basePath)),
  });
  return (
    <ConfirmLinkPage
      title={tc("pageTitles.confirmTransfer")}
      token={token}
      preview={(link) => client.ownership.preview.mutate({ token: link })}
      missing={t("transfer.missing")}
      // The notice to both owners is written in the language of the one who confirms.
      confirmation={{ ...confirm, mutate: (input) => confirm.mutate({ ...input, locale }) }}
      confirmLabel={t("transfer.confirm")}
      back={{ href: pagePath("users", basePath), label: t("transfer.back") }}
    >
      {(transfer) => (
        <>
          {t.rich("transfer.explained", {
            target: transfer.targetUsername,
            organization: transfer.organizationName,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}{" "}
          <LinkExpiry preview={transfer} />
        </>
      )}
    </ConfirmLinkPage>
  );
}
