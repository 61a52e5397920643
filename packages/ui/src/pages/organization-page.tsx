"use client";
import { DEFAULT_BASE_PATH, type Decision, pagePath, REMOVAL_REFUSALS } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../components/button";
import { ConfirmDialog } from "../components/confirm-dialog";
import { DisabledReason } from "../components/disabled-reason";
import { TextField } from "../components/field";
import { focusPageHeading, Notice, PageShell, Section } from "../components/layout";
import { ErrorPage, LoadingPage } from "../components/page-states";
import { reasonOf, useErrorMessages } from "../lib/errors";
import { useT } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import { DeleteSection } from "./delete-section";

export type PageProps = { basePath?: string };

/** Organization: the activation form in personal mode, else the organization and your role. */
export function OrganizationPage({ basePath = DEFAULT_BASE_PATH }: PageProps) {
  const t = useT("organization");
  const tc = useT("common");
  const { decisionMessage } = useErrorMessages();
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.get.queryOptions());
  const permissions = useQuery(trpc.organization.permissions.queryOptions());
  const title = tc("pageTitles.organization");
  if (organization.isPending) return <LoadingPage title={title} />;
  if (organization.isError) return <ErrorPage title={title} error={organization.error} />;
  if (organization.data === null) {
    // R7, R25: a removed member is back in personal mode; the policy's decision says why.
    const access = permissions.data?.userManagement;
    const removed =
      access &&
      !access.allowed &&
      (Object.values(REMOVAL_REFUSALS) as string[]).includes(access.reason);
    return (
      <PageShell title={title}>
        {removed ? (
          <div className="mb-4">
            <Notice tone="info">{decisionMessage(access)}</Notice>
          </div>
        ) : null}
        <ActivationForm />
      </PageShell>
    );
  }
  const { organization: org, member } = organization.data;
  const canManage = permissions.data?.userManagement.allowed === true;
  return (
    <PageShell title={title}>
      <Section title={org.name}>
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">{t("yourRole")}</dt>
          <dd>
            {member.role}{" "}
            <span className="text-ok-muted">— {tc(`roleDescriptions.${member.role}`)}</span>
          </dd>
          <dt className="font-medium">{t("yourUsername")}</dt>
          <dd>{member.username}</dd>
        </dl>
        {canManage ? (
          <div className="mt-5 flex flex-wrap gap-2">
            <a
              href={pagePath("users", basePath)}
              className="inline-flex min-h-9 items-center rounded-ok bg-ok-primary px-3 text-sm font-medium text-ok-primary-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
            >
              {t("openUserManagement")}
            </a>
            <a
              href={pagePath("activity", basePath)}
              className="inline-flex min-h-9 items-center rounded-ok border border-ok-border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
            >
              {tc("pageTitles.activity")}
            </a>
          </div>
        ) : null}
      </Section>
      <LeaveSection organizationName={org.name} decision={permissions.data?.leave} />
      <DeleteSection
        organizationName={org.name}
        decision={permissions.data?.deleteOrganization}
        cancel={permissions.data?.cancelDeletion}
        pending={organization.data.pendingDeletion}
      />
    </PageShell>
  );
}

/**
 * Leave organization: a USER or VIEWER leaves after confirming; for an ADMIN or the OWNER the
 * button stays disabled with the policy's reason (admins cannot remove themselves; the owner
 * transfers first).
 */
function LeaveSection({
  organizationName,
  decision,
}: {
  organizationName: string;
  decision: Decision | undefined;
}) {
  const t = useT("organization");
  const trpc = useTRPC();
  const leave = useAction(
    trpc.organization.leave.mutationOptions(),
    t("left", { organization: organizationName }),
    // The page turns to personal mode: focus goes to its heading.
    { onSuccess: focusPageHeading },
  );
  const allowed = decision?.allowed === true;
  const button = (describedBy: string | undefined) => (
    <Button
      variant="danger"
      disabled={!allowed}
      aria-describedby={describedBy}
      pending={leave.isPending}
    >
      {t("leave")}
    </Button>
  );
  return (
    <Section title={t("leave")}>
      {allowed ? (
        <p className="mb-3 text-sm text-ok-muted">
          {t("leaveExplained", { organization: organizationName })}
        </p>
      ) : null}
      {allowed ? (
        <ConfirmDialog
          trigger={button(undefined)}
          title={t("leaveConfirmTitle", { organization: organizationName })}
          description={t("leaveConfirmText")}
          confirmLabel={t("leave")}
          danger
          onConfirm={() => leave.mutate()}
        />
      ) : (
        <DisabledReason decision={decision}>{button}</DisabledReason>
      )}
    </Section>
  );
}

/** R5: activate an organization with a unique name. */
function ActivationForm() {
  const t = useT("organization");
  const { messageOf } = useErrorMessages();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const activate = useAction(
    trpc.organization.activate.mutationOptions(),
    (data) => t("activated", { organization: data.organization.name }),
    {
      onError: (failure) => {
        const reason = reasonOf(failure);
        const inline = ["ORGANIZATION_NAME_TAKEN", "ORGANIZATION_NAME_INVALID", "TEXT_INVALID"];
        if (!reason || !inline.includes(reason)) return false;
        setError(messageOf(failure));
        return true;
      },
    },
  );
  return (
    <Section title={t("activate")}>
      <p className="mb-4 text-sm text-ok-muted">{t("activateExplained")}</p>
      {/* The policy's messages, in the page's language, not the browser's own. */}
      <form
        noValidate
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          activate.mutate({ name });
        }}
      >
        <TextField
          label={t("organizationName")}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          minLength={2}
          maxLength={64}
          error={error}
          autoComplete="organization"
        />
        <Button type="submit" variant="primary" pending={activate.isPending}>
          {t("activate")}
        </Button>
      </form>
    </Section>
  );
}
