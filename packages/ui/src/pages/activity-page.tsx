"use client";
import { AUDIT_ACTIONS, type AuditAction, DEFAULT_BASE_PATH, pagePath } from "@orgkit/core/policy";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Button } from "../components/button";
import { SelectField, TextField } from "../components/field";
import { Notice, PageShell, Section } from "../components/layout";
import { actionLabel, describeEvent } from "../lib/activity";
import { useErrorMessages } from "../lib/errors";
import { useDates, useT } from "../lib/i18n";
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
  const t = useT("activity");
  const common = useT("common");
  const dates = useDates();
  const { messageOf } = useErrorMessages();
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
      {t("backToOrganization")}
    </a>
  );
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(deferredMember || action);
  return (
    <PageShell title={common("pageTitles.activity")} actions={back}>
      <Section title={t("auditLog")}>
        <div className="mb-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_16rem]">
          <TextField
            label={t("member")}
            type="search"
            value={member}
            onChange={(event) => setMember(event.target.value)}
          />
          <SelectField
            label={t("action")}
            value={action}
            onChange={(event) => setAction(event.target.value)}
          >
            <option value="">{t("allActions")}</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {actionLabel(value, t)}
              </option>
            ))}
          </SelectField>
        </div>
        {events.isPending ? (
          <p role="status" className="text-sm text-ok-muted">
            {t("loading")}
          </p>
        ) : events.isError ? (
          <Notice tone="error">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <span>{t("couldNotLoad", { message: messageOf(events.error) })}</span>
              <Button onClick={() => void events.refetch()}>{t("retry")}</Button>
            </div>
          </Notice>
        ) : items.length === 0 ? (
          <p className="text-sm text-ok-muted">{filtered ? t("noMatches") : t("empty")}</p>
        ) : (
          <ol className="flex flex-col divide-y divide-ok-border text-sm">
            {items.map((event) => (
              <li key={event.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-4">
                <time
                  className="shrink-0 text-ok-muted sm:w-52"
                  dateTime={event.createdAt.toISOString()}
                >
                  {dates.exact(event.createdAt)}
                </time>
                <p className="min-w-0 [overflow-wrap:anywhere]">{describeEvent(event, t)}</p>
              </li>
            ))}
          </ol>
        )}
        {events.hasNextPage ? (
          <div className="mt-3">
            <Button pending={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              {t("loadMore")}
            </Button>
          </div>
        ) : null}
      </Section>
      {/* Only for those who may read the log: the export refuses the same people. */}
      {auditExportUrl && events.isSuccess ? <ExportSection url={auditExportUrl} /> : null}
    </PageShell>
  );
}

/**
 * Export: the audit log of a date range as a CSV or JSON Lines download, streamed by the
 * server. A plain GET form: the browser downloads the file itself, however large.
 */
function ExportSection({ url }: { url: string }) {
  const t = useT("activity");
  const [backwards, setBackwards] = useState(false);
  return (
    <Section title={t("export")}>
      <p className="mb-3 text-sm text-ok-muted">{t("exportHint")}</p>
      <form
        method="get"
        action={url}
        onSubmit={(event) => {
          // Dates as the inputs give them (yyyy-mm-dd) compare as text.
          const data = new FormData(event.currentTarget);
          const from = String(data.get("from") ?? "");
          const to = String(data.get("to") ?? "");
          const reversed = from !== "" && to !== "" && from > to;
          setBackwards(reversed);
          if (reversed) event.preventDefault();
        }}
        className="grid gap-3 sm:grid-cols-[10rem_10rem_10rem_auto] sm:items-end"
      >
        <SelectField label={t("format")} name="format" defaultValue="csv">
          <option value="csv">{t("formats.csv")}</option>
          <option value="jsonl">{t("formats.jsonl")}</option>
        </SelectField>
        <TextField label={t("from")} name="from" type="date" min="1970-01-01" max="9999-12-31" />
        <TextField
          label={t("to")}
          name="to"
          type="date"
          min="1970-01-01"
          max="9999-12-31"
          error={backwards ? t("toBeforeFrom") : null}
        />
        <Button type="submit">{t("download")}</Button>
      </form>
    </Section>
  );
}
