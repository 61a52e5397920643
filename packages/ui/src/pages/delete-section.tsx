"use client";
import type { Decision } from "@orgkit/core/policy";
import { useState } from "react";
import { Button } from "../components/button";
import { GuardedButton } from "../components/disabled-reason";
import { TextField } from "../components/field";
import { focusPageHeading, Notice, Section } from "../components/layout";
import { reasonOf, useErrorMessages } from "../lib/errors";
import { useDates, useShippedLocale, useT } from "../lib/i18n";
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
  const t = useT("organization");
  const locale = useShippedLocale();
  const dates = useDates();
  const { messageOf } = useErrorMessages();
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const start = useAction(
    trpc.organization.delete.start.mutationOptions(),
    (data) => t("confirmationSent", { sentTo: data.sentTo }),
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
    t("deletionCancelled"),
    // The notice and its button go away: focus goes to the page heading.
    { onSuccess: focusPageHeading },
  );
  if (decision?.allowed !== true)
    return (
      <Section title={t("delete")}>
        <GuardedButton variant="danger" decision={decision}>
          {t("delete")}
        </GuardedButton>
      </Section>
    );
  return (
    <Section title={t("delete")}>
      {pending ? (
        <Notice tone="warning">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>
              {t.rich("deletionPending", {
                organization: organizationName,
                sentTo: pending.sentTo,
                expired: String(pending.expired),
                expiresAt: dates.exact(pending.expiresAt),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <GuardedButton
              decision={cancel}
              pending={cancelDeletion.isPending}
              onClick={() => cancelDeletion.mutate()}
            >
              {t("cancelDeletion")}
            </GuardedButton>
          </div>
        </Notice>
      ) : null}
      <p className="my-3 text-sm text-ok-muted">{t("deleteExplained")}</p>
      <form
        noValidate
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          start.mutate({ name: typed, locale });
        }}
      >
        <TextField
          label={t("typeNameToConfirm", { organization: organizationName })}
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
          {pending ? t("sendNewLink") : t("delete")}
        </Button>
      </form>
    </Section>
  );
}
