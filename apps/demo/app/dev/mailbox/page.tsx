import { readDevMailbox } from "@orgkit/emails/server";
import { notFound } from "next/navigation";
import { devMailboxEnabled } from "@/lib/config";
import { getOrgkit } from "@/lib/orgkit";

export const dynamic = "force-dynamic";

/** Every email the demo sent, newest first, when no real provider is configured. */
export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string }>;
}) {
  if (!devMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const { database } = await getOrgkit();
  const messages = await readDevMailbox(database.db, { to, limit: 100 });
  return (
    <main lang="en" className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
      <h1 className="mb-4 text-2xl font-semibold">Dev mailbox</h1>
      <form className="mb-4 flex gap-2">
        <label htmlFor="to" className="sr-only">
          Recipient
        </label>
        <input
          id="to"
          name="to"
          defaultValue={to}
          placeholder="Filter by recipient"
          className="min-h-9 flex-1 rounded-ok border border-ok-border bg-ok-bg px-3 text-sm"
        />
        <button
          type="submit"
          className="min-h-9 rounded-ok border border-ok-border bg-ok-bg px-3 text-sm"
        >
          Filter
        </button>
      </form>
      {messages.length === 0 ? <p className="text-sm text-ok-muted">No messages.</p> : null}
      <ol className="flex flex-col gap-3">
        {messages.map((message) => (
          <li
            key={`${message.sentAt.toISOString()}-${message.subject}-${message.to}`}
            className="rounded-ok border border-ok-border bg-ok-bg p-4"
          >
            <p className="text-sm text-ok-muted">
              To {message.to} · {message.sentAt.toISOString()}
            </p>
            <h2 className="font-semibold">{message.subject}</h2>
            <pre className="mt-2 text-sm whitespace-pre-wrap">{linkify(message.text)}</pre>
          </li>
        ))}
      </ol>
    </main>
  );
}

/** Makes the links in a plain-text email clickable. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
      <a key={index} href={part} className="break-all underline underline-offset-4">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
