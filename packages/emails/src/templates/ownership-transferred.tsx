import { Action, EmailLayout, Paragraph } from "./layout";

export type OwnershipTransferredProps = {
  organizationName: string;
  previousOwner: string;
  newOwner: string;
  organizationUrl: string;
};

export function ownershipTransferredSubject(
  props: Pick<OwnershipTransferredProps, "organizationName">,
) {
  return `Ownership of ${props.organizationName} was transferred`;
}

/** R23: sent to the old and the new owner once the transfer is confirmed. */
export function OwnershipTransferredEmail(props: OwnershipTransferredProps) {
  return (
    <EmailLayout preview={ownershipTransferredSubject(props)} heading="Ownership transferred">
      <Paragraph>
        {props.newOwner} is now the OWNER of {props.organizationName}. {props.previousOwner} is now
        an ADMIN.
      </Paragraph>
      <Action href={props.organizationUrl} label="Open organization" />
    </EmailLayout>
  );
}

OwnershipTransferredEmail.PreviewProps = {
  organizationName: "Acme",
  previousOwner: "owner",
  newOwner: "admin",
  organizationUrl: "http://localhost:3000/settings/organization",
} satisfies OwnershipTransferredProps;
