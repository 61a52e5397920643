"use client";
import {
  type EnglishMessages,
  en,
  type MessageOverrides,
  mergeMessages,
  type ShippedLocale,
  shippedLocale,
} from "@orgkit/core/messages";
import { type ReactNode, useMemo } from "react";
import { IntlProvider, useLocale, useTimeZone, useTranslations } from "use-intl";
import type { _Translator as Translator } from "use-intl/core";

export type LocaleProps = {
  /**
   * The viewer's language as a BCP 47 tag, e.g. `"de"` or `"de-CH"`: it picks plural rules and
   * date formats. Default `"en"`.
   */
  locale?: string;
  /**
   * The words, laid over English key by key: a shipped catalogue from `messagesFor(locale)`
   * (called in a Server Component, so only this language reaches the browser), a host's own
   * translation, or a few overrides such as `{ users: { inviteUser: "Add someone" } }`.
   * Default: English, the guide's words.
   */
  messages?: MessageOverrides;
  /** The viewer's IANA time zone, e.g. `"Europe/Berlin"`. Default: the browser's. */
  timeZone?: string;
};

/** Dates are shown in the viewer's own zone: the browser's unless the host names one. */
function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * A tag Intl accepts: `de_DE` becomes `de-DE`, an Accept-Language value its first language; one
 * that is still not a tag is English, with a warning for the host (a wrong tag would otherwise
 * throw from every date and plural).
 */
export function validLocale(tag: string): string {
  const first = tag.split(",")[0]?.split(";")[0]?.trim().replace(/_/g, "-") ?? "";
  try {
    return Intl.getCanonicalLocales(first)[0] ?? "en";
  } catch {
    console.warn(`orgkit: locale "${tag}" is not a BCP 47 tag; showing English`);
    return "en";
  }
}

/** An IANA zone Intl knows, else the browser's, with a warning for the host. */
export function validTimeZone(zone: string | undefined): string {
  if (!zone) return viewerTimeZone();
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    console.warn(`orgkit: time zone "${zone}" is not an IANA zone; showing the browser's`);
    return viewerTimeZone();
  }
}

/** The catalogue, locale and time zone for every orgkit component under it. */
export function OrgkitIntl({
  locale: given = "en",
  messages,
  timeZone,
  children,
}: LocaleProps & { children: ReactNode }) {
  const locale = useMemo(() => validLocale(given), [given]);
  const catalogue = useMemo(() => mergeMessages(en, messages), [messages]);
  if (process.env.NODE_ENV !== "production" && !messages && shippedLocale(locale) !== "en") {
    console.warn(
      `orgkit: locale "${locale}" without messages shows English words; pass messagesFor("${locale}") from a Server Component`,
    );
  }
  const zone = useMemo(() => validTimeZone(timeZone), [timeZone]);
  return (
    <IntlProvider locale={locale} messages={catalogue} timeZone={zone}>
      {children}
    </IntlProvider>
  );
}

type Section = keyof EnglishMessages;

/**
 * The translator for one section of the catalogue, typed by English's messages: a key that does
 * not exist, or a missing `{placeholder}` value, fails to compile.
 * @example const t = useT("users"); t("seats", { used: 12, limit: 20 });
 */
export function useT<S extends Section>(section: S): Translator<EnglishMessages, S> {
  return useTranslations(section) as unknown as Translator<EnglishMessages, S>;
}

/** The shipped locale emails can be written in that matches the viewer's, e.g. `"de"` for `de-AT`. */
export function useShippedLocale(): ShippedLocale {
  return shippedLocale(useLocale());
}

/** Exact and relative dates in the viewer's locale and time zone. */
export function useDates() {
  // orgkit's English writes dates day first, as the guide does; "en-US" asks for month first.
  const tag = useLocale();
  const locale = tag === "en" ? "en-GB" : tag;
  const timeZone = useTimeZone();
  return useMemo(() => {
    const exact = new Intl.DateTimeFormat(locale, {
      // dateStyle cannot be combined with timeZoneName: name each part instead.
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return {
      /** "4 Dec 2026, 09:00 CET"; "4. Dez. 2026, 09:00 MEZ". */
      exact: (date: Date) => exact.format(date),
      /** "in 7 days", "2 hours ago", "now"; "in 7 Tagen", "vor 2 Stunden", "jetzt". */
      relative: (date: Date, now: Date = new Date()) => {
        const diff = date.getTime() - now.getTime();
        const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ["second", 0];
        return relative.format(ms ? Math.round(diff / ms) : 0, unit);
      },
    };
  }, [locale, timeZone]);
}

const UNITS = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
] as const;
