import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import {
  CATALOGUES,
  de,
  en,
  messagesFor,
  SHIPPED_LOCALES,
  shippedLocale,
  translate,
} from "../../src/messages";
import { REASONS, reasonMessage } from "../../src/policy";

/** Every message of a catalogue by its dotted key. */
function leaves(catalogue: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) found.set(k, v);
  }
  return found;
}

/**
 * A message's argument names and tags, sorted: what a translation must keep. The kind may
 * differ (German may need a plural where English needs none), the names may not.
 */
function signature(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        walk(element.children);
        continue;
      }
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const english = leaves(en);

describe("message catalogues", () => {
  it.each(SHIPPED_LOCALES.filter((l) => l !== "en"))(
    "every English key exists in %s, and nothing else",
    (locale) => {
      const translated = leaves(CATALOGUES[locale]);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    },
  );

  it.each(SHIPPED_LOCALES.filter((l) => l !== "en"))(
    "every %s message has English's placeholders and tags, no more, no fewer",
    (locale) => {
      const translated = leaves(CATALOGUES[locale]);
      const differing = [...english].filter(
        ([key, message]) =>
          JSON.stringify(signature(message)) !==
          JSON.stringify(signature(translated.get(key) ?? "")),
      );
      expect(differing.map(([key]) => key)).toEqual([]);
    },
  );

  it("every message of every shipped locale parses as ICU MessageFormat and is not empty", () => {
    for (const locale of SHIPPED_LOCALES) {
      for (const [key, message] of leaves(CATALOGUES[locale])) {
        expect(() => parse(message), `${locale} ${key}`).not.toThrow();
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("the parity check itself sees a missing placeholder (positive control)", () => {
    expect(
      signature("Seat limit reached: {used} of {limit, plural, one {# seat} other {# seats}}"),
    ).toEqual(["limit", "used"]);
    expect(signature("Platzlimit erreicht: {limit} Plätze")).not.toEqual(
      signature("Seat limit reached: {used} of {limit, plural, one {# seat} other {# seats}}"),
    );
  });

  it("every reason code has a message in every shipped locale", () => {
    for (const locale of SHIPPED_LOCALES) {
      expect(Object.keys(CATALOGUES[locale].reasons).sort()).toEqual(Object.keys(REASONS).sort());
    }
  });
});

describe("locales", () => {
  it("a region falls back to its language; an unshipped language to English", () => {
    expect(shippedLocale("de-CH")).toBe("de");
    expect(shippedLocale("DE_at")).toBe("de");
    expect(shippedLocale("en-US")).toBe("en");
    expect(shippedLocale("fr")).toBe("en");
    expect(shippedLocale(undefined)).toBe("en");
  });

  it("reasons keep the guide's English words and read German with plurals", () => {
    expect(reasonMessage("SEAT_LIMIT_REACHED", { used: 20, limit: 20 })).toBe(
      "Seat limit reached: 20 of 20 seats used",
    );
    expect(reasonMessage("SEAT_LIMIT_REACHED", { used: 1, limit: 1 })).toBe(
      "Seat limit reached: 1 of 1 seat used",
    );
    expect(reasonMessage("SEAT_LIMIT_REACHED", { used: 20, limit: 20 }, "de-DE")).toBe(
      "Platzlimit erreicht: 20 von 20 Plätzen belegt",
    );
    expect(reasonMessage("SEAT_LIMIT_REACHED", { used: 1, limit: 1 }, "de")).toBe(
      "Platzlimit erreicht: 1 von 1 Platz belegt",
    );
    expect(reasonMessage("BULK_RATE_LIMITED", { available: 1 }, "de")).toContain("1 kann jetzt");
    expect(reasonMessage("BULK_RATE_LIMITED", { available: 3 }, "de")).toContain("3 können jetzt");
    expect(reasonMessage("ADMIN_ACCESS_REQUIRED", undefined, "fr")).toBe("Admin access required");
  });

  it("a host's overrides replace only the messages they name", () => {
    const messages = messagesFor("de", { common: { loading: "Einen Moment…" } });
    expect(messages.common.loading).toBe("Einen Moment…");
    expect(messages.common.cancel).toBe(de.common.cancel);
    expect(messages.reasons).toBe(de.reasons);
    // Without overrides the shipped catalogue itself, unchanged.
    expect(messagesFor("en")).toBe(en);
    expect(translate("en", "common", "pageTitles.users")).toBe("User management");
    // Nested keys merge one by one: overriding one page title keeps the others.
    const titled = messagesFor("en", { common: { pageTitles: { notFound: "Gone" } } });
    expect(titled.common.pageTitles.notFound).toBe("Gone");
    expect(titled.common.pageTitles.users).toBe("User management");
    // A key the catalogue does not have, or a value of the wrong shape, changes nothing.
    const stray = messagesFor("en", { common: { loading: { deep: "x" } } } as never);
    expect(stray.common.loading).toBe("Loading…");
  });
});
