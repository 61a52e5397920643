"use client";
import { useRef, useState } from "react";
import { ActionsMenu } from "../components/actions-menu";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Badge } from "../components/layout";
import { cn } from "../lib/cn";
import { useDates, useT } from "../lib/i18n";
import { type InvitationListItem, useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

/** The invitation list's columns on wide screens, shared by its header and rows. */
export const INVITATION_COLUMNS =
  "md:grid-cols-[minmax(0,1.6fr)_minmax(0,1.1fr)_5.5rem_6.5rem_7rem_auto]";

/**
 * One pending invitation, a table row on wide screens and a card on a phone: email,
 * username, role, status, expiry, and Resend and Revoke in its menu.
 */
export function InvitationRow({
  invitation,
  onGone,
}: {
  invitation: InvitationListItem;
  /** Where focus goes once this row has left the list (revoked). */
  onGone: () => void;
}) {
  const t = useT("users");
  const tc = useT("common");
  const dates = useDates();
  const trpc = useTRPC();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const actionsButton = useRef<HTMLButtonElement>(null);
  const resend = useAction(
    trpc.invitations.resend.mutationOptions(),
    t("invitationResent", { email: invitation.email }),
  );
  const revoke = useAction(
    trpc.invitations.revoke.mutationOptions(),
    t("invitationRevoked", { email: invitation.email }),
    { onSuccess: onGone },
  );
  return (
    <li
      aria-label={invitation.email}
      aria-busy={resend.isPending || revoke.isPending || undefined}
      className={cn(
        "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-ok-border py-3 md:items-center",
        INVITATION_COLUMNS,
      )}
    >
      <div className="min-w-0 font-medium [overflow-wrap:anywhere]">
        {invitation.email}
        {invitation.emailStatus === "DEAD" ? (
          <span className="ml-2 text-xs font-medium text-ok-danger">{t("emailFailed")}</span>
        ) : null}
      </div>
      <div className="col-start-1 text-sm [overflow-wrap:anywhere] md:col-start-auto">
        <span className="text-ok-muted md:sr-only">{t("usernameLabel")} </span>
        {invitation.username}
      </div>
      <div className="col-start-1 text-sm md:col-start-auto">
        <span className="text-ok-muted md:sr-only">{t("roleLabel")} </span>
        {invitation.role}
      </div>
      <div className="col-start-1 text-sm md:col-start-auto">
        <span className="sr-only">{t("statusLabel")} </span>
        <Badge>{tc(`statuses.${invitation.status}`)}</Badge>
      </div>
      <div className="col-start-1 text-sm md:col-start-auto">
        <span className="text-ok-muted md:sr-only">{t("expiresLabel")} </span>
        <time
          dateTime={invitation.expiresAt.toISOString()}
          title={dates.exact(invitation.expiresAt)}
        >
          {dates.relative(invitation.expiresAt)}
        </time>
      </div>
      <div className="col-start-2 row-span-5 row-start-1 self-start md:col-start-auto md:row-span-1 md:row-start-auto md:self-center md:justify-self-end">
        <ActionsMenu
          label={t("actionsFor", { name: invitation.email })}
          buttonRef={actionsButton}
          actions={[
            {
              label: t("resend"),
              decision: invitation.actions.resend,
              onSelect: () => resend.mutate({ invitationId: invitation.id }),
            },
            {
              label: t("revoke"),
              decision: invitation.actions.revoke,
              danger: true,
              onSelect: () => setConfirmRevoke(true),
            },
          ]}
        />
      </div>
      <ConfirmDialog
        open={confirmRevoke}
        onOpenChange={setConfirmRevoke}
        returnFocus={() => actionsButton.current}
        title={t("revokeConfirmTitle", { email: invitation.email })}
        description={t("revokeConfirmText")}
        confirmLabel={t("revoke")}
        danger
        onConfirm={() => revoke.mutate({ invitationId: invitation.id })}
      />
    </li>
  );
}
