"use client";
import { DEFAULT_BASE_PATH, formatCount, pagePath } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Notice, PageShell } from "../components/layout";
import { ErrorPage, LoadingPage } from "../components/page-states";
import { decisionMessage } from "../lib/errors";
import { useTRPC } from "../lib/trpc";
import { InviteSeveral } from "./invite-several";
import { InviteUserForm } from "./invite-user-form";
import type { PageProps } from "./organization-page";
import { TransferBanner } from "./transfer-banner";
import { UserLists, type UserTab } from "./user-lists";

/** User management: Invite user, then Organization users as tabs (guide steps 2–7). */
export function UsersPage({ basePath = DEFAULT_BASE_PATH }: PageProps) {
  const trpc = useTRPC();
  const [tab, setTab] = useState<UserTab>("members");
  const access = useQuery(trpc.organization.permissions.queryOptions());
  const allowed = access.data?.userManagement.allowed === true;
  const organization = useQuery({ ...trpc.organization.get.queryOptions(), enabled: allowed });

  const back = (
    <a href={pagePath("organization", basePath)} className="text-sm underline underline-offset-4">
      Back to organization
    </a>
  );
  if (access.isPending) return <LoadingPage title="User management" />;
  if (access.isError) return <ErrorPage title="User management" error={access.error} />;
  if (!access.data.userManagement.allowed) {
    return (
      <PageShell title="User management" actions={back}>
        <Notice tone="error">{decisionMessage(access.data.userManagement)}</Notice>
      </PageShell>
    );
  }
  const pendingTransfer = organization.data?.pendingTransfer;
  const canTransfer = access.data.transferOwnership.allowed;
  return (
    <PageShell title="User management" actions={back}>
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
          Organization users
        </h2>
        {organization.data?.counts?.seats ? (
          <p className="mb-3 text-sm text-ok-muted">
            {formatCount(organization.data.counts.seats.used)} of{" "}
            {formatCount(organization.data.counts.seats.limit)} seats
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
