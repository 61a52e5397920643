import { type OrgkitPage, pagePath } from "@orgkit/core/policy";
import type { EmailTemplate, LetterPayloads, OutboxLetter } from "@orgkit/core/server";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { linkTo } from "./format";
import { InvitationEmail, invitationSubject } from "./templates/invitation";
import {
  OrganizationDeletionConfirmationEmail,
  organizationDeletionConfirmationSubject,
} from "./templates/organization-deletion-confirmation";
import {
  OwnershipTransferConfirmationEmail,
  ownershipTransferConfirmationSubject,
} from "./templates/ownership-transfer-confirmation";
import {
  OwnershipTransferredEmail,
  ownershipTransferredSubject,
} from "./templates/ownership-transferred";

export type RenderOptions = {
  /** The app's public URL, e.g. `https://app.example.com`. Links never use a request's Host. */
  baseUrl: string;
  /** Time zone for expiry dates. Default UTC. */
  timeZone?: string;
  /** Where the host mounts orgkit's pages, as given to `OrgkitApp`. Default `/settings/organization`. */
  basePath?: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };

type Link = (page: OrgkitPage, query?: Record<string, string>) => string;

/** Builds one template's subject and body from its own payload. */
type Template<T extends EmailTemplate> = (
  payload: LetterPayloads[T],
  link: Link,
  timeZone: string,
) => { subject: string; body: ReactElement };

/** Every template, keyed by the outbox's template names: a missing or mistyped one fails to compile. */
const templates: { [T in EmailTemplate]: Template<T> } = {
  invitation: ({ token, version: _version, ...payload }, link, timeZone) => ({
    subject: invitationSubject(payload),
    body: (
      <InvitationEmail
        {...payload}
        acceptUrl={link("acceptInvitation", { token })}
        timeZone={timeZone}
      />
    ),
  }),
  "ownership-transfer-confirmation": ({ token, ...payload }, link, timeZone) => ({
    subject: ownershipTransferConfirmationSubject(payload),
    body: (
      <OwnershipTransferConfirmationEmail
        {...payload}
        confirmUrl={link("confirmTransfer", { token })}
        cancelUrl={link("users")}
        timeZone={timeZone}
      />
    ),
  }),
  "ownership-transferred": (payload, link) => ({
    subject: ownershipTransferredSubject(payload),
    body: <OwnershipTransferredEmail {...payload} organizationUrl={link("organization")} />,
  }),
  "organization-deletion-confirmation": ({ token, ...payload }, link, timeZone) => ({
    subject: organizationDeletionConfirmationSubject(payload),
    body: (
      <OrganizationDeletionConfirmationEmail
        {...payload}
        confirmUrl={link("confirmDeletion", { token })}
        cancelUrl={link("organization")}
        timeZone={timeZone}
      />
    ),
  }),
};

/**
 * Renders one letter (a template and its own payload, as the outbox hands it) to its subject,
 * HTML and plain text. A payload that does not belong to its template does not compile.
 *
 * @example
 * await renderEmail({ template: "ownership-transferred", payload: { organizationName: "Acme", previousOwner: "grace", newOwner: "ada" } }, { baseUrl: "https://app.example.com" });
 */
export function renderEmail(letter: OutboxLetter, options: RenderOptions): Promise<RenderedEmail> {
  return renderLetter(letter, options);
}

async function renderLetter<T extends EmailTemplate>(
  letter: { template: T; payload: LetterPayloads[T] },
  options: RenderOptions,
): Promise<RenderedEmail> {
  const { baseUrl, timeZone = "UTC", basePath } = options;
  const link: Link = (page, query) => linkTo(baseUrl, pagePath(page, basePath), query);
  const template: Template<T> = templates[letter.template];
  const { subject, body } = template(letter.payload, link, timeZone);
  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);
  return { subject, html, text };
}
