"use client";
import { type InputHTMLAttributes, type SelectHTMLAttributes, useId } from "react";
import { cn } from "../lib/cn";

const control =
  "min-h-9 w-full rounded-ok border border-ok-border bg-ok-bg px-3 py-1.5 text-sm text-ok-fg focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ok-focus aria-invalid:border-ok-danger";

type FieldProps = { label: string; error?: string | null | undefined };

function FieldFrame({
  id,
  label,
  error,
  children,
}: FieldProps & { id: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-ok-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  error,
  className,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(control, className)}
        {...props}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  className,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        className={cn(control, className)}
        {...props}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
