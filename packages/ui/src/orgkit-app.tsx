"use client";
import { DEFAULT_BASE_PATH, pageOf } from "@orgkit/core/policy";
import { Notice, PageShell } from "./components/layout";
import { useT } from "./lib/i18n";
import { AcceptInvitationPage } from "./pages/accept-invitation-page";
import { ActivityPage } from "./pages/activity-page";
import { ConfirmDeletionPage } from "./pages/confirm-deletion-page";
import { ConfirmTransferPage } from "./pages/confirm-transfer-page";
import { OrganizationPage } from "./pages/organization-page";
import { UsersPage } from "./pages/users-page";
import { OrgkitProvider, type OrgkitProviderProps } from "./provider";

export type OrgkitAppProps = Pick<OrgkitProviderProps, "locale" | "messages" | "timeZone"> & {
  /** The catch-all route's segments under the base path, e.g. `["users"]`. */
  slug: string[];
  /** The `token` search parameter of emailed links. */
  token?: string | undefined;
  /** Where the pages are mounted. Default `/settings/organization`. */
  basePath?: string;
  /** Where the tRPC route handler is mounted. Default `/api/trpc`. */
  apiUrl?: string;
  /**
   * Where `createAuditExportHandler` is mounted, for Activity's "Export" form. Default
   * `/api/orgkit/audit-export`; `null` hides the form.
   */
  auditExportUrl?: string | null;
};

/**
 * Every orgkit page behind one catch-all route, in the viewer's language (`locale`, `messages`)
 * and time zone.
 *
 * @example
 * // app/settings/organization/[[...slug]]/page.tsx
 * export default async function Page({ params, searchParams }) {
 *   const { slug = [] } = await params;
 *   const { token } = await searchParams;
 *   return <OrgkitApp slug={slug} token={token} locale="de" />;
 * }
 */
export function OrgkitApp({
  slug,
  token,
  basePath = DEFAULT_BASE_PATH,
  apiUrl,
  auditExportUrl = "/api/orgkit/audit-export",
  ...locale
}: OrgkitAppProps) {
  return (
    <OrgkitProvider apiUrl={apiUrl} {...locale}>
      <Route slug={slug} token={token} basePath={basePath} auditExportUrl={auditExportUrl} />
    </OrgkitProvider>
  );
}

function Route({
  slug,
  token,
  basePath,
  auditExportUrl,
}: Required<Pick<OrgkitAppProps, "slug" | "basePath">> & {
  token: string | undefined;
  auditExportUrl: string | null;
}) {
  const t = useT("common");
  switch (pageOf(slug)) {
    case "organization":
      return <OrganizationPage basePath={basePath} />;
    case "users":
      return <UsersPage basePath={basePath} />;
    case "activity":
      return <ActivityPage basePath={basePath} auditExportUrl={auditExportUrl} />;
    case "acceptInvitation":
      return <AcceptInvitationPage token={token} basePath={basePath} />;
    case "confirmTransfer":
      return <ConfirmTransferPage token={token} basePath={basePath} />;
    case "confirmDeletion":
      return <ConfirmDeletionPage token={token} basePath={basePath} />;
    default:
      return (
        <PageShell title={t("pageTitles.notFound")}>
          <Notice tone="error">{t("pageNotFound")}</Notice>
        </PageShell>
      );
  }
}
