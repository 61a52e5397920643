"use client";
import { DEFAULT_BASE_PATH, pagePath, type Role } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import { Button } from "../components/button";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Notice, PageShell, Section } from "../components/layout";
import { LoadingPage } from "../components/page-states";
import { reasonOf, useErrorMessages } from "../lib/errors";
import { useDates, useT } from "../lib/i18n";
import { NoReferrer, useLinkToken } from "../lib/link-token";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";
import type { PageProps } from "./organization-page";

/**
 * Accept invitation (R14, R15): opening the link only reads; the person accepts with the
 * button, which creates their account, makes them a member and signs them in.
 */
export function AcceptInvitationPage({
  basePath = DEFAULT_BASE_PATH,
  ...props
}: PageProps & { token: string | undefined }) {
  const t = useT("links");
  const tc = useT("common");
  const dates = useDates();
  const { messageOf, decisionMessage } = useErrorMessages();
  const token = useLinkToken(props.token);
  const trpc = useTRPC();
  const client = useTRPCClient();
  // A POST: the token rides in the body, never in a URL (R40).
  const preview = useQuery({
    queryKey: ["orgkit", "invitation-preview"],
    queryFn: () => client.invitations.preview.mutate({ token: token ?? "" }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const accept = useAction(trpc.invitations.accept.mutationOptions(), t("invitation.welcome"), {
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const title = tc("pageTitles.acceptInvitation");
  if (!token)
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice tone="error">{t("invitation.missing")}</Notice>
      </PageShell>
    );
  if (preview.isPending)
    return (
      <>
        <NoReferrer />
        <LoadingPage title={title} />
      </>
    );
  if (preview.isError && reasonOf(preview.error) === "INVITATION_ALREADY_JOINED") {
    // R15: the person who joined through this link is told so and sent to the organization.
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice>{t("invitation.alreadyJoined", { reason: messageOf(preview.error) })}</Notice>
        <a
          className="mt-4 inline-flex min-h-9 items-center text-sm underline underline-offset-4"
          href={pagePath("organization", basePath)}
        >
          {t("invitation.openOrganization")}
        </a>
      </PageShell>
    );
  }
  if (preview.isError) {
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice tone="error">
          {
            // An expired invitation's reason already says what to do.
            reasonOf(preview.error) === "INVITATION_EXPIRED"
              ? messageOf(preview.error)
              : t(
                  reasonOf(preview.error) === "INVITATION_ORGANIZATION_DELETED"
                    ? "invitation.organizationDeleted"
                    : "invitation.notValid",
                  { reason: messageOf(preview.error) },
                )
          }
        </Notice>
      </PageShell>
    );
  }
  const invitation = preview.data;
  const refusal = decisionMessage(invitation.decision);
  const acceptButton = (
    <Button variant="primary" pending={accept.isPending || accept.isSuccess}>
      {t("invitation.accept")}
    </Button>
  );
  return (
    <PageShell title={title}>
      <NoReferrer />
      <Section title={t("invitation.join", { organization: invitation.organizationName })}>
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">{t("invitation.invitedBy")}</dt>
          <dd>{invitation.invitedBy}</dd>
          <dt className="font-medium">{t("invitation.email")}</dt>
          <dd>{invitation.email}</dd>
          <dt className="font-medium">{t("invitation.username")}</dt>
          <dd>{invitation.username}</dd>
          <dt className="font-medium">{t("invitation.role")}</dt>
          <dd>
            {invitation.role}{" "}
            <span className="text-ok-muted">
              — {tc(`roleDescriptions.${invitation.role as Role}`)}
            </span>
          </dd>
          <dt className="font-medium">
            {/* The server's decision says whether it expired: not the browser's clock. */}
            {!invitation.decision.allowed && invitation.decision.reason === "INVITATION_EXPIRED"
              ? t("invitation.expired")
              : t("invitation.expires")}
          </dt>
          <dd>{dates.exact(invitation.expiresAt)}</dd>
        </dl>
        <div className="mt-5">
          {refusal ? (
            <Notice tone="error">{refusal}</Notice>
          ) : invitation.otherAccount ? (
            // R14: another account is signed in here; nothing switches without asking.
            <div className="grid gap-3">
              <Notice tone="warning">
                {t("invitation.otherAccount", {
                  account: invitation.otherAccount,
                  email: invitation.email,
                })}
              </Notice>
              <ConfirmDialog
                trigger={acceptButton}
                title={t("invitation.continueAs", { email: invitation.email })}
                description={t("invitation.switchAccount", {
                  account: invitation.otherAccount,
                  email: invitation.email,
                })}
                confirmLabel={t("invitation.acceptAs", { email: invitation.email })}
                onConfirm={() => accept.mutate({ token })}
              />
            </div>
          ) : (
            <Button
              variant="primary"
              pending={accept.isPending || accept.isSuccess}
              onClick={() => accept.mutate({ token })}
            >
              {t("invitation.accept")}
            </Button>
          )}
        </div>
      </Section>
    </PageShell>
  );
}
