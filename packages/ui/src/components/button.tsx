"use client";
import type { ButtonHTMLAttributes } from "react";
import { cn } from "../lib/cn";

const VARIANTS = {
  primary: "bg-ok-primary text-ok-primary-fg hover:opacity-90",
  secondary: "border border-ok-border bg-ok-bg text-ok-fg hover:bg-ok-surface",
  danger: "bg-ok-danger text-ok-danger-fg hover:opacity-90",
  ghost: "text-ok-fg hover:bg-ok-surface",
} as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  /** Shows a busy state and blocks clicks while a request runs. */
  pending?: boolean;
};

export function Button({
  variant = "secondary",
  pending,
  className,
  children,
  disabled,
  onClick,
  ...props
}: ButtonProps) {
  return (
    <button
      type="button"
      {...props}
      // While a request runs the button keeps focus (a disabled one would drop it to the
      // page's body): it is only marked busy, and clicks are ignored.
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
      className={cn(
        "inline-flex min-h-9 items-center justify-center gap-2 rounded-ok px-3 py-1.5 text-sm font-medium",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus",
        "disabled:cursor-not-allowed disabled:opacity-50 aria-busy:cursor-progress",
        VARIANTS[variant],
        className,
      )}
    >
      {pending ? (
        <span
          aria-hidden
          className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
      ) : null}
      {children}
    </button>
  );
}
