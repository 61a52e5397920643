"use client";
import { useQuery } from "@tanstack/react-query";
import { Button } from "../components/button";
import { Notice, PageShell, Section } from "../components/layout";
import { ErrorPage, LoadingPage } from "../components/page-states";
import { messageOf } from "../lib/errors";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import type { PageProps } from "./organization-page";

/** Confirm ownership transfer (R23): what will change, and a button; the server re-checks all. */
export function ConfirmTransferPage({
  token,
  basePath = "/settings/organization",
}: PageProps & { token: string | undefined }) {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.get.queryOptions());
  const confirm = useAction(trpc.ownership.confirm.mutationOptions(), "Ownership transferred", {
    onSuccess: () => window.location.assign(`${basePath}/users`),
  });
  const title = "Confirm ownership transfer";
  if (!token)
    return (
      <PageShell title={title}>
        <Notice tone="error">This confirmation link is no longer valid</Notice>
      </PageShell>
    );
  if (organization.isPending) return <LoadingPage title={title} />;
  if (organization.isError) return <ErrorPage title={title} error={organization.error} />;
  const pending = organization.data?.pendingTransfer;
  return (
    <PageShell title={title}>
      <Section title={organization.data?.organization.name ?? "Organization"}>
        {pending ? (
          <p className="text-sm">
            When you confirm, you become <strong>ADMIN</strong> and{" "}
            <strong>{pending.targetUsername}</strong> becomes <strong>OWNER</strong> of{" "}
            {organization.data?.organization.name}. There is always exactly one owner.
          </p>
        ) : (
          <Notice tone="error">No ownership transfer is pending</Notice>
        )}
        {confirm.isError ? (
          <div className="mt-4">
            <Notice tone="error">{messageOf(confirm.error)}</Notice>
          </div>
        ) : null}
        <div className="mt-5 flex gap-2">
          <Button
            variant="primary"
            pending={confirm.isPending}
            disabled={!pending || confirm.isSuccess}
            onClick={() => confirm.mutate({ token })}
          >
            Confirm transfer
          </Button>
          <a
            href={`${basePath}/users`}
            className="inline-flex min-h-9 items-center rounded-ok px-3 text-sm underline underline-offset-4"
          >
            Back to user management
          </a>
        </div>
      </Section>
    </PageShell>
  );
}
