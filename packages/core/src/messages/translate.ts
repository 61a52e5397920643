import { createTranslator } from "use-intl/core";
import { de } from "./de";
import { en } from "./en";
import { type ShippedLocale, shippedLocale } from "./locales";
import { type MessageOverrides, mergeMessages } from "./merge";
import type { Messages } from "./types";

/** Every shipped catalogue. Server code only: a browser bundle would carry every language. */
export const CATALOGUES: Readonly<Record<ShippedLocale, Messages>> = { en, de };

/**
 * The catalogue for `locale` (its shipped language, else English) with the host's overrides
 * laid over it. Call it on the server (a Server Component) and pass the result to `OrgkitApp`'s
 * `messages`: only the viewer's language then reaches the browser.
 *
 * @param overrides e.g. `{ users: { inviteUser: "Add someone" } }`.
 * @example <OrgkitApp slug={slug} locale="de" messages={messagesFor("de")} />
 */
export function messagesFor(locale: string, overrides?: MessageOverrides): Messages {
  return mergeMessages(CATALOGUES[shippedLocale(locale)], overrides);
}

type Translate = (key: string, values?: object) => string;
const translators = new Map<ShippedLocale, Translate>();

/**
 * One message of a shipped catalogue, formatted (ICU MessageFormat, plurals by the locale).
 * Server code (error messages, emails) uses this; React uses the provider's translator.
 *
 * @example translate("de", "reasons", "RATE_LIMITED"); // "Zu viele Anfragen. Versuchen Sie es später erneut."
 */
export function translate(
  locale: string,
  section: keyof Messages,
  key: string,
  values?: Readonly<Record<string, string | number | Date>>,
): string {
  const shipped = shippedLocale(locale);
  let translator = translators.get(shipped);
  if (!translator) {
    const messages: Record<string, unknown> = CATALOGUES[shipped];
    translator = createTranslator({ locale: shipped, messages }) as unknown as Translate;
    translators.set(shipped, translator);
  }
  return translator(`${section}.${key}`, values);
}
