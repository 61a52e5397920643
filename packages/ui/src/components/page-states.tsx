import type { ReactNode } from "react";
import { useErrorMessages } from "../lib/errors";
import { useT } from "../lib/i18n";
import { Notice, PageShell } from "./layout";

type StateProps = { title: string; actions?: ReactNode };

export function LoadingPage({ title, actions }: StateProps) {
  const t = useT("common");
  return (
    <PageShell title={title} actions={actions}>
      <p className="text-sm text-ok-muted">{t("loading")}</p>
    </PageShell>
  );
}

/** A page that could not load: the reason the server gave, in the guide's words. */
export function ErrorPage({ title, actions, error }: StateProps & { error: unknown }) {
  const { messageOf } = useErrorMessages();
  return (
    <PageShell title={title} actions={actions}>
      <Notice tone="error">{messageOf(error)}</Notice>
    </PageShell>
  );
}
