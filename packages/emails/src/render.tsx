import { type OrgkitPage, pagePath } from "@orgkit/core/policy";
import type { EmailTemplate, OutboxPayloads } from "@orgkit/core/server";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { linkTo } from "./format";
import { InvitationEmail, invitationSubject } from "./templates/invitation";
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

type Message<T extends EmailTemplate> = {
  template: T;
  payload: Omit<OutboxPayloads[T], "sealedToken">;
  /** The opened link token, for templates that carry a link. */
  token?: string;
};

function element(message: Message<EmailTemplate>, options: RenderOptions): [string, ReactElement] {
  const { baseUrl, timeZone = "UTC", basePath } = options;
  const link = (page: OrgkitPage, query?: Record<string, string>) =>
    linkTo(baseUrl, pagePath(page, basePath), query);
  switch (message.template) {
    case "invitation": {
      const payload = message.payload as Message<"invitation">["payload"];
      const acceptUrl = link("acceptInvitation", { token: message.token ?? "" });
      return [
        invitationSubject(payload),
        <InvitationEmail {...payload} acceptUrl={acceptUrl} timeZone={timeZone} key="email" />,
      ];
    }
    case "ownership-transfer-confirmation": {
      const payload = message.payload as Message<"ownership-transfer-confirmation">["payload"];
      return [
        ownershipTransferConfirmationSubject(payload),
        <OwnershipTransferConfirmationEmail
          {...payload}
          confirmUrl={link("confirmTransfer", { token: message.token ?? "" })}
          cancelUrl={link("users")}
          timeZone={timeZone}
          key="email"
        />,
      ];
    }
    case "ownership-transferred": {
      const payload = message.payload as Message<"ownership-transferred">["payload"];
      return [
        ownershipTransferredSubject(payload),
        <OwnershipTransferredEmail
          {...payload}
          organizationUrl={link("organization")}
          key="email"
        />,
      ];
    }
  }
}

/** Renders a queued message to its subject, HTML and plain text. */
export async function renderEmail<T extends EmailTemplate>(
  message: Message<T>,
  options: RenderOptions,
): Promise<RenderedEmail> {
  const [subject, email] = element(message as Message<EmailTemplate>, options);
  const [html, text] = await Promise.all([render(email), render(email, { plainText: true })]);
  return { subject, html, text };
}
