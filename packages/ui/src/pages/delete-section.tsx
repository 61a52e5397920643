"use client";
import type { Decision } from "@orgkit/core/policy";
import { useState } from "react";
import { Button } from "../components/button";
import { GuardedButton } from "../components/disabled-reason";
import { TextField } from "../components/field";
import { focusPageHeading, Notice, Section } from "../components/layout";
import { messageOf, reasonOf } from "../lib/errors";
import { formatExact } from "../lib/format";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

export type PendingDeletion = { sentTo: string; expiresAt: Date; expired: boolean };

/**
 * Delete organization: the owner types the organization's name and a confirmation link is
 * emailed to them; while it is pending, where it went and Cancel deletion. Everyone else sees
 * the button disabled with the policy's reason.
 */
export function DeleteSection({
  organizationName,
  decision,
  cancel,
  pending,
}: {
  organizationName: string;
  decision: Decision | undefined;
  cancel: Decision | undefined;
  pending: PendingDeletion | null;
}) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const start = useAction(
    trpc.organization.delete.start.mutationOptions(),
    (data) => `Confirmation sent to ${data.sentTo}`,
    {
      onSuccess: () => setTyped(""),
      onError: (failure) => {
        if (reasonOf(failure) !== "DELETE_NAME_MISMATCH") return false;
        setError(messageOf(failure));
        return true;
      },
    },
  );
  const cancelDeletion = useAction(
    trpc.organization.delete.cancel.mutationOptions(),
    "Deletion cancelled",
    // The notice and its button go away: focus goes to the page heading.
    { onSuccess: focusPageHeading },
  );
  if (decision?.allowed !== true)
    return (
      <Section title="Delete organization">
        <GuardedButton variant="danger" decision={decision}>
          Delete organization
        </GuardedButton>
      </Section>
    );
  return (
    <Section title="Delete organization">
      {pending ? (
        <Notice tone="warning">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>
              Deletion of <strong>{organizationName}</strong> is pending. Confirmation sent to{" "}
              <strong>{pending.sentTo}</strong>
              {pending.expired
                ? " (the link has expired)"
                : ` (link valid until ${formatExact(pending.expiresAt)})`}
              .
            </p>
            <GuardedButton
              decision={cancel}
              pending={cancelDeletion.isPending}
              onClick={() => cancelDeletion.mutate()}
            >
              Cancel deletion
            </GuardedButton>
          </div>
        </Notice>
      ) : null}
      <p className="my-3 text-sm text-ok-muted">
        Every member loses access at once and returns to personal mode, pending invitations stop
        working and the name becomes free. Nobody can open the activity log afterwards: export it
        from Activity first if you need it. A confirmation link is emailed to you first; nothing
        changes until you open it.
      </p>
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          start.mutate({ name: typed });
        }}
      >
        <TextField
          label={`Type ${organizationName} to confirm`}
          name="confirm-name"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          required
          maxLength={256}
          autoComplete="off"
          spellCheck={false}
          error={error}
        />
        <Button type="submit" variant="danger" pending={start.isPending}>
          {pending ? "Send a new link" : "Delete organization"}
        </Button>
      </form>
    </Section>
  );
}
