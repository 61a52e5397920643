import { describe, expect, it, vi } from "vitest";
import { validLocale, validTimeZone } from "../src/lib/i18n";

describe("Locales: what a host passes is made safe for Intl", () => {
  it("a tag with an underscore or an Accept-Language value becomes a tag; a valid tag is kept", () => {
    expect(validLocale("de_DE")).toBe("de-DE");
    expect(validLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(validLocale("de-CH")).toBe("de-CH");
    expect(validLocale("en")).toBe("en");
  });

  it("a value that is no tag shows English and warns the host, instead of throwing from every date", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(validLocale("not a locale!")).toBe("en");
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("an unknown time zone falls back to the browser's, with a warning; a known one is kept", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(validTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(warn).not.toHaveBeenCalled();
    const fallback = validTimeZone("Mars/Olympus");
    expect(fallback).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
