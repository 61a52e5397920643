"use client";
import type { Decision, InvitationStatus } from "@orgkit/core/policy";
import { ConfirmedAction } from "../components/confirm-dialog";
import { GuardedButton } from "../components/disabled-reason";
import { Badge, Section } from "../components/layout";
import { Table } from "../components/table";
import { formatExact, formatRelative } from "../lib/format";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

export type InvitationListItem = {
  id: string;
  email: string;
  username: string;
  role: string;
  status: InvitationStatus;
  expiresAt: Date;
  emailStatus: "PENDING" | "SENT" | "DEAD" | null;
};
export type InvitationDecisions = { resend: Decision; revoke: Decision };

/** Pending invitations: email, username, role, status and expiry (R30), Resend and Revoke. */
export function InvitationsSection({
  invitations,
  loading,
  decisions,
}: {
  invitations: InvitationListItem[];
  loading: boolean;
  decisions: Record<string, InvitationDecisions> | undefined;
}) {
  return (
    <Section title="Pending invitations">
      {invitations.length === 0 ? (
        <p className="text-sm text-ok-muted">{loading ? "Loading…" : "No pending invitations."}</p>
      ) : (
        <Table columns={["Email", "Username", "Role", "Status", "Expires", "Actions"]}>
          {invitations.map((invitation) => (
            <InvitationRow
              key={invitation.id}
              invitation={invitation}
              actions={decisions?.[invitation.id]}
            />
          ))}
        </Table>
      )}
    </Section>
  );
}

function InvitationRow({
  invitation,
  actions,
}: {
  invitation: InvitationListItem;
  actions: InvitationDecisions | undefined;
}) {
  const trpc = useTRPC();
  const resend = useAction(
    trpc.invitations.resend.mutationOptions(),
    `Invitation resent to ${invitation.email}`,
  );
  const revoke = useAction(
    trpc.invitations.revoke.mutationOptions(),
    `Invitation to ${invitation.email} revoked`,
  );
  return (
    <tr className="border-t border-ok-border">
      <td className="py-2 pr-3 break-all">
        {invitation.email}
        {invitation.emailStatus === "DEAD" ? (
          <span className="ml-2 text-xs font-medium text-ok-danger">Email failed</span>
        ) : null}
      </td>
      <td className="py-2 pr-3">{invitation.username}</td>
      <td className="py-2 pr-3">{invitation.role}</td>
      <td className="py-2 pr-3">
        <Badge>{invitation.status}</Badge>
      </td>
      <td className="py-2 pr-3">
        <time
          dateTime={invitation.expiresAt.toISOString()}
          title={formatExact(invitation.expiresAt)}
        >
          {formatRelative(invitation.expiresAt)}
        </time>
      </td>
      <td className="py-2">
        <div className="flex flex-wrap justify-end gap-2">
          <GuardedButton
            decision={actions?.resend}
            pending={resend.isPending}
            onClick={() => resend.mutate({ invitationId: invitation.id })}
          >
            Resend
          </GuardedButton>
          <ConfirmedAction
            decision={actions?.revoke}
            label="Revoke"
            pending={revoke.isPending}
            title={`Revoke the invitation to ${invitation.email}?`}
            description="The link stops working at once."
            confirmLabel="Revoke"
            danger
            onConfirm={() => revoke.mutate({ invitationId: invitation.id })}
          />
        </div>
      </td>
    </tr>
  );
}
