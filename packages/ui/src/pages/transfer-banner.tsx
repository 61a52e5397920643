"use client";
import type { Decision } from "@orgkit/core/policy";
import { GuardedButton } from "../components/disabled-reason";
import { focusPageHeading, Notice } from "../components/layout";
import { useDates, useT } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

export type PendingTransfer = {
  targetUsername: string;
  sentTo: string;
  expiresAt: Date;
  expired: boolean;
};

/** R24: while a transfer is pending, say so, with the target and where the link went. */
export function TransferBanner({
  transfer,
  cancel,
}: {
  transfer: PendingTransfer;
  cancel: Decision;
}) {
  const t = useT("organization");
  const dates = useDates();
  const trpc = useTRPC();
  const cancelTransfer = useAction(
    trpc.ownership.cancel.mutationOptions(),
    t("transferCancelled"),
    // The banner and its button go away: focus goes to the page heading.
    { onSuccess: focusPageHeading },
  );
  return (
    <Notice tone="warning">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>
          {t.rich("transferPending", {
            target: transfer.targetUsername,
            sentTo: transfer.sentTo,
            expired: String(transfer.expired),
            expiresAt: dates.exact(transfer.expiresAt),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <GuardedButton
          decision={cancel}
          pending={cancelTransfer.isPending}
          onClick={() => cancelTransfer.mutate()}
        >
          {t("cancelTransfer")}
        </GuardedButton>
      </div>
    </Notice>
  );
}
