"use client";
import { useEffect, useRef } from "react";
import { useT } from "../lib/i18n";

export type SummaryError = { fieldId: string; message: string };

/**
 * GOV.UK's error summary: "There is a problem" and a link to each field in error, at the top
 * of the form. It takes focus when it appears (or changes), so the errors are announced and a
 * keyboard user starts from them; each link moves focus to its field.
 */
export function ErrorSummary({
  errors,
  attempt,
}: {
  errors: SummaryError[];
  /** Counts the form's submissions: each one that ends with errors focuses the summary again. */
  attempt: number;
}) {
  const t = useT("common");
  const box = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  useEffect(() => {
    if (shown && attempt > 0) box.current?.focus();
  }, [shown, attempt]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      aria-labelledby="orgkit-error-summary"
      className="rounded-ok border-2 border-ok-danger p-4 text-sm outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
    >
      <h3 id="orgkit-error-summary" className="mb-2 text-base font-semibold">
        {t("thereIsAProblem")}
      </h3>
      <ul className="flex flex-col gap-1">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              className="font-medium text-ok-danger underline underline-offset-4"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.fieldId)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
