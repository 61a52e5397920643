import { type EmailLocale, emailText } from "../i18n";
import { Action, EmailLayout, Paragraph } from "./layout";

export type OwnershipTransferredProps = {
  organizationName: string;
  previousOwner: string;
  newOwner: string;
  organizationUrl: string;
  /** The language of the owner who confirmed the transfer. Default `"en"`. */
  locale?: EmailLocale;
};

export function ownershipTransferredSubject(
  props: Pick<OwnershipTransferredProps, "organizationName" | "locale">,
) {
  return emailText(props.locale)("transferred.subject", { organization: props.organizationName });
}

/** R23: sent to the old and the new owner once the transfer is confirmed. */
export function OwnershipTransferredEmail(props: OwnershipTransferredProps) {
  const { locale = "en" } = props;
  const t = emailText(locale);
  return (
    <EmailLayout
      preview={ownershipTransferredSubject(props)}
      heading={t("transferred.heading")}
      lang={locale}
    >
      <Paragraph>
        {t("transferred.body", {
          newOwner: props.newOwner,
          organization: props.organizationName,
          previousOwner: props.previousOwner,
        })}
      </Paragraph>
      <Action href={props.organizationUrl} label={t("transferred.action")} lang={locale} />
    </EmailLayout>
  );
}

OwnershipTransferredEmail.PreviewProps = {
  organizationName: "Acme",
  previousOwner: "owner",
  newOwner: "admin",
  organizationUrl: "http://localhost:3000/settings/organization",
} satisfies OwnershipTransferredProps;
