"use client";
import { type Decision, REASONS } from "@orgkit/core/policy";
import { type ReactNode, useId } from "react";
import { Button, type ButtonProps } from "./button";
import { Tooltip } from "./tooltip";

/**
 * Shows why a control the policy refused is disabled (R29): in a tooltip that keyboard
 * users reach by focus, and in text for screen readers. A disabled control takes no pointer
 * or focus events, so a focusable wrapper carries both. Render the control disabled inside.
 */
export function DisabledReason({
  decision,
  children,
}: {
  decision: Decision | undefined;
  children: ReactNode;
}) {
  const reasonId = useId();
  // Undefined while the decisions load: the control is disabled and there is no reason yet.
  if (!decision || decision.allowed) return children;
  const reason = REASONS[decision.reason].message;
  return (
    <Tooltip text={reason}>
      {(handlers) => (
        <span
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the wrapper takes focus so keyboard users can read why the control is disabled
          tabIndex={0}
          aria-describedby={reasonId}
          data-disabled-reason={reason}
          className="inline-flex rounded-ok focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
          {...handlers}
        >
          {children}
          <span id={reasonId} className="sr-only">
            {reason}
          </span>
        </span>
      )}
    </Tooltip>
  );
}

export type GuardedButtonProps = ButtonProps & { decision: Decision | undefined };

/** A button that stays visible when refused, disabled, with its reason. */
export function GuardedButton({ decision, disabled, ...props }: GuardedButtonProps) {
  return (
    <DisabledReason decision={decision}>
      <Button {...props} disabled={disabled || !decision?.allowed} />
    </DisabledReason>
  );
}
