/**
 * "Friday, 4 December 2026 at 09:00 UTC": a date and time with its time zone, in the email's
 * language ("Freitag, 4. Dezember 2026 um 09:00 UTC").
 */
export function formatDateTime(value: Date | string, timeZone = "UTC", locale = "en"): string {
  return new Intl.DateTimeFormat(dateLocale(locale), {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  })
    .format(new Date(value))
    .concat(` ${timeZoneLabel(new Date(value), timeZone, locale)}`);
}

/** orgkit's English writes dates day first, as the guide does. */
function dateLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

function timeZoneLabel(date: Date, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(dateLocale(locale), {
    timeZone,
    timeZoneName: "short",
  }).formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** A link under the host's configured base URL, never the request's Host header. */
export function linkTo(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
