import { translate } from "@orgkit/core/messages";
import type { InvitationRole } from "@orgkit/core/policy";
import { formatDateTime } from "../format";
import { type EmailLocale, emailText } from "../i18n";
import { Action, EmailLayout, Footnote, Paragraph } from "./layout";

export type InvitationEmailProps = {
  organizationName: string;
  inviterUsername: string;
  username: string;
  role: InvitationRole;
  acceptUrl: string;
  expiresAt: Date | string;
  timeZone?: string;
  /** The invitee's language, as the inviter chose it. Default `"en"`. */
  locale?: EmailLocale;
};

export function invitationSubject(
  props: Pick<InvitationEmailProps, "organizationName" | "locale">,
) {
  return emailText(props.locale)("invitation.subject", { organization: props.organizationName });
}

/** R14: the invitation, with what the role allows and when the link expires. */
export function InvitationEmail(props: InvitationEmailProps) {
  const { locale = "en" } = props;
  const t = emailText(locale);
  const organization = props.organizationName;
  const expiresAt = formatDateTime(props.expiresAt, props.timeZone, locale);
  const description = descriptionOf(locale, props.role);
  return (
    <EmailLayout
      preview={invitationSubject(props)}
      heading={t("invitation.heading", { organization })}
      lang={locale}
    >
      <Paragraph>
        {t("invitation.body", {
          inviter: props.inviterUsername,
          organization,
          role: props.role,
          username: props.username,
        })}
      </Paragraph>
      <Paragraph>{t("invitation.role", { role: props.role, description })}</Paragraph>
      <Action href={props.acceptUrl} label={t("invitation.action")} lang={locale} />
      <Paragraph>{t("invitation.expires", { expiresAt })}</Paragraph>
      <Footnote>{t("invitation.footnote")}</Footnote>
    </EmailLayout>
  );
}

/** What the role allows, in the email's language. */
function descriptionOf(locale: EmailLocale, role: InvitationRole): string {
  return translate(locale, "common", `roleDescriptions.${role}`);
}

InvitationEmail.PreviewProps = {
  organizationName: "Acme",
  inviterUsername: "owner",
  username: "ada",
  role: "USER",
  acceptUrl: "http://localhost:3000/settings/organization/invitations/accept?token=preview",
  expiresAt: "2026-12-04T09:00:00Z",
} satisfies InvitationEmailProps;
