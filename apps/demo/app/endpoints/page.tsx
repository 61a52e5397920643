import { can, isReasonCode, reasonMessage } from "@orgkit/core/policy";
import { readMembership } from "@orgkit/core/server";
import { desc, eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { createEndpoint, deleteEndpoint } from "@/lib/endpoint-actions";
import { endpoints } from "@/lib/endpoints";
import { getOrgkit } from "@/lib/orgkit";

export const dynamic = "force-dynamic";

/** A host resource guarded by orgkit's policy: VIEWER sees it read-only (R2). */
export default async function EndpointsPage({
  searchParams,
}: {
  searchParams: Promise<{ refused?: string }>;
}) {
  const { refused } = await searchParams;
  const session = await auth();
  if (!session?.user?.id) redirect("/signin?callbackUrl=/endpoints");
  const { ctx } = await getOrgkit();
  const membership = await readMembership(ctx, session.user.id);
  if (membership?.status !== "ACTIVE") redirect("/settings/organization");
  const rows = await ctx.db
    .select()
    .from(endpoints)
    .where(eq(endpoints.organizationId, membership.organizationId))
    .orderBy(desc(endpoints.createdAt));
  const canCreate = can(membership.role, "endpoint:create");
  const canDelete = can(membership.role, "endpoint:delete");
  return (
    <main lang="en" className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
      <h1 className="mb-4 text-2xl font-semibold">Endpoints</h1>
      {isReasonCode(refused) ? (
        <p
          role="alert"
          className="mb-4 rounded-ok border border-ok-danger bg-ok-bg px-4 py-3 text-sm"
        >
          {reasonMessage(refused)}
        </p>
      ) : null}
      {canCreate ? (
        <form
          action={createEndpoint}
          className="mb-6 grid gap-3 rounded-ok border border-ok-border bg-ok-bg p-4 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            Name
            <input
              name="name"
              required
              maxLength={100}
              className="min-h-9 rounded-ok border border-ok-border bg-ok-bg px-3 font-normal"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            URL
            <input
              name="url"
              type="url"
              required
              className="min-h-9 rounded-ok border border-ok-border bg-ok-bg px-3 font-normal"
            />
          </label>
          <button
            type="submit"
            className="min-h-9 rounded-ok bg-ok-primary px-3 text-sm font-medium text-ok-primary-fg"
          >
            Add endpoint
          </button>
        </form>
      ) : (
        <p
          role="status"
          className="mb-6 rounded-ok border border-ok-border bg-ok-bg px-4 py-3 text-sm"
        >
          Read-only: your role ({membership.role}) can view endpoints but cannot change them.
        </p>
      )}
      {rows.length === 0 ? <p className="text-sm text-ok-muted">No endpoints yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {rows.map((row) => (
          <li
            key={row.id}
            className="flex items-center justify-between gap-3 rounded-ok border border-ok-border bg-ok-bg px-4 py-3 text-sm"
          >
            <span>
              <strong>{row.name}</strong> <span className="break-all text-ok-muted">{row.url}</span>
            </span>
            {canDelete ? (
              <form action={deleteEndpoint}>
                <input type="hidden" name="id" value={row.id} />
                <button type="submit" className="underline underline-offset-4">
                  Delete
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
