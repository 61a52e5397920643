import { describe, expect, it } from "vitest";
import {
  checkOrganizationName,
  checkText,
  normalizeIdentifier,
  normalizeOrganizationName,
  organizationNameKey,
} from "../../src/policy";

describe("R39 text input", () => {
  it("R39 refuses C0 and C1 controls, lone surrogates and direction overrides", () => {
    const refused = [
      "a\u0000b",
      "tab\there",
      "line\nbreak",
      "del\u007f",
      "c1\u0085",
      "c1\u009f",
      "\ud800lone",
      "lone\udfff",
      "evil\u202etxt.exe",
      "iso\u2066late\u2069",
    ];
    for (const value of refused)
      expect(checkText(value)).toEqual({ allowed: false, reason: "TEXT_INVALID" });
    // Controls beside them: ordinary text, accents, emoji (a valid surrogate pair), NBSP.
    for (const value of ["Acme", "Ärzte X", "日本", "team 🚀", "a\u00a0b", "right\u200fmark"])
      expect(checkText(value).allowed).toBe(true);
  });

  it("R39 names that look identical share one key: composed and decomposed, case, width, zero-width", () => {
    const key = organizationNameKey("Ärzte X");
    for (const same of [
      "A\u0308rzte X",
      "ärzte x",
      "ÄRZTE  X",
      " Ärzte\u200b X ",
      "Ａｒｚｔｅ X".replace("Ａ", "Ä"),
    ])
      expect(organizationNameKey(same)).toBe(key);
    expect(organizationNameKey("Straße")).toBe(organizationNameKey("STRASSE"));
    // Different names stay different.
    expect(organizationNameKey("Arzte X")).not.toBe(key);
    expect(organizationNameKey("Ärzte Y")).not.toBe(key);
  });

  it("R5 R39 a name made only of invisible characters is too short, and a control character is refused", () => {
    expect(checkOrganizationName(normalizeOrganizationName("\u200b\u200b\u200b")).allowed).toBe(
      false,
    );
    expect(checkOrganizationName("Ac\u0000me")).toEqual({ allowed: false, reason: "TEXT_INVALID" });
    expect(checkOrganizationName(normalizeOrganizationName("  Acme   Labs "))).toEqual({
      allowed: true,
    });
    expect(normalizeOrganizationName("  A\u0308rzte   X ")).toBe("Ärzte X");
    expect(normalizeOrganizationName("Ac\uFEFFme")).toBe("Acme");
  });

  it("R39 normalizeIdentifier trims and lower-cases a valid address and throws on anything else", () => {
    expect(normalizeIdentifier("  Ana@Example.TEST ")).toBe("ana@example.test");
    for (const bad of ["jose\u0301@example.test", "a\u0000@b.de", "not an email", "a@b.de\u202e"])
      expect(() => normalizeIdentifier(bad)).toThrow("Enter a valid email address");
  });
});
