import type { ReactNode } from "react";
import { messageOf } from "../lib/errors";
import { Notice, PageShell } from "./layout";

type StateProps = { title: string; actions?: ReactNode };

export function LoadingPage({ title, actions }: StateProps) {
  return (
    <PageShell title={title} actions={actions}>
      <p className="text-sm text-ok-muted">Loading…</p>
    </PageShell>
  );
}

/** A page that could not load: the reason the server gave, in the guide's words. */
export function ErrorPage({ title, actions, error }: StateProps & { error: unknown }) {
  return (
    <PageShell title={title} actions={actions}>
      <Notice tone="error">{messageOf(error)}</Notice>
    </PageShell>
  );
}
