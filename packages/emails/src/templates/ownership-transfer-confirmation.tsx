import { formatDateTime } from "../format";
import { Action, EmailLayout, Footnote, Paragraph } from "./layout";

export type OwnershipTransferConfirmationProps = {
  organizationName: string;
  ownerUsername: string;
  targetUsername: string;
  targetEmail: string;
  confirmUrl: string;
  /** The user management page, where the pending transfer can be cancelled. */
  cancelUrl: string;
  expiresAt: Date | string;
  timeZone?: string;
};

export function ownershipTransferConfirmationSubject(
  props: Pick<OwnershipTransferConfirmationProps, "organizationName">,
) {
  return `Confirm the ownership transfer of ${props.organizationName}`;
}

/** R22: sent to the current owner; nothing changes until they confirm. */
export function OwnershipTransferConfirmationEmail(props: OwnershipTransferConfirmationProps) {
  return (
    <EmailLayout
      preview={ownershipTransferConfirmationSubject(props)}
      heading="Confirm ownership transfer"
    >
      <Paragraph>
        {props.ownerUsername}, you asked to transfer ownership of {props.organizationName} to{" "}
        {props.targetUsername} ({props.targetEmail}).
      </Paragraph>
      <Paragraph>
        When you confirm, you become ADMIN and {props.targetUsername} becomes OWNER. Nothing changes
        until then.
      </Paragraph>
      <Action href={props.confirmUrl} label="Confirm transfer" />
      <Paragraph>
        This link expires in 24 hours, on {formatDateTime(props.expiresAt, props.timeZone)}, and
        works once.
      </Paragraph>
      <Footnote>
        Changed your mind? Open user management ({props.cancelUrl}) and select Cancel transfer. If
        you did not ask for this, cancel it there.
      </Footnote>
    </EmailLayout>
  );
}

OwnershipTransferConfirmationEmail.PreviewProps = {
  organizationName: "Acme",
  ownerUsername: "owner",
  targetUsername: "admin",
  targetEmail: "admin@demo.test",
  confirmUrl: "http://localhost:3000/settings/organization/ownership/confirm?token=preview",
  cancelUrl: "http://localhost:3000/settings/organization/users",
  expiresAt: "2026-11-28T09:00:00Z",
} satisfies OwnershipTransferConfirmationProps;
