import { type InvitationRole, ROLE_DESCRIPTIONS } from "@orgkit/core/policy";
import { formatDateTime } from "../format";
import { Action, EmailLayout, Footnote, Paragraph } from "./layout";

export type InvitationEmailProps = {
  organizationName: string;
  inviterUsername: string;
  username: string;
  role: InvitationRole;
  acceptUrl: string;
  expiresAt: Date | string;
  timeZone?: string;
};

export function invitationSubject(props: Pick<InvitationEmailProps, "organizationName">) {
  return `You are invited to join ${props.organizationName}`;
}

/** R14: the invitation, with what the role allows and when the link expires. */
export function InvitationEmail(props: InvitationEmailProps) {
  const expires = formatDateTime(props.expiresAt, props.timeZone);
  return (
    <EmailLayout preview={invitationSubject(props)} heading={`Join ${props.organizationName}`}>
      <Paragraph>
        {props.inviterUsername} invited you to join {props.organizationName} as {props.role}, with
        the username {props.username}.
      </Paragraph>
      <Paragraph>
        {props.role}: {ROLE_DESCRIPTIONS[props.role]}
      </Paragraph>
      <Action href={props.acceptUrl} label="Accept invitation" />
      <Paragraph>This link expires on {expires} and works once.</Paragraph>
      <Footnote>
        If you did not expect this invitation, ignore this email: nothing happens unless you accept
        it.
      </Footnote>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  organizationName: "Acme",
  inviterUsername: "owner",
  username: "ada",
  role: "USER",
  acceptUrl: "http://localhost:3000/settings/organization/invitations/accept?token=preview",
  expiresAt: "2026-12-04T09:00:00Z",
} satisfies InvitationEmailProps;
