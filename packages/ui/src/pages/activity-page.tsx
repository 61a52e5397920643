"use client";
import { AUDIT_ACTIONS, type AuditAction, DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Button } from "../components/button";
import { SelectField, TextField } from "../components/field";
import { Notice, PageShell, Section } from "../components/layout";
import { ACTION_LABELS, describeEvent } from "../lib/activity";
import { messageOf } from "../lib/errors";
import { formatExact } from "../lib/format";
import { useTRPC } from "../lib/trpc";
import type { PageProps } from "./organization-page";

/**
 * Activity: the audit log in sentences ("grace changed ada's role from USER to ADMIN"),
 * newest first, in the viewer's local time, filtered by member and action (R32).
 */
export function ActivityPage({
  basePath = DEFAULT_BASE_PATH,
  auditExportUrl = null,
}: PageProps & { auditExportUrl?: string | null }) {
  const trpc = useTRPC();
  const [member, setMember] = useState("");
  const [action, setAction] = useState("");
  const deferredMember = useDeferredValue(member.trim());
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      {
        limit: 25,
        member: deferredMember || undefined,
        action: (action || undefined) as AuditAction | undefined,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const back = (
    <a href={pagePath("organization", basePath)} className="text-sm underline underline-offset-4">
      Back to organization
    </a>
  );
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(deferredMember || action);
  return (
    <PageShell title="Activity" actions={back}>
      <Section title="Audit log">
        <div className="mb-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_16rem]">
          <TextField
            label="Member"
            type="search"
            value={member}
            onChange={(event) => setMember(event.target.value)}
          />
          <SelectField
            label="Action"
            value={action}
            onChange={(event) => setAction(event.target.value)}
          >
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {ACTION_LABELS[value]}
              </option>
            ))}
          </SelectField>
        </div>
        {events.isPending ? (
          <p role="status" className="text-sm text-ok-muted">
            Loading activity…
          </p>
        ) : events.isError ? (
          <Notice tone="error">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <span>Could not load activity: {messageOf(events.error)}</span>
              <Button onClick={() => void events.refetch()}>Retry</Button>
            </div>
          </Notice>
        ) : items.length === 0 ? (
          <p className="text-sm text-ok-muted">
            {filtered ? "No activity matches." : "No activity yet."}
          </p>
        ) : (
          <ol className="flex flex-col divide-y divide-ok-border text-sm">
            {items.map((event) => (
              <li key={event.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-4">
                <time
                  className="shrink-0 text-ok-muted sm:w-52"
                  dateTime={event.createdAt.toISOString()}
                >
                  {formatExact(event.createdAt)}
                </time>
                <p className="min-w-0 [overflow-wrap:anywhere]">{describeEvent(event)}</p>
              </li>
            ))}
          </ol>
        )}
        {events.hasNextPage ? (
          <div className="mt-3">
            <Button pending={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              Load more
            </Button>
          </div>
        ) : null}
      </Section>
      {auditExportUrl ? <ExportSection url={auditExportUrl} /> : null}
    </PageShell>
  );
}

/**
 * Export: the audit log of a date range as a CSV or JSON Lines download, streamed by the
 * server. A plain GET form: the browser downloads the file itself, however large.
 */
function ExportSection({ url }: { url: string }) {
  const [rangeError, setRangeError] = useState<string | null>(null);
  return (
    <Section title="Export">
      <p className="mb-3 text-sm text-ok-muted">
        Download the audit log for your records or an auditor. Dates are in UTC; leave them empty
        for everything kept.
      </p>
      <form
        method="get"
        action={url}
        onSubmit={(event) => {
          // Dates as the inputs give them (yyyy-mm-dd) compare as text.
          const data = new FormData(event.currentTarget);
          const from = String(data.get("from") ?? "");
          const to = String(data.get("to") ?? "");
          const backwards = from !== "" && to !== "" && from > to;
          setRangeError(backwards ? "To must be the same day as From or later" : null);
          if (backwards) event.preventDefault();
        }}
        className="grid gap-3 sm:grid-cols-[10rem_10rem_10rem_auto] sm:items-end"
      >
        <SelectField label="Format" name="format" defaultValue="csv">
          <option value="csv">CSV</option>
          <option value="jsonl">JSON Lines</option>
        </SelectField>
        <TextField label="From" name="from" type="date" min="1970-01-01" max="9999-12-31" />
        <TextField
          label="To"
          name="to"
          type="date"
          min="1970-01-01"
          max="9999-12-31"
          error={rangeError}
        />
        <Button type="submit">Download</Button>
      </form>
    </Section>
  );
}
