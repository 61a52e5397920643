"use client";
import {
  BULK_INVITE_MAX_ROWS,
  BULK_INVITE_MAX_TEXT,
  type Decision,
  formatCount,
  INVITATION_ROLES,
  type ReasonCode,
  type ReasonParams,
  reasonMessage,
} from "@orgkit/core/policy";
import { type Ref, useRef, useState } from "react";
import { Button } from "../components/button";
import { GuardedButton } from "../components/disabled-reason";
import { Notice, Section } from "../components/layout";
import { Table } from "../components/table";
import { cn } from "../lib/cn";
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
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [rows, setRows] = useState<Checked[] | null>(null);
  const [sent, setSent] = useState<Checked[] | null>(null);
  const [onlyRefused, setOnlyRefused] = useState(false);
  const [page, setPage] = useState(0);
  const [tooLong, setTooLong] = useState(false);
  // After Check rows, Send or Start over the form is replaced: focus goes to what replaced it.
  const heading = useRef<HTMLParagraphElement>(null);
  const focusSummary = () => requestAnimationFrame(() => heading.current?.focus());
  const check = useAction(trpc.invitations.checkMany.mutationOptions(), (data) =>
    summary(data.accepted, data.refused, "ready"),
  );
  const send = useAction(
    trpc.invitations.sendMany.mutationOptions(),
    (data) => summary(data.accepted, data.refused, "sent"),
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
      <Section title="Invite several">
        <Result rows={sent} summaryRef={heading} />
        <Button
          className="mt-4"
          onClick={() => {
            setSent(null);
            setText("");
          }}
        >
          Invite more
        </Button>
      </Section>
    );

  if (!rows)
    return (
      <Section title="Invite several">
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
            Paste one person per line: email, username, role
          </label>
          <p id="orgkit-invite-several-hint" className="text-sm text-ok-muted">
            Up to {BULK_INVITE_MAX_ROWS} rows ({formatCount(BULK_INVITE_MAX_TEXT)} characters) at a
            time, separated by commas, semicolons or tabs, as a spreadsheet exports them; a first
            line naming the columns is optional. Every row is checked before anything is sent.
          </p>
          {tooLong ? (
            <p id="orgkit-invite-several-error" className="text-sm font-medium text-ok-danger">
              {`The list has ${formatCount(text.length)} characters: split it into parts of at most ${formatCount(BULK_INVITE_MAX_TEXT)}`}
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
              <span className="mr-2">Or choose a CSV file</span>
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
              Check rows
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
    <Section title="Invite several">
      <p ref={heading} tabIndex={-1} className="mb-3 text-sm" aria-live="polite">
        {changed
          ? "Rows changed: check again before sending."
          : summary(ready, rows.length - ready, "ready")}
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
        Show only rows to fix
      </label>
      <Table label="Rows to invite" columns={["Row", "Email", "Username", "Role", "Status"]}>
        {shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE).map(({ row, index }) => (
          <tr key={index} className="border-t border-ok-border align-top">
            <td className="py-2 pr-3 tabular-nums">{index + 1}</td>
            <td className="py-2 pr-3">
              <input
                aria-label={`Email, row ${index + 1}`}
                aria-invalid={row.outcome === "refused" || undefined}
                aria-describedby={`orgkit-row-${index}-status`}
                className={control}
                value={row.email}
                onChange={(event) => edit(index, "email", event.target.value)}
              />
            </td>
            <td className="py-2 pr-3">
              <input
                aria-label={`Username, row ${index + 1}`}
                aria-invalid={row.outcome === "refused" || undefined}
                aria-describedby={`orgkit-row-${index}-status`}
                className={control}
                value={row.username}
                onChange={(event) => edit(index, "username", event.target.value)}
              />
            </td>
            <td className="py-2 pr-3">
              <select
                aria-label={`Role, row ${index + 1}`}
                aria-invalid={row.outcome === "refused" || undefined}
                aria-describedby={`orgkit-row-${index}-status`}
                className={control}
                value={row.role}
                onChange={(event) => edit(index, "role", event.target.value)}
              >
                {(INVITATION_ROLES as readonly string[]).includes(row.role) ? null : (
                  <option value={row.role}>{row.role || "(none)"}</option>
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
        <nav aria-label="Rows" className="mt-3 flex items-center justify-end gap-2 text-sm">
          {/* aria-disabled, not disabled: the focused button keeps focus at the first page. */}
          <Button aria-disabled={current === 0} onClick={() => current > 0 && setPage(current - 1)}>
            Previous
          </Button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <Button
            aria-disabled={current >= pages - 1}
            onClick={() => current < pages - 1 && setPage(current + 1)}
          >
            Next
          </Button>
        </nav>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          pending={check.isPending}
          onClick={() => check.mutate({ rows: values }, { onSuccess: checked })}
        >
          Check again
        </Button>
        <GuardedButton
          variant="primary"
          decision={decision}
          disabled={changed || ready === 0}
          pending={send.isPending}
          onClick={() => send.mutate({ rows: values })}
        >
          {`Send ${formatCount(ready)} ${ready === 1 ? "invitation" : "invitations"}`}
        </GuardedButton>
        <Button
          onClick={() => {
            setRows(null);
            setTooLong(false);
          }}
        >
          Start over
        </Button>
      </div>
    </Section>
  );
}

function summary(accepted: number, refused: number, done: "ready" | "sent") {
  const rows = (n: number) => `${formatCount(n)} ${n === 1 ? "row" : "rows"}`;
  const first =
    done === "sent"
      ? `${formatCount(accepted)} ${accepted === 1 ? "invitation" : "invitations"} sent`
      : `${rows(accepted)} ready`;
  return refused === 0 ? first : `${first}, ${rows(refused)} refused`;
}

function Status({ row }: { row: Checked }) {
  if (row.outcome === "refused")
    return <span className="text-ok-danger">{reasonMessage(row.reason, row.params)}</span>;
  if (row.outcome === "changed") return <span className="text-ok-muted">Changed</span>;
  return <span>{row.outcome === "sent" ? "Sent" : "Ready"}</span>;
}

/** What was sent and what was refused and why, after sending. */
function Result({ rows, summaryRef }: { rows: Checked[]; summaryRef: Ref<HTMLParagraphElement> }) {
  const refused = rows.flatMap((row, index) => (row.outcome === "refused" ? [{ row, index }] : []));
  return (
    <>
      <Notice tone={refused.length > 0 ? "warning" : "info"}>
        <p ref={summaryRef} tabIndex={-1}>
          {summary(rows.length - refused.length, refused.length, "sent")}
        </p>
      </Notice>
      {refused.length > 0 ? (
        <div className="mt-3">
          <Table label="Refused rows" columns={["Row", "Email", "Username", "Reason"]}>
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
