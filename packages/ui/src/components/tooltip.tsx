"use client";
import { type ReactNode, useState } from "react";
import { createPortal } from "react-dom";

type Place = { left: number; top: number };

/**
 * A small tooltip shown on hover and keyboard focus, placed above its trigger in a portal
 * so no scrolling table clips it. Hand-written: a positioning library would triple the
 * UI's weight for one bubble (see size-budget.json).
 */
export function Tooltip({
  text,
  children,
}: {
  text: string;
  children: (handlers: TriggerHandlers) => ReactNode;
}) {
  const [place, setPlace] = useState<Place | null>(null);
  const show = (event: { currentTarget: Element }) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setPlace({ left: rect.left + rect.width / 2, top: rect.top - 6 });
  };
  const hide = () => setPlace(null);
  return (
    <>
      {children({ onMouseEnter: show, onFocus: show, onMouseLeave: hide, onBlur: hide })}
      {place
        ? createPortal(
            <span
              role="tooltip"
              style={{ left: place.left, top: place.top }}
              className="pointer-events-none fixed z-50 max-w-xs -translate-x-1/2 -translate-y-full rounded-ok bg-ok-fg px-2 py-1 text-xs text-ok-bg shadow"
            >
              {text}
            </span>,
            document.body,
          )
        : null}
    </>
  );
}

export type TriggerHandlers = {
  onMouseEnter: (event: { currentTarget: Element }) => void;
  onFocus: (event: { currentTarget: Element }) => void;
  onMouseLeave: () => void;
  onBlur: () => void;
};
