"use client";
import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  type Decision,
  type Role,
} from "@orgkit/core/policy";
import { ConfirmedAction } from "../components/confirm-dialog";
import { DisabledReason } from "../components/disabled-reason";
import { Badge } from "../components/layout";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

export type MemberListItem = {
  id: string;
  username: string;
  email: string;
  role: Role;
  status: "ACTIVE" | "REMOVED";
};
export type MemberDecisions = {
  changeRole: Decision;
  roles: Record<AssignableRole, Decision>;
  remove: Decision;
  transferOwnership: Decision;
};

/** One organization user: username, email, role selector, status, Transfer ownership and Remove. */
export function MemberRow({
  member,
  actions,
}: {
  member: MemberListItem;
  actions: MemberDecisions | undefined;
}) {
  const trpc = useTRPC();
  const changeRole = useAction(
    trpc.members.changeRole.mutationOptions(),
    (d) => `${member.username} is now ${d.role}`,
  );
  const remove = useAction(trpc.members.remove.mutationOptions(), `${member.username} was removed`);
  const transfer = useAction(
    trpc.ownership.start.mutationOptions(),
    (d) => `Confirmation sent to ${d.sentTo}`,
  );
  const roleDecision = actions?.changeRole;

  return (
    <tr className="border-t border-ok-border align-middle">
      <td className="py-2 pr-3 font-medium">{member.username}</td>
      <td className="py-2 pr-3 break-all text-ok-muted">{member.email}</td>
      <td className="py-2 pr-3">
        <DisabledReason decision={roleDecision}>
          <select
            aria-label={`Role of ${member.username}`}
            className="min-h-9 rounded-ok border border-ok-border bg-ok-bg px-2 text-sm text-ok-fg focus-visible:outline-2 focus-visible:outline-ok-focus disabled:opacity-60"
            value={member.role}
            disabled={!roleDecision?.allowed || changeRole.isPending}
            onChange={(event) =>
              changeRole.mutate({ memberId: member.id, role: event.target.value as AssignableRole })
            }
          >
            {member.role === "OWNER" ? <option value="OWNER">OWNER</option> : null}
            {ASSIGNABLE_ROLES.map((role) => (
              <option
                key={role}
                value={role}
                disabled={role !== member.role && actions?.roles[role].allowed === false}
              >
                {role}
              </option>
            ))}
          </select>
        </DisabledReason>
      </td>
      <td className="py-2 pr-3">
        <Badge>{member.status}</Badge>
      </td>
      <td className="py-2">
        <div className="flex flex-wrap justify-end gap-2">
          <ConfirmedAction
            decision={actions?.transferOwnership}
            label="Transfer ownership"
            pending={transfer.isPending}
            title={`Transfer ownership to ${member.username}?`}
            description="A confirmation link is emailed to you. Nothing changes until you confirm: then you become ADMIN and they become OWNER."
            confirmLabel="Send confirmation"
            onConfirm={() => transfer.mutate({ memberId: member.id })}
          />
          <ConfirmedAction
            decision={actions?.remove}
            label="Remove"
            pending={remove.isPending}
            title={`Remove ${member.username}?`}
            description="They lose access at once and stay listed as REMOVED. This cannot be undone."
            confirmLabel="Remove"
            danger
            onConfirm={() => remove.mutate({ memberId: member.id })}
          />
        </div>
      </td>
    </tr>
  );
}
