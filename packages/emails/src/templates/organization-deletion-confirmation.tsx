import { formatDateTime } from "../format";
import { type EmailLocale, emailText } from "../i18n";
import { Action, EmailLayout, Footnote, Paragraph } from "./layout";

export type OrganizationDeletionConfirmationProps = {
  organizationName: string;
  ownerUsername: string;
  confirmUrl: string;
  /** The Organization page, where the pending deletion can be cancelled. */
  cancelUrl: string;
  expiresAt: Date | string;
  timeZone?: string;
  /** The owner's language when they asked for the deletion. Default `"en"`. */
  locale?: EmailLocale;
};

export function organizationDeletionConfirmationSubject(
  props: Pick<OrganizationDeletionConfirmationProps, "organizationName" | "locale">,
) {
  return emailText(props.locale)("deletionConfirmation.subject", {
    organization: props.organizationName,
  });
}

/** Sent to the owner who asked to delete the organization; nothing changes until they confirm. */
export function OrganizationDeletionConfirmationEmail(
  props: OrganizationDeletionConfirmationProps,
) {
  const { locale = "en" } = props;
  const t = emailText(locale);
  const organization = props.organizationName;
  return (
    <EmailLayout
      preview={organizationDeletionConfirmationSubject(props)}
      heading={t("deletionConfirmation.heading")}
      lang={locale}
    >
      <Paragraph>
        {t("deletionConfirmation.body", { owner: props.ownerUsername, organization })}
      </Paragraph>
      <Paragraph>{t("deletionConfirmation.effect", { organization })}</Paragraph>
      <Action href={props.confirmUrl} label={t("deletionConfirmation.action")} lang={locale} />
      <Paragraph>
        {t("deletionConfirmation.expires", {
          expiresAt: formatDateTime(props.expiresAt, props.timeZone, locale),
        })}
      </Paragraph>
      <Footnote>{t("deletionConfirmation.footnote", { cancelUrl: props.cancelUrl })}</Footnote>
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
