"use client";
import {
  BULK_INVITE_MAX_ROWS,
  BULK_INVITE_MAX_TEXT,
  type Decision,
  INVITATION_ROLES,
  type ReasonCode,
  type ReasonParams,
} from "@orgkit/core/policy";
import { type Ref, useRef, useState } from "react";
import { Button } from "../components/button";
import { GuardedButton } from "../components/disabled-reason";
import { EmailLanguageField, useEmailLocale } from "../components/email-language-field";
import { Notice, Section } from "../components/layout";
import { Table } from "../components/table";
import { cn } from "../lib/cn";
import { useT } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

type Row = { email: string; username: string; role: string };
type Checked = Row &
  (
    | { outcome: "ready" | "sent" }
    | { outcome: "refused"; reason: ReasonCode; params?: ReasonParams }
    | { outcome: "changed" }
  );

const PAGE_SIZE = 25;
const control =
  "min-h-9 w-full rounded-ok border border-ok-border bg-ok-bg px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ok-focus aria-[invalid=true]:border-ok-danger";

/**
 * Invite several (R8–R10, R37, seats): paste lines or choose a CSV file (`email,username,role`,
 * a header optional), check every row exactly as sending would, fix refused rows in place,
 * then send; each row is sent whole or refused with the guide's reason.
 */
export function InviteSeveral({ decision, onSent }: { decision: Decision; onSent?: () => void }) {
  const t = useT("inviteSeveral");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [rows, setRows] = useState<Checked[] | null>(null);
  const [sent, setSent] = useState<Checked[] | null>(null);
  const [onlyRefused, setOnlyRefused] = useState(false);
  const [page, setPage] = useState(0);
  const [tooLong, setTooLong] = useState(false);
  const [locale, setLocale] = useEmailLocale();
  // After Check rows, Send or Start over the form is replaced: focus goes to what replaced it.
  const heading = useRef<HTMLParagraphElement>(null);
  const focusSummary = () => requestAnimationFrame(() => heading.current?.focus());
  const check = useAction(trpc.invitations.checkMany.mutationOptions(), (data) =>
    t("readySummary", { ready: data.accepted, refused: data.refused }),
  );
  const send = useAction(
    trpc.invitations.sendMany.mutationOptions(),
    (data) => t("sentSummary", { sent: data.accepted, refused: data.refused }),
    {
      onSuccess: (data) => {
        setSent(data.rows);
        setRows(null);
        onSent?.();
        focusSummary();
      },
    },
  );
  // A first check starts on page 1; a check again stays where the admin was fixing rows.
  const checked = (data: { rows: Checked[] }) => {
    if (!rows) setPage(0);
    setRows(data.rows);
    focusSummary();
  };

  if (sent)
    return (
      <Section title={t("title")}>
        <Result rows={sent} summaryRef={heading} />
        <Button
          className="mt-4"
          onClick={() => {
            setSent(null);
            setText("");
          }}
        >
          {t("inviteMore")}
        </Button>
      </Section>
    );

  if (!rows)
    return (
      <Section title={t("title")}>
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            // Longer lists go in parts: never cut silently, never a request the server refuses.
            const over = text.length > BULK_INVITE_MAX_TEXT;
            setTooLong(over);
            if (!over) check.mutate({ text }, { onSuccess: checked });
          }}
        >
          <label htmlFor="orgkit-invite-several" className="text-sm font-medium">
            {t("pasteLabel")}
          </label>
          <p id="orgkit-invite-several-hint" className="text-sm text-ok-muted">
            {t("pasteHint", {
              maxRows: BULK_INVITE_MAX_ROWS,
              maxCharacters: BULK_INVITE_MAX_TEXT,
            })}
          </p>
          {tooLong ? (
            <p id="orgkit-invite-several-error" className="text-sm font-medium text-ok-danger">
              {t("tooLong", { length: text.length, max: BULK_INVITE_MAX_TEXT })}
            </p>
          ) : null}
          <textarea
            id="orgkit-invite-several"
            aria-invalid={tooLong || undefined}
            aria-describedby={
              tooLong
                ? "orgkit-invite-several-error orgkit-invite-several-hint"
                : "orgkit-invite-several-hint"
            }
            className={cn(control, "min-h-32 py-2 font-mono")}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
            required
          />
          <div className="flex flex-wrap items-center gap-3">
            <label className="text-sm">
              <span className="mr-2">{t("chooseFile")}</span>
              <input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                className="text-sm"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (file) setText(await file.text());
                }}
              />
            </label>
            <GuardedButton
              type="submit"
              variant="primary"
              decision={decision}
              pending={check.isPending}
            >
              {t("checkRows")}
            </GuardedButton>
          </div>
        </form>
      </Section>
    );

  const shown = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !onlyRefused || row.outcome !== "ready");
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const ready = rows.filter((row) => row.outcome === "ready").length;
  const changed = rows.some((row) => row.outcome === "changed");
  const edit = (index: number, field: keyof Row, value: string) =>
    setRows(
      rows.map((row, i) => (i === index ? { ...row, [field]: value, outcome: "changed" } : row)),
    );
  const values = rows.map(({ email, username, role }) => ({ email, username, role }));

  return (
    <Section title={t("title")}>
      <p ref={heading} tabIndex={-1} className="mb-3 text-sm" aria-live="polite">
        {changed ? t("rowsChanged") : t("readySummary", { ready, refused: rows.length - ready })}
      </p>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={onlyRefused}
          onChange={(event) => {
            setOnlyRefused(event.target.checked);
            setPage(0);
          }}
        />
        {t("showOnlyToFix")}
      </label>
      <Table
        label={t("rowsToInvite")}
        columns={[
          t("columns.row"),
          t("columns.email"),
          t("columns.username"),
          t("columns.role"),
          t("columns.status"),
        ]}
      >
        {shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE).map(({ row, index }) => (
          <tr key={index} className="border-t border-ok-border align-top">
            <td className="py-2 pr-3 tabular-nums">{index + 1}</td>
            <td className="py-2 pr-3">
              <input
                aria-label={t("emailOfRow", { row: index + 1 })}
                aria-invalid={row.outcome === "refused" || undefined}
                aria-describedby={`orgkit-row-${index}-status`}
                className={control}
                value={row.email}
                onChange={(event) => edit(index, "email", event.target.value)}
              />
            </td>
            <td className="py-2 pr-3">
              <input
                aria-label={t("usernameOfRow", { row: index + 1 })}
                aria-invalid={row.outcome === "refused" || undefined}
                aria-describedby={`orgkit-row-${index}-status`}
                className={control}
                value={row.username}
                onChange={(event) => edit(index, "username", event.target.value)}
              />
            </td>
            <td className="py-2 pr-3">
              <select
                aria-label={t("roleOfRow", { row: index + 1 })}
                aria-invalid={row.outcome === "refused" || undefined}
                aria-describedby={`orgkit-row-${index}-status`}
                className={control}
                value={row.role}
                onChange={(event) => edit(index, "role", event.target.value)}
              >
                {(INVITATION_ROLES as readonly string[]).includes(row.role) ? null : (
                  <option value={row.role}>{row.role || t("noRole")}</option>
                )}
                {INVITATION_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            </td>
            <td className="py-2 text-right" id={`orgkit-row-${index}-status`}>
              <Status row={row} />
            </td>
          </tr>
        ))}
      </Table>
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="mt-3 flex items-center justify-end gap-2 text-sm">
          {/* aria-disabled, not disabled: the focused button keeps focus at the first page. */}
          <Button aria-disabled={current === 0} onClick={() => current > 0 && setPage(current - 1)}>
            {t("previous")}
          </Button>
          <span>{t("pageOf", { page: current + 1, pages })}</span>
          <Button
            aria-disabled={current >= pages - 1}
            onClick={() => current < pages - 1 && setPage(current + 1)}
          >
            {t("next")}
          </Button>
        </nav>
      ) : null}
      <div className="mt-4 max-w-48">
        <EmailLanguageField value={locale} onChange={setLocale} />
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          pending={check.isPending}
          onClick={() => check.mutate({ rows: values }, { onSuccess: checked })}
        >
          {t("checkAgain")}
        </Button>
        <GuardedButton
          variant="primary"
          decision={decision}
          disabled={changed || ready === 0}
          pending={send.isPending}
          onClick={() => send.mutate({ rows: values, locale })}
        >
          {t("send", { count: ready })}
        </GuardedButton>
        <Button
          onClick={() => {
            setRows(null);
            setTooLong(false);
          }}
        >
          {t("startOver")}
        </Button>
      </div>
    </Section>
  );
}

function Status({ row }: { row: Checked }) {
  const t = useT("inviteSeveral");
  const reasons = useT("reasons");
  if (row.outcome === "refused")
    return <span className="text-ok-danger">{reasons(row.reason, row.params as never)}</span>;
  if (row.outcome === "changed")
    return <span className="text-ok-muted">{t("statuses.changed")}</span>;
  return <span>{t(row.outcome === "sent" ? "statuses.sent" : "statuses.ready")}</span>;
}

/** What was sent and what was refused and why, after sending. */
function Result({ rows, summaryRef }: { rows: Checked[]; summaryRef: Ref<HTMLParagraphElement> }) {
  const t = useT("inviteSeveral");
  const refused = rows.flatMap((row, index) => (row.outcome === "refused" ? [{ row, index }] : []));
  return (
    <>
      <Notice tone={refused.length > 0 ? "warning" : "info"}>
        <p ref={summaryRef} tabIndex={-1}>
          {t("sentSummary", { sent: rows.length - refused.length, refused: refused.length })}
        </p>
      </Notice>
      {refused.length > 0 ? (
        <div className="mt-3">
          <Table
            label={t("refusedRows")}
            columns={[
              t("columns.row"),
              t("columns.email"),
              t("columns.username"),
              t("columns.reason"),
            ]}
          >
            {refused.map(({ row, index }) => (
              <tr key={index} className="border-t border-ok-border">
                <td className="py-2 pr-3 tabular-nums">{index + 1}</td>
                <td className="py-2 pr-3 break-all">{row.email}</td>
                <td className="py-2 pr-3">{row.username}</td>
                <td className="py-2 text-right">
                  <Status row={row} />
                </td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
    </>
  );
}
