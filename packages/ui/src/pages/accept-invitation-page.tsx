"use client";
import { ROLE_DESCRIPTIONS, type Role } from "@orgkit/core/policy";
import { useQuery } from "@tanstack/react-query";
import { Button } from "../components/button";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Notice, PageShell, Section } from "../components/layout";
import { LoadingPage } from "../components/page-states";
import { decisionMessage, messageOf, reasonOf } from "../lib/errors";
import { formatExact } from "../lib/format";
import { NoReferrer, useLinkToken } from "../lib/link-token";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useAction } from "../lib/use-action";

/**
 * Accept invitation (R14, R15): opening the link only reads; the person accepts with the
 * button, which creates their account, makes them a member and signs them in.
 */
export function AcceptInvitationPage(props: { token: string | undefined }) {
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
  const accept = useAction(trpc.invitations.accept.mutationOptions(), "Welcome aboard", {
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const title = "Accept invitation";
  if (!token)
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice tone="error">
          To see this invitation, open the link in your invitation email. The page forgets the link
          once it is open, so a reload needs the email again.
        </Notice>
      </PageShell>
    );
  if (preview.isPending)
    return (
      <>
        <NoReferrer />
        <LoadingPage title={title} />
      </>
    );
  if (preview.isError) {
    return (
      <PageShell title={title}>
        <NoReferrer />
        <Notice tone="error">
          {reasonOf(preview.error) === "INVITATION_ORGANIZATION_DELETED"
            ? `${messageOf(preview.error)}.`
            : `${messageOf(preview.error)}. Ask an admin of the organization for a new invitation.`}
        </Notice>
      </PageShell>
    );
  }
  const invitation = preview.data;
  const refusal = decisionMessage(invitation.decision);
  const acceptButton = (
    <Button variant="primary" pending={accept.isPending || accept.isSuccess}>
      Accept invitation
    </Button>
  );
  return (
    <PageShell title={title}>
      <NoReferrer />
      <Section title={`Join ${invitation.organizationName}`}>
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Invited by</dt>
          <dd>{invitation.invitedBy}</dd>
          <dt className="font-medium">Email</dt>
          <dd>{invitation.email}</dd>
          <dt className="font-medium">Username</dt>
          <dd>{invitation.username}</dd>
          <dt className="font-medium">Role</dt>
          <dd>
            {invitation.role}{" "}
            <span className="text-ok-muted">— {ROLE_DESCRIPTIONS[invitation.role as Role]}</span>
          </dd>
          <dt className="font-medium">Expires</dt>
          <dd>{formatExact(invitation.expiresAt)}</dd>
        </dl>
        <div className="mt-5">
          {refusal ? (
            <Notice tone="error">{refusal}</Notice>
          ) : invitation.otherAccount ? (
            // R14: another account is signed in here; nothing switches without asking.
            <div className="grid gap-3">
              <Notice tone="warning">
                You are signed in as {invitation.otherAccount}. This invitation is for{" "}
                {invitation.email}.
              </Notice>
              <ConfirmDialog
                trigger={acceptButton}
                title={`Continue as ${invitation.email}?`}
                description={`Accepting signs ${invitation.otherAccount} out on this browser and signs you in as ${invitation.email}.`}
                confirmLabel={`Accept as ${invitation.email}`}
                onConfirm={() => accept.mutate({ token })}
              />
            </div>
          ) : (
            <Button
              variant="primary"
              pending={accept.isPending || accept.isSuccess}
              onClick={() => accept.mutate({ token })}
            >
              Accept invitation
            </Button>
          )}
        </div>
      </Section>
    </PageShell>
  );
}
