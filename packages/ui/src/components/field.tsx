"use client";
import { type ComponentProps, useId } from "react";
import { cn } from "../lib/cn";
import { useT } from "../lib/i18n";

const control =
  "min-h-9 w-full rounded-ok border border-ok-border bg-ok-bg px-3 py-1.5 text-sm text-ok-fg focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ok-focus aria-invalid:border-ok-danger aria-invalid:border-2";

type FieldProps = {
  label: string;
  /** What the field expects, under the label (GOV.UK's hint text). */
  hint?: string;
  error?: string | null | undefined;
};

/** Label, hint, error and control, tied together with `aria-describedby`. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: FieldProps & { id: string; children: React.ReactNode }) {
  const t = useT("users");
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ok-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-ok-danger">
          <span className="sr-only">{t("errorLabel")} </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, { hint, error }: FieldProps) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextField({
  label,
  hint,
  error,
  className,
  id: given,
  ...props
}: FieldProps & ComponentProps<"input">) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
        className={cn(control, className)}
        {...props}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  className,
  children,
  id: given,
  ...props
}: FieldProps & ComponentProps<"select">) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
        className={cn(control, className)}
        {...props}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
