"use client";
import type { Decision } from "@orgkit/core/policy";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "../lib/cn";
import { decisionMessage } from "../lib/errors";

export type MenuAction = {
  label: string;
  /** The policy's decision: a refused item stays in the menu, with its reason as text. */
  decision: Decision;
  onSelect: () => void;
  danger?: boolean;
};

/**
 * A row's actions behind one button ("Actions for ada"), as a disclosure: the button toggles
 * a list of action buttons under it; Escape or a click elsewhere closes it and focus returns
 * to the button. Refused items stay focusable (`aria-disabled`) with the policy's reason
 * written under their label, so keyboard and screen reader users learn why too.
 *
 * A disclosure rather than Radix DropdownMenu: measured with Tabs, @orgkit/ui weighs 52,476
 * bytes gzipped with DropdownMenu and its positioning engine, 39,599 without (budget 40,960);
 * the menu's 12.9 KB is more than the 8 KB raise the project allows.
 */
export function ActionsMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) button.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);
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
        Actions
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul
          id={listId}
          aria-label={label}
          className="absolute top-full right-0 z-30 mt-1 flex w-[min(18rem,calc(100vw-2rem))] flex-col rounded-ok border border-ok-border bg-ok-bg p-1 text-sm text-ok-fg shadow-lg"
        >
          {actions.map((action) => (
            <MenuItem key={action.label} action={action} onDone={() => setOpen(false)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MenuItem({ action, onDone }: { action: MenuAction; onDone: () => void }) {
  const reasonId = useId();
  const reason = decisionMessage(action.decision);
  return (
    <li>
      <button
        type="button"
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
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
        {reason ? (
          <span id={reasonId} className="text-xs">
            {reason}
          </span>
        ) : null}
      </button>
    </li>
  );
}
