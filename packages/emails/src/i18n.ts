import {
  CATALOGUES,
  type EnglishMessages,
  type ShippedLocale,
  shippedLocale,
} from "@orgkit/core/messages";
import { createTranslator } from "use-intl/core";

/** The language an email is written in: a locale orgkit ships. */
export type EmailLocale = ShippedLocale;

function create(locale: EmailLocale) {
  // Typed by English's catalogue: a wrong key or a missing argument fails to compile.
  const messages = CATALOGUES[locale] as unknown as EnglishMessages;
  return createTranslator({ locale, messages, namespace: "emails" });
}

const translators = new Map<EmailLocale, ReturnType<typeof create>>();

/**
 * The emails section of a shipped catalogue, for one locale.
 * @example emailText("de")("invitation.action"); // "Einladung annehmen"
 */
export function emailText(locale: string | undefined) {
  const shipped = shippedLocale(locale);
  let translator = translators.get(shipped);
  if (!translator) {
    translator = create(shipped);
    translators.set(shipped, translator);
  }
  return translator;
}
