import { formatDateTime } from "../format";
import { type EmailLocale, emailText } from "../i18n";
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
  /** The owner's language when they started the transfer. Default `"en"`. */
  locale?: EmailLocale;
};

export function ownershipTransferConfirmationSubject(
  props: Pick<OwnershipTransferConfirmationProps, "organizationName" | "locale">,
) {
  return emailText(props.locale)("transferConfirmation.subject", {
    organization: props.organizationName,
  });
}

/** R22: sent to the current owner; nothing changes until they confirm. */
export function OwnershipTransferConfirmationEmail(props: OwnershipTransferConfirmationProps) {
  const { locale = "en" } = props;
  const t = emailText(locale);
  const target = props.targetUsername;
  return (
    <EmailLayout
      preview={ownershipTransferConfirmationSubject(props)}
      heading={t("transferConfirmation.heading")}
      lang={locale}
    >
      <Paragraph>
        {t("transferConfirmation.body", {
          owner: props.ownerUsername,
          organization: props.organizationName,
          target,
          targetEmail: props.targetEmail,
        })}
      </Paragraph>
      <Paragraph>{t("transferConfirmation.effect", { target })}</Paragraph>
      <Action href={props.confirmUrl} label={t("transferConfirmation.action")} lang={locale} />
      <Paragraph>
        {t("transferConfirmation.expires", {
          expiresAt: formatDateTime(props.expiresAt, props.timeZone, locale),
        })}
      </Paragraph>
      <Footnote>{t("transferConfirmation.footnote", { cancelUrl: props.cancelUrl })}</Footnote>
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
