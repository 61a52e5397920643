"use client";
import { ASSIGNABLE_ROLES, type AssignableRole, isAdminLike } from "@orgkit/core/policy";
import { useRef, useState } from "react";
import { ActionsMenu, type MenuAction } from "../components/actions-menu";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Badge, focusPageHeading } from "../components/layout";
import { cn } from "../lib/cn";
import { useDates, useShippedLocale, useT } from "../lib/i18n";
import { type MemberListItem, useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

/** The member list's columns on wide screens, shared by its header and rows. */
export const MEMBER_COLUMNS = "md:grid-cols-[minmax(0,1.1fr)_minmax(0,1.6fr)_6.5rem_6.5rem_auto]";

type Dialog =
  | { kind: "remove" }
  | { kind: "transfer" }
  | { kind: "demote-self"; role: AssignableRole };

export type MemberRowProps = {
  member: MemberListItem;
  /** Whether the caller may transfer ownership at all: when not, the page says so once. */
  canTransfer: boolean;
  /** Where focus goes once this row has left the list (removed). */
  onGone: () => void;
};

/**
 * One organization user, a table row on wide screens and a card on a phone: username (and
 * "You"), email, role, status, and its actions in a menu. Every action commits only when
 * chosen; demoting yourself asks first and says what you lose.
 */
export function MemberRow({ member, canTransfer, onGone }: MemberRowProps) {
  const t = useT("users");
  const tc = useT("common");
  const locale = useShippedLocale();
  const dates = useDates();
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const actionsButton = useRef<HTMLButtonElement>(null);
  const returnFocus = () => actionsButton.current;
  const changeRole = useAction(
    trpc.members.changeRole.mutationOptions(),
    (d) => t("roleChanged", { username: member.username, role: d.role }),
    {
      // Demoted yourself: this page is no longer yours; its heading says what is left.
      onSuccess: (d) => {
        if (member.isYou && !isAdminLike(d.role)) focusPageHeading();
      },
    },
  );
  const remove = useAction(
    trpc.members.remove.mutationOptions(),
    t("memberRemoved", { username: member.username }),
    {
      onSuccess: onGone,
    },
  );
  const transfer = useAction(trpc.ownership.start.mutationOptions(), (d) =>
    t("transferStarted", { sentTo: d.sentTo }),
  );
  const { actions } = member;
  const setRole = (role: AssignableRole) => {
    if (member.isYou && isAdminLike(member.role) && !isAdminLike(role)) {
      setDialog({ kind: "demote-self", role });
    } else {
      changeRole.mutate({ memberId: member.id, role });
    }
  };
  const items: MenuAction[] = actions.changeRole.allowed
    ? ASSIGNABLE_ROLES.filter((role) => role !== member.role).map((role) => ({
        label: t("changeRoleTo", { role }),
        decision: actions.roles[role],
        onSelect: () => setRole(role),
      }))
    : [{ label: t("changeRole"), decision: actions.changeRole, onSelect: () => {} }];
  if (canTransfer) {
    items.push({
      label: t("transferOwnership"),
      decision: actions.transferOwnership,
      onSelect: () => setDialog({ kind: "transfer" }),
    });
  }
  items.push({
    label: t("remove"),
    decision: actions.remove,
    danger: true,
    onSelect: () => setDialog({ kind: "remove" }),
  });
  const busy = changeRole.isPending || remove.isPending || transfer.isPending;

  return (
    <li
      aria-label={member.username}
      aria-busy={busy || undefined}
      className={cn(
        "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-ok-border py-3 md:items-center",
        MEMBER_COLUMNS,
      )}
    >
      <div className="flex min-w-0 flex-wrap items-center gap-2 font-medium">
        <span className="[overflow-wrap:anywhere]">{member.username}</span>
        {member.isYou ? <Badge>{t("you")}</Badge> : null}
      </div>
      <div className="col-start-1 text-sm text-ok-muted [overflow-wrap:anywhere] md:col-start-auto">
        {member.email}
      </div>
      <div className="col-start-1 text-sm md:col-start-auto">
        <span className="text-ok-muted md:sr-only">{t("roleLabel")} </span>
        {member.role}
      </div>
      <div className="col-start-1 text-sm md:col-start-auto">
        <span className="sr-only">{t("statusLabel")} </span>
        <Badge>{tc(`statuses.${member.status}`)}</Badge>
        {member.removalReason === "LEFT" ? (
          <span className="ml-2 text-xs text-ok-muted">{t("left")}</span>
        ) : null}
        {member.removedAt ? (
          <span className="ml-2 text-xs text-ok-muted">{dates.exact(member.removedAt)}</span>
        ) : null}
      </div>
      {member.status === "ACTIVE" ? (
        <div className="col-start-2 row-span-4 row-start-1 self-start md:col-start-auto md:row-span-1 md:row-start-auto md:self-center md:justify-self-end">
          <ActionsMenu
            label={t("actionsFor", { name: member.username })}
            actions={items}
            buttonRef={actionsButton}
          />
        </div>
      ) : null}
      <ConfirmDialog
        open={dialog?.kind === "remove"}
        onOpenChange={(open) => !open && setDialog(null)}
        returnFocus={returnFocus}
        title={t("removeConfirmTitle", { username: member.username })}
        description={t("removeConfirmText")}
        confirmLabel={t("remove")}
        danger
        onConfirm={() => remove.mutate({ memberId: member.id })}
      />
      <ConfirmDialog
        open={dialog?.kind === "transfer"}
        onOpenChange={(open) => !open && setDialog(null)}
        returnFocus={returnFocus}
        title={t("transferConfirmTitle", { username: member.username })}
        description={t("transferConfirmText")}
        confirmLabel={t("sendConfirmation")}
        onConfirm={() => transfer.mutate({ memberId: member.id, locale })}
      />
      <ConfirmDialog
        open={dialog?.kind === "demote-self"}
        onOpenChange={(open) => !open && setDialog(null)}
        returnFocus={returnFocus}
        title={t("demoteSelfTitle", { role: dialog?.kind === "demote-self" ? dialog.role : "" })}
        description={t("demoteSelfText")}
        confirmLabel={t("changeMyRole")}
        danger
        onConfirm={() => {
          if (dialog?.kind === "demote-self") {
            changeRole.mutate({ memberId: member.id, role: dialog.role });
          }
        }}
      />
    </li>
  );
}
