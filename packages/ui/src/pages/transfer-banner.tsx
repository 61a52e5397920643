"use client";
import type { Decision } from "@orgkit/core/policy";
import { GuardedButton } from "../components/disabled-reason";
import { focusPageHeading, Notice } from "../components/layout";
import { formatExact } from "../lib/format";
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
  const trpc = useTRPC();
  const cancelTransfer = useAction(
    trpc.ownership.cancel.mutationOptions(),
    "Ownership transfer cancelled",
    // The banner and its button go away: focus goes to the page heading.
    { onSuccess: focusPageHeading },
  );
  return (
    <Notice tone="warning">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>
          Ownership transfer to <strong>{transfer.targetUsername}</strong> is pending. Confirmation
          sent to <strong>{transfer.sentTo}</strong>
          {transfer.expired
            ? " (the link has expired)"
            : ` (link valid until ${formatExact(transfer.expiresAt)})`}
          .
        </p>
        <GuardedButton
          decision={cancel}
          pending={cancelTransfer.isPending}
          onClick={() => cancelTransfer.mutate()}
        >
          Cancel transfer
        </GuardedButton>
      </div>
    </Notice>
  );
}
