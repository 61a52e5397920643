import { SHIPPED_LOCALES, type ShippedLocale, shippedLocale } from "@orgkit/core/messages";
import { cookies, headers } from "next/headers";

/** The cookie the header's language switch sets. */
export const LOCALE_COOKIE = "locale";

/**
 * The viewer's language: the one they chose in the header, else the browser's first shipped
 * language (Accept-Language), else English.
 */
export async function viewerLocale(): Promise<ShippedLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen && (SHIPPED_LOCALES as readonly string[]).includes(chosen)) {
    return chosen as ShippedLocale;
  }
  // The browser lists languages by preference; the first one orgkit ships wins.
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const language = part.split(";")[0]?.trim().split("-")[0]?.toLowerCase() ?? "";
    if ((SHIPPED_LOCALES as readonly string[]).includes(language)) return shippedLocale(language);
  }
  return "en";
}
