"use client";
import type { Decision } from "@orgkit/core/policy";
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { cn } from "../lib/cn";
import { useErrorMessages } from "../lib/errors";
import { useT } from "../lib/i18n";

export type MenuAction = {
  label: string;
  /** The policy's decision: a refused item stays in the menu, with its reason as text. */
  decision: Decision;
  onSelect: () => void;
  danger?: boolean;
};

const KEYS = ["ArrowDown", "ArrowUp", "Home", "End"];

/**
 * A row's actions behind one button ("Actions for ada"), as a disclosure: the button toggles
 * a list of action buttons under it. Arrow keys, Home and End move between items; Escape, a
 * click elsewhere or focus leaving closes it; choosing an item gives focus back to the button
 * (a dialog it opens returns focus there too, through `buttonRef`). Refused items stay
 * focusable (`aria-disabled`), the policy's reason written under the label (part of the
 * item's name, so it is read once, and what is seen is what is read).
 *
 * A disclosure rather than Radix DropdownMenu: measured with Tabs, @orgkit/ui weighs 52,476
 * bytes gzipped with DropdownMenu and its positioning engine, 39,599 without (budget 40,960);
 * the menu's 12.9 KB is more than the 8 KB raise the project allows.
 */
export function ActionsMenu({
  label,
  actions,
  buttonRef,
}: {
  label: string;
  actions: MenuAction[];
  /** The menu's button, for a dialog opened from an item to give focus back to. */
  buttonRef?: RefObject<HTMLButtonElement | null>;
}) {
  const t = useT("users");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const ownButton = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? ownButton;
  useEffect(() => {
    if (!open) return;
    const inside = (node: EventTarget | null) =>
      node instanceof Node && Boolean(root.current?.contains(node));
    const outside = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    const focusLeft = (event: FocusEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!inside(document.activeElement)) return;
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
        return;
      }
      if (!KEYS.includes(event.key)) return;
      const items = Array.from(
        root.current?.querySelectorAll<HTMLButtonElement>(":scope > ul button") ?? [],
      );
      if (items.length === 0) return;
      event.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      const next =
        event.key === "Home"
          ? 0
          : event.key === "End"
            ? items.length - 1
            : (at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items[at === -1 && event.key === "ArrowUp" ? items.length - 1 : next]?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", focusLeft);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", focusLeft);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, button]);
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-9 items-center gap-1 rounded-ok border border-ok-border bg-ok-bg px-3 text-sm font-medium text-ok-fg hover:bg-ok-surface focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus aria-expanded:bg-ok-surface"
      >
        {t("actions")}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul
          id={listId}
          aria-label={label}
          className="absolute top-full right-0 z-30 mt-1 flex w-[min(18rem,calc(100vw-2rem))] flex-col rounded-ok border border-ok-border bg-ok-bg p-1 text-sm text-ok-fg shadow-lg"
        >
          {actions.map((action) => (
            <MenuItem
              key={action.label}
              action={action}
              onDone={() => {
                setOpen(false);
                button.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MenuItem({ action, onDone }: { action: MenuAction; onDone: () => void }) {
  const { decisionMessage } = useErrorMessages();
  const reason = decisionMessage(action.decision);
  return (
    <li>
      <button
        type="button"
        aria-disabled={reason ? true : undefined}
        onClick={() => {
          if (reason) return;
          onDone();
          action.onSelect();
        }}
        className={cn(
          "flex w-full flex-col items-start rounded-ok px-3 py-2 text-left hover:bg-ok-surface focus-visible:bg-ok-surface focus-visible:outline-2 focus-visible:outline-ok-focus",
          action.danger && !reason && "text-ok-danger",
          reason && "cursor-not-allowed text-ok-muted",
        )}
      >
        <span className="font-medium">{action.label}</span>
        {reason ? <span className="text-xs">{reason}</span> : null}
      </button>
    </li>
  );
}
