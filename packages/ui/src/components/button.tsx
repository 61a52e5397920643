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
  ...props
}: ButtonProps) {
  return (
    <button
      type="button"
      {...props}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={cn(
        "inline-flex min-h-9 items-center justify-center gap-2 rounded-ok px-3 py-1.5 text-sm font-medium",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus",
        "disabled:cursor-not-allowed disabled:opacity-50",
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
