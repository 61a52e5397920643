"use client";
import type { Decision } from "@orgkit/core/policy";
import { type ReactNode, useId } from "react";
import { useErrorMessages } from "../lib/errors";
import { Button, type ButtonProps } from "./button";

/**
 * Shows why a control the policy refused is disabled (R29), as text beside it: visible to
 * everyone, read by screen readers in order, never a floating tooltip. Render the control
 * disabled inside; `children` receives the id of the reason for `aria-describedby`.
 */
export function DisabledReason({
  decision,
  children,
}: {
  decision: Decision | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const reasonId = useId();
  const { decisionMessage } = useErrorMessages();
  const reason = decision ? decisionMessage(decision) : null;
  // Undefined while the decisions load: the control is disabled and there is no reason yet.
  if (!reason) return children(undefined);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {children(reasonId)}
      <span id={reasonId} className="text-xs text-ok-muted" data-disabled-reason="">
        {reason}
      </span>
    </span>
  );
}

export type GuardedButtonProps = ButtonProps & { decision: Decision | undefined };

/** A button that stays visible when refused, disabled, with its reason written beside it. */
export function GuardedButton({ decision, disabled, ...props }: GuardedButtonProps) {
  return (
    <DisabledReason decision={decision}>
      {(describedBy) => (
        <Button
          {...props}
          aria-describedby={describedBy}
          disabled={disabled || !decision?.allowed}
        />
      )}
    </DisabledReason>
  );
}
