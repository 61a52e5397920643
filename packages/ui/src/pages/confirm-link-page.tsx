"use client";
import type { Decision } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Button } from "../components/button";
import { Notice, PageShell, Section } from "../components/layout";
import { LoadingPage } from "../components/page-states";
import { useErrorMessages } from "../lib/errors";
import { useDates, useT } from "../lib/i18n";
import { NoReferrer, useLinkToken } from "../lib/link-token";

type Confirmation = {
  mutate: (input: { token: string }) => void;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
};

/**
 * The page an owner's emailed confirmation link opens (a transfer, a deletion): the link's
 * own request as `preview` reads it (POSTed, so the token stays out of URLs, R40), what
 * confirming does, the caller's decision and one button; the server re-checks all.
 */
export function ConfirmLinkPage<P extends { organizationName: string; decision: Decision }>({
  title,
  token: fromUrl,
  preview: read,
  missing,
  confirmation,
  confirmLabel,
  danger,
  back,
  children,
}: {
  title: string;
  token: string | undefined;
  preview: (token: string) => Promise<P>;
  /** What to say when the page is opened without a link token. */
  missing: string;
  confirmation: Confirmation;
  confirmLabel: string;
  danger?: boolean;
  back: { href: string; label: string };
  /** What confirming does, for this link's request. */
  children: (preview: P) => ReactNode;
}) {
  const { messageOf, decisionMessage } = useErrorMessages();
  const token = useLinkToken(fromUrl);
  const preview = useQuery({
    queryKey: ["orgkit", "link-preview", title],
    queryFn: () => read(token ?? ""),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!token || preview.isError)
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice tone="error">{preview.isError ? messageOf(preview.error) : missing}</Notice>
      </PageShell>
    );
  if (preview.isPending)
    return (
      <>
        <NoReferrer />
        <LoadingPage title={title} />
      </>
    );
  const refusal = decisionMessage(preview.data.decision);
  return (
    <PageShell title={title}>
      <NoReferrer />
      <Section title={preview.data.organizationName}>
        <p className="text-sm">{children(preview.data)}</p>
        {refusal || confirmation.isError ? (
          <div className="mt-4">
            <Notice tone="error">{refusal ?? messageOf(confirmation.error)}</Notice>
          </div>
        ) : null}
        <div className="mt-5 flex gap-2">
          <Button
            variant={danger ? "danger" : "primary"}
            pending={confirmation.isPending}
            disabled={refusal !== null || confirmation.isSuccess}
            onClick={() => confirmation.mutate({ token })}
          >
            {confirmLabel}
          </Button>
          <a
            href={back.href}
            className="inline-flex min-h-9 items-center rounded-ok px-3 text-sm underline underline-offset-4"
          >
            {back.label}
          </a>
        </div>
      </Section>
    </PageShell>
  );
}

/** When the link stops working, in the tense the server's decision gives it. */
export function LinkExpiry({ preview }: { preview: { expiresAt: Date; decision: Decision } }) {
  const t = useT("links");
  const dates = useDates();
  const expired = !preview.decision.allowed && preview.decision.reason.endsWith("_EXPIRED");
  return t("linkExpiry", {
    expired: String(expired),
    expiresAt: dates.exact(preview.expiresAt),
  });
}
