"use client";
import { DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "../components/button";
import { PageShell, Section } from "../components/layout";
import { ErrorPage, LoadingPage } from "../components/page-states";
import { formatExact } from "../lib/format";
import { useTRPC } from "../lib/trpc";
import type { PageProps } from "./organization-page";

const ACTIONS: Record<string, string> = {
  "organization.activated": "activated the organization",
  "invitation.sent": "invited",
  "invitation.resent": "resent the invitation to",
  "invitation.revoked": "revoked the invitation to",
  "invitation.accepted": "joined as",
  "member.role_changed": "changed the role of",
  "member.removed": "removed",
  "ownership.transfer_requested": "asked to transfer ownership to",
  "ownership.transfer_cancelled": "cancelled the ownership transfer",
  "ownership.transferred": "transferred ownership to",
};

const change = (before: unknown, after: unknown) =>
  [before, after].map((side) => (side ? JSON.stringify(side) : "—")).join(" → ");

/** Activity: the audit log, newest first, paginated (R32). */
export function ActivityPage({ basePath = DEFAULT_BASE_PATH }: PageProps) {
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const back = (
    <a href={pagePath("organization", basePath)} className="text-sm underline underline-offset-4">
      Back to organization
    </a>
  );
  if (events.isPending) return <LoadingPage title={"Activity"} actions={back} />;
  if (events.isError) return <ErrorPage title={"Activity"} actions={back} error={events.error} />;
  const items = events.data.pages.flatMap((page) => page.items);
  return (
    <PageShell title="Activity" actions={back}>
      <Section title="Audit log">
        <ol className="flex flex-col divide-y divide-ok-border text-sm">
          {items.map((event) => (
            <li key={event.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-4">
              <time
                className="shrink-0 text-ok-muted sm:w-48"
                dateTime={event.createdAt.toISOString()}
              >
                {formatExact(event.createdAt)}
              </time>
              <div className="min-w-0">
                <p>
                  <strong>{event.actorEmail ?? "someone"}</strong>{" "}
                  {ACTIONS[event.action] ?? event.action} <strong>{event.targetLabel}</strong>
                </p>
                <p className="break-all text-xs text-ok-muted">
                  {change(event.before, event.after)}
                </p>
              </div>
            </li>
          ))}
        </ol>
        {events.hasNextPage ? (
          <div className="mt-3">
            <Button pending={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              Load more
            </Button>
          </div>
        ) : null}
      </Section>
    </PageShell>
  );
}
