/** The locales orgkit ships complete: English (the guide's words) and German. */
export const SHIPPED_LOCALES = ["en", "de"] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/**
 * The shipped locale for a BCP 47 tag: its language if shipped, else English.
 * @example shippedLocale("de-CH"); // "de"
 * @example shippedLocale("fr"); // "en"
 */
export function shippedLocale(locale: string | null | undefined): ShippedLocale {
  const language = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return (SHIPPED_LOCALES as readonly string[]).includes(language ?? "")
    ? (language as ShippedLocale)
    : "en";
}
