"use client";
import {
  formatCount,
  INVITATION_ROLES,
  type InvitationRole,
  ROLES,
  type Role,
} from "@orgkit/core/policy";
import * as Tabs from "@radix-ui/react-tabs";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useDeferredValue, useRef, useState } from "react";
import { useLocale } from "use-intl";
import { Button } from "../components/button";
import { SelectField, TextField } from "../components/field";
import { Notice } from "../components/layout";
import { cn } from "../lib/cn";
import { useErrorMessages } from "../lib/errors";
import { useT } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";
import { INVITATION_COLUMNS, InvitationRow } from "./invitation-row";
import { MEMBER_COLUMNS, MemberRow } from "./member-row";

export type UserTab = "members" | "invitations" | "removed";

export type UserListsProps = {
  tab: UserTab;
  onTabChange: (tab: UserTab) => void;
  counts: { members: number; removed: number; pendingInvitations: number } | null | undefined;
  /** Whether the caller may transfer ownership; when not, `transferNote` says why, once. */
  canTransfer: boolean;
  transferNote: string | null;
};

/** Organization users as tabs with counts: Members, Pending invitations, Removed (R30). */
export function UserLists({ tab, onTabChange, counts, canTransfer, transferNote }: UserListsProps) {
  const t = useT("users");
  const locale = useLocale();
  const trigger = (value: UserTab, label: string, count: number | undefined) => (
    <Tabs.Trigger
      value={value}
      className="-mb-px inline-flex min-h-10 shrink-0 items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium text-ok-muted hover:text-ok-fg focus-visible:outline-2 focus-visible:outline-ok-focus data-[state=active]:border-ok-primary data-[state=active]:text-ok-fg"
    >
      {label}
      {count === undefined ? null : (
        <span className="rounded-full bg-ok-surface px-2 text-xs text-ok-fg">
          {formatCount(count, locale)}
        </span>
      )}
    </Tabs.Trigger>
  );
  return (
    <Tabs.Root value={tab} onValueChange={(value) => onTabChange(value as UserTab)}>
      <Tabs.List
        aria-label={t("organizationUsers")}
        className="flex flex-wrap gap-x-1 border-b border-ok-border"
      >
        {trigger("members", t("tabs.members"), counts?.members)}
        {trigger("invitations", t("tabs.invitations"), counts?.pendingInvitations)}
        {trigger("removed", t("tabs.removed"), counts?.removed)}
      </Tabs.List>
      <Tabs.Content
        value="members"
        className="rounded-ok pt-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
      >
        {transferNote ? <p className="mb-3 text-sm text-ok-muted">{transferNote}</p> : null}
        <MembersPanel status="ACTIVE" canTransfer={canTransfer} />
      </Tabs.Content>
      <Tabs.Content
        value="invitations"
        className="rounded-ok pt-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
      >
        <InvitationsPanel />
      </Tabs.Content>
      <Tabs.Content
        value="removed"
        className="rounded-ok pt-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ok-focus"
      >
        <MembersPanel status="REMOVED" canTransfer={false} />
      </Tabs.Content>
    </Tabs.Root>
  );
}

type ListQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Which list a frame shows: its messages are `users.lists.<list>`. */
type ListName = "members" | "removed" | "invitations";

/**
 * A list's states, each said as what it is: loading, failed (with Retry), empty, filtered to
 * nothing, or the rows with "Showing n of total" and Load more.
 */
function ListFrame({
  query,
  list,
  shown,
  total,
  filtered,
  summaryRef,
  columns,
  headers,
  children,
}: {
  columns: string;
  query: ListQuery;
  list: ListName;
  shown: number;
  total: number | null | undefined;
  filtered: boolean;
  summaryRef: React.RefObject<HTMLParagraphElement | null>;
  headers: ReactNode;
  children: ReactNode;
}) {
  const t = useT("users");
  const locale = useLocale();
  const { messageOf } = useErrorMessages();
  if (query.isPending) {
    return (
      <p role="status" className="py-3 text-sm text-ok-muted">
        {t(`lists.${list}.loading`)}
      </p>
    );
  }
  if (query.isError) {
    return (
      <Notice tone="error">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <span>{t(`lists.${list}.loadFailed`, { error: messageOf(query.error) })}</span>
          <Button onClick={() => void query.refetch()}>{t("retry")}</Button>
        </div>
      </Notice>
    );
  }
  return (
    <div>
      {/* A live region: a search, a filter or Load more is announced with its new count. */}
      <p
        ref={summaryRef}
        tabIndex={-1}
        role="status"
        className="mb-1 text-sm text-ok-muted outline-none"
      >
        {shown === 0
          ? t(`lists.${list}.${filtered ? "noMatch" : "empty"}`)
          : total != null
            ? t(`lists.${list}.showingOf`, {
                shown: formatCount(shown, locale),
                total: formatCount(total, locale),
                count: total,
              })
            : t(`lists.${list}.showing`, { shown: formatCount(shown, locale), count: shown })}
      </p>
      {shown > 0 ? (
        <>
          <div
            aria-hidden="true"
            className={cn(
              "hidden gap-x-3 pb-2 text-xs font-semibold tracking-wide text-ok-muted uppercase md:grid",
              columns,
            )}
          >
            {headers}
          </div>
          <ul>{children}</ul>
        </>
      ) : null}
      {query.hasNextPage ? (
        <div className="mt-3">
          <Button pending={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function Filters({
  search,
  onSearch,
  searchLabel,
  role,
  onRole,
  roles,
}: ReturnType<typeof useListFilters>["fields"] & {
  searchLabel: string;
  roles: readonly string[];
}) {
  const t = useT("users");
  return (
    <div className="mb-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]">
      <TextField
        label={searchLabel}
        type="search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
      />
      <SelectField label={t("role")} value={role} onChange={(event) => onRole(event.target.value)}>
        <option value="">{t("allRoles")}</option>
        {roles.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/**
 * A list's search and role filter: what the inputs show, what the query sends (the search
 * deferred and trimmed, empty values left out), and the list summary that takes focus when a
 * row leaves.
 */
function useListFilters<R extends string>() {
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const summaryRef = useRef<HTMLParagraphElement>(null);
  return {
    fields: { search, onSearch: setSearch, role, onRole: setRole },
    input: { search: deferredSearch || undefined, role: (role || undefined) as R | undefined },
    filtered: Boolean(deferredSearch || role),
    summaryRef,
    focusSummary: () => summaryRef.current?.focus(),
  };
}

function MembersPanel({
  status,
  canTransfer,
}: {
  status: "ACTIVE" | "REMOVED";
  canTransfer: boolean;
}) {
  const t = useT("users");
  const trpc = useTRPC();
  const filters = useListFilters<Role>();
  const query = useInfiniteQuery(
    trpc.members.list.infiniteQueryOptions(
      { ...filters.input, status, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Filters {...filters.fields} searchLabel={t("searchMembers")} roles={ROLES} />
      <ListFrame
        query={query}
        list={status === "ACTIVE" ? "members" : "removed"}
        shown={items.length}
        total={query.data?.pages[0]?.total}
        filtered={filters.filtered}
        summaryRef={filters.summaryRef}
        columns={MEMBER_COLUMNS}
        headers={
          <>
            <span>{t("username")}</span>
            <span>{t("email")}</span>
            <span>{t("role")}</span>
            <span>{t("status")}</span>
            <span className="justify-self-end">{t("actions")}</span>
          </>
        }
      >
        {items.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            canTransfer={canTransfer}
            onGone={filters.focusSummary}
          />
        ))}
      </ListFrame>
    </>
  );
}

function InvitationsPanel() {
  const t = useT("users");
  const trpc = useTRPC();
  const filters = useListFilters<InvitationRole>();
  const query = useInfiniteQuery(
    trpc.invitations.list.infiniteQueryOptions(
      { ...filters.input, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Filters {...filters.fields} searchLabel={t("searchInvitations")} roles={INVITATION_ROLES} />
      <ListFrame
        query={query}
        list="invitations"
        shown={items.length}
        total={query.data?.pages[0]?.total}
        filtered={filters.filtered}
        summaryRef={filters.summaryRef}
        columns={INVITATION_COLUMNS}
        headers={
          <>
            <span>{t("email")}</span>
            <span>{t("username")}</span>
            <span>{t("role")}</span>
            <span>{t("status")}</span>
            <span>{t("expires")}</span>
            <span className="justify-self-end">{t("actions")}</span>
          </>
        }
      >
        {items.map((invitation) => (
          <InvitationRow
            key={invitation.id}
            invitation={invitation}
            onGone={filters.focusSummary}
          />
        ))}
      </ListFrame>
    </>
  );
}
