"use client";
import { DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Notice, PageShell } from "../components/layout";
import { ErrorPage, LoadingPage } from "../components/page-states";
import { decisionMessage, messageOf } from "../lib/errors";
import { useTRPC } from "../lib/trpc";
import { InvitationsSection } from "./invitations-section";
import { InviteUserForm } from "./invite-user-form";
import { MembersSection } from "./members-section";
import type { PageProps } from "./organization-page";
import { TransferBanner } from "./transfer-banner";

/** User management: Invite user, Organization users, Pending invitations (guide steps 2–7). */
export function UsersPage({ basePath = DEFAULT_BASE_PATH }: PageProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const access = useQuery(trpc.organization.permissions.queryOptions({}));
  const allowed = access.data?.userManagement.allowed === true;
  const organization = useQuery({ ...trpc.organization.get.queryOptions(), enabled: allowed });
  const members = useInfiniteQuery({
    ...trpc.members.list.infiniteQueryOptions(
      { search: deferredSearch || undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: allowed,
  });
  const invitations = useQuery({
    ...trpc.invitations.list.queryOptions({ limit: 100 }),
    enabled: allowed,
  });
  const memberItems = members.data?.pages.flatMap((page) => page.items) ?? [];
  const invitationItems = invitations.data?.items ?? [];
  const decisions = useQuery({
    ...trpc.organization.permissions.queryOptions({
      memberIds: memberItems.map((m) => m.id).slice(0, 100),
      invitationIds: invitationItems.map((i) => i.id).slice(0, 100),
    }),
    enabled: allowed && members.isSuccess && invitations.isSuccess,
  });

  const back = (
    <a href={pagePath("organization", basePath)} className="text-sm underline underline-offset-4">
      Back to organization
    </a>
  );
  if (access.isPending) return <LoadingPage title={"User management"} />;
  if (access.isError) return <ErrorPage title={"User management"} error={access.error} />;
  if (!access.data.userManagement.allowed) {
    return (
      <PageShell title="User management" actions={back}>
        <Notice tone="error">{decisionMessage(access.data.userManagement)}</Notice>
      </PageShell>
    );
  }
  const failure = members.error ?? invitations.error ?? decisions.error;
  const pendingTransfer = organization.data?.pendingTransfer;
  return (
    <PageShell title="User management" actions={back}>
      {failure ? <Notice tone="error">{messageOf(failure)}</Notice> : null}
      {pendingTransfer ? (
        <TransferBanner transfer={pendingTransfer} cancel={access.data.cancelTransfer} />
      ) : null}
      <InviteUserForm decision={access.data.invite} />
      <MembersSection
        members={memberItems}
        loading={members.isPending}
        decisions={decisions.data?.members}
        search={search}
        onSearch={setSearch}
        hasMore={members.hasNextPage}
        loadingMore={members.isFetchingNextPage}
        onLoadMore={() => void members.fetchNextPage()}
      />
      <InvitationsSection
        invitations={invitationItems}
        loading={invitations.isPending}
        decisions={decisions.data?.invitations}
      />
    </PageShell>
  );
}
