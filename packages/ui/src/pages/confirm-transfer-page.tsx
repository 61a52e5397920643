"use client";
import { DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import { Button } from "../components/button";
import { Notice, PageShell, Section } from "../components/layout";
import { LoadingPage } from "../components/page-states";
import { decisionMessage, messageOf } from "../lib/errors";
import { formatExact } from "../lib/format";
import { NoReferrer, useLinkToken } from "../lib/link-token";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import type { PageProps } from "./organization-page";

/**
 * Confirm ownership transfer (R23): the transfer this link belongs to (never whichever is
 * pending now), the caller's decision, and a button; the server re-checks all.
 */
export function ConfirmTransferPage({
  token: fromUrl,
  basePath = DEFAULT_BASE_PATH,
}: PageProps & { token: string | undefined }) {
  const token = useLinkToken(fromUrl);
  const trpc = useTRPC();
  const client = useTRPCClient();
  // A POST: the token rides in the body, never in a URL (R40).
  const preview = useQuery({
    queryKey: ["orgkit", "transfer-preview"],
    queryFn: () => client.ownership.preview.mutate({ token: token ?? "" }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const confirm = useAction(trpc.ownership.confirm.mutationOptions(), "Ownership transferred", {
    onSuccess: () => window.location.assign(pagePath("users", basePath)),
  });
  const title = "Confirm ownership transfer";
  if (!token || preview.isError)
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice tone="error">
          {preview.isError
            ? messageOf(preview.error)
            : "To confirm the transfer, open the confirmation link from your email."}
        </Notice>
      </PageShell>
    );
  if (preview.isPending)
    return (
      <>
        <NoReferrer />
        <LoadingPage title={title} />
      </>
    );
  const transfer = preview.data;
  const refusal = decisionMessage(transfer.decision);
  return (
    <PageShell title={title}>
      <NoReferrer />
      <Section title={transfer.organizationName}>
        <p className="text-sm">
          When you confirm, you become <strong>ADMIN</strong> and{" "}
          <strong>{transfer.targetUsername}</strong> becomes <strong>OWNER</strong> of{" "}
          {transfer.organizationName}. There is always exactly one owner. This link expires on{" "}
          {formatExact(transfer.expiresAt)}.
        </p>
        {refusal || confirm.isError ? (
          <div className="mt-4">
            <Notice tone="error">{refusal ?? messageOf(confirm.error)}</Notice>
          </div>
        ) : null}
        <div className="mt-5 flex gap-2">
          <Button
            variant="primary"
            pending={confirm.isPending}
            disabled={refusal !== null || confirm.isSuccess}
            onClick={() => confirm.mutate({ token })}
          >
            Confirm transfer
          </Button>
          <a
            href={pagePath("users", basePath)}
            className="inline-flex min-h-9 items-center rounded-ok px-3 text-sm underline underline-offset-4"
          >
            Back to user management
          </a>
        </div>
      </Section>
    </PageShell>
  );
}
