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
  // The most preferred language orgkit ships, by the browser's weights (q=0 means "not this").
  const accepted = ((await headers()).get("accept-language") ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = options.find((o) => o.trim().startsWith("q="));
      return {
        language: tag.split("-")[0]?.toLowerCase() ?? "",
        q: q ? Number(q.split("=")[1]) : 1,
      };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { language } of accepted) {
    if ((SHIPPED_LOCALES as readonly string[]).includes(language)) return shippedLocale(language);
  }
  return "en";
}
