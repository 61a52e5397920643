import type { ReactNode } from "react";
import { cn } from "../lib/cn";

/** The page heading's id: focus goes there when what had focus leaves the page. */
export const PAGE_HEADING_ID = "orgkit-page-heading";

/** Moves focus to the page heading, e.g. after the focused control's section went away. */
export function focusPageHeading(): void {
  document.getElementById(PAGE_HEADING_ID)?.focus();
}

export function PageShell({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-6 text-ok-fg [overflow-wrap:anywhere] sm:px-6">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 id={PAGE_HEADING_ID} tabIndex={-1} className="text-2xl font-semibold outline-none">
          {title}
        </h1>
        {actions}
      </div>
      <div className="flex flex-col gap-6">{children}</div>
    </main>
  );
}

export function Section({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const id = `section-${title.toLowerCase().replace(/\s+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      className={cn("min-w-0 rounded-ok border border-ok-border bg-ok-bg p-4 sm:p-5", className)}
    >
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Notice({
  tone = "info",
  children,
}: {
  tone?: "info" | "warning" | "error";
  children: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-ok border px-4 py-3 text-sm",
        tone === "warning"
          ? "border-ok-warning-fg/30 bg-ok-warning-bg text-ok-warning-fg"
          : "border-ok-border bg-ok-surface text-ok-fg",
        tone === "error" && "border-ok-danger text-ok-fg",
      )}
    >
      {children}
    </div>
  );
}

export function Badge({ children }: { children: ReactNode }) {
  return (
    <span className="inline-flex items-center rounded-full border border-ok-border px-2 py-0.5 text-xs font-medium text-ok-fg">
      {children}
    </span>
  );
}
