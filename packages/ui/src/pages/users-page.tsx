"use client";
import { DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Notice, PageShell } from "../components/layout";
import { ErrorPage, LoadingPage } from "../components/page-states";
import { useErrorMessages } from "../lib/errors";
import { useT } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";
import { InviteSeveral } from "./invite-several";
import { InviteUserForm } from "./invite-user-form";
import type { PageProps } from "./organization-page";
import { TransferBanner } from "./transfer-banner";
import { UserLists, type UserTab } from "./user-lists";

/** User management: Invite user, then Organization users as tabs (guide steps 2–7). */
export function UsersPage({ basePath = DEFAULT_BASE_PATH }: PageProps) {
  const t = useT("users");
  const tc = useT("common");
  const { decisionMessage } = useErrorMessages();
  const trpc = useTRPC();
  const [tab, setTab] = useState<UserTab>("members");
  const access = useQuery(trpc.organization.permissions.queryOptions());
  const allowed = access.data?.userManagement.allowed === true;
  const organization = useQuery({ ...trpc.organization.get.queryOptions(), enabled: allowed });

  const back = (
    <a href={pagePath("organization", basePath)} className="text-sm underline underline-offset-4">
      {t("backToOrganization")}
    </a>
  );
  if (access.isPending) return <LoadingPage title={tc("pageTitles.users")} />;
  if (access.isError) return <ErrorPage title={tc("pageTitles.users")} error={access.error} />;
  if (!access.data.userManagement.allowed) {
    return (
      <PageShell title={tc("pageTitles.users")} actions={back}>
        <Notice tone="error">{decisionMessage(access.data.userManagement)}</Notice>
      </PageShell>
    );
  }
  const pendingTransfer = organization.data?.pendingTransfer;
  const canTransfer = access.data.transferOwnership.allowed;
  return (
    <PageShell title={tc("pageTitles.users")} actions={back}>
      {pendingTransfer ? (
        <TransferBanner transfer={pendingTransfer} cancel={access.data.cancelTransfer} />
      ) : null}
      {/* A new invitation shows at the top of Pending invitations, right below the form. */}
      <InviteUserForm decision={access.data.invite} onSent={() => setTab("invitations")} />
      <InviteSeveral decision={access.data.invite} onSent={() => setTab("invitations")} />
      <section
        aria-labelledby="orgkit-users"
        className="min-w-0 rounded-ok border border-ok-border bg-ok-bg p-4 sm:p-5"
      >
        <h2 id="orgkit-users" className="sr-only">
          {t("organizationUsers")}
        </h2>
        {organization.data?.counts?.seats ? (
          <p className="mb-3 text-sm text-ok-muted">
            {t("seats", {
              used: organization.data.counts.seats.used,
              limit: organization.data.counts.seats.limit,
            })}
          </p>
        ) : null}
        <UserLists
          tab={tab}
          onTabChange={setTab}
          counts={organization.data?.counts}
          canTransfer={canTransfer}
          transferNote={canTransfer ? null : decisionMessage(access.data.transferOwnership)}
        />
      </section>
    </PageShell>
  );
}
