"use client";
import { SHIPPED_LOCALES, type ShippedLocale } from "@orgkit/core/messages";
import { useState } from "react";
import { useShippedLocale, useT } from "../lib/i18n";
import { SelectField } from "./field";

/** Each language in its own words: "English", "Deutsch". */
function nameOf(locale: ShippedLocale): string {
  return new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
}

/**
 * The email language an inviter chose, following the page's own language until they choose
 * one (so switching the page's language before sending switches it too).
 */
export function useEmailLocale() {
  const viewer = useShippedLocale();
  const [chosen, setChosen] = useState<ShippedLocale | null>(null);
  return [chosen ?? viewer, setChosen] as const;
}

/**
 * The language an invitation's emails are written in: the inviter's choice, defaulting to the
 * inviter's own (R14: the email is the invitee's first contact).
 */
export function EmailLanguageField({
  value,
  onChange,
}: {
  value: ShippedLocale;
  onChange: (locale: ShippedLocale) => void;
}) {
  const t = useT("common");
  return (
    <SelectField
      label={t("emailLanguage")}
      name="locale"
      value={value}
      onChange={(event) => onChange(event.target.value as ShippedLocale)}
    >
      {SHIPPED_LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {nameOf(locale)}
        </option>
      ))}
    </SelectField>
  );
}
