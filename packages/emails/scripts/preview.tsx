// Renders every template with its PreviewProps to .preview/<name>.html and .txt.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import {
  InvitationEmail,
  OrganizationDeletionConfirmationEmail,
  OwnershipTransferConfirmationEmail,
  OwnershipTransferredEmail,
} from "../src";

const out = path.join(import.meta.dirname, "..", ".preview");
mkdirSync(out, { recursive: true });

const previews: Record<string, ReactElement> = {
  invitation: <InvitationEmail {...InvitationEmail.PreviewProps} />,
  "ownership-transfer-confirmation": (
    <OwnershipTransferConfirmationEmail {...OwnershipTransferConfirmationEmail.PreviewProps} />
  ),
  "ownership-transferred": (
    <OwnershipTransferredEmail {...OwnershipTransferredEmail.PreviewProps} />
  ),
  "organization-deletion-confirmation": (
    <OrganizationDeletionConfirmationEmail
      {...OrganizationDeletionConfirmationEmail.PreviewProps}
    />
  ),
};

for (const [name, email] of Object.entries(previews)) {
  writeFileSync(path.join(out, `${name}.html`), await render(email));
  writeFileSync(path.join(out, `${name}.txt`), await render(email, { plainText: true }));
  console.info(`wrote ${path.join(out, `${name}.html`)} and .txt`);
}
