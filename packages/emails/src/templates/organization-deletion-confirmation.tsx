import { formatDateTime } from "../format";
import { Action, EmailLayout, Footnote, Paragraph } from "./layout";

export type OrganizationDeletionConfirmationProps = {
  organizationName: string;
  ownerUsername: string;
  confirmUrl: string;
  /** The Organization page, where the pending deletion can be cancelled. */
  cancelUrl: string;
  expiresAt: Date | string;
  timeZone?: string;
};

export function organizationDeletionConfirmationSubject(
  props: Pick<OrganizationDeletionConfirmationProps, "organizationName">,
) {
  return `Confirm the deletion of ${props.organizationName}`;
}

/** Sent to the owner who asked to delete the organization; nothing changes until they confirm. */
export function OrganizationDeletionConfirmationEmail(
  props: OrganizationDeletionConfirmationProps,
) {
  return (
    <EmailLayout
      preview={organizationDeletionConfirmationSubject(props)}
      heading="Confirm organization deletion"
    >
      <Paragraph>
        {props.ownerUsername}, you asked to delete {props.organizationName}.
      </Paragraph>
      <Paragraph>
        When you confirm, every member loses access at once and returns to personal mode, pending
        invitations stop working, and the name {props.organizationName} becomes free. The activity
        log is kept. Nothing changes until then.
      </Paragraph>
      <Action href={props.confirmUrl} label="Delete organization" />
      <Paragraph>
        This link expires in 24 hours, on {formatDateTime(props.expiresAt, props.timeZone)}, and
        works once.
      </Paragraph>
      <Footnote>
        Changed your mind? Open the Organization page ({props.cancelUrl}) and select Cancel
        deletion. If you did not ask for this, cancel it there.
      </Footnote>
    </EmailLayout>
  );
}

OrganizationDeletionConfirmationEmail.PreviewProps = {
  organizationName: "Acme",
  ownerUsername: "owner",
  confirmUrl: "http://localhost:3000/settings/organization/delete/confirm?token=preview",
  cancelUrl: "http://localhost:3000/settings/organization",
  expiresAt: "2026-11-28T09:00:00Z",
} satisfies OrganizationDeletionConfirmationProps;
