import { ALLOW, type Decision, deny } from "./decision";
import { reasonMessage } from "./reasons";

/** The shapes the product accepts, shared by the server's schemas and the UI's forms. */
export const LIMITS = {
  organizationName: { min: 2, max: 64 },
  username: { min: 3, max: 32, pattern: /^[a-z0-9._-]+$/ },
  email: { max: 254 },
} as const;

/**
 * R39: characters no text field accepts: C0 and C1 controls (U+0000–U+001F, U+007F–U+009F),
 * lone surrogates and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which can make a name or address read differently from what it is.
 */
const FORBIDDEN_TEXT = /[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069]/u;

/**
 * R39: may this string reach the database? Applies to every string of every procedure.
 *
 * @example
 * checkText("Acme").allowed; // true
 * checkText("Ac\u0000me"); // { allowed: false, reason: "TEXT_INVALID", … }
 */
export function checkText(value: string): Decision {
  return FORBIDDEN_TEXT.test(value) ? deny("TEXT_INVALID") : ALLOW;
}

/**
 * The canonical key organization names are compared by (R39): NFKC, case-folded (through
 * upper case, so "ß" meets "SS"), default-ignorable code points (zero-width spaces, joiners,
 * variation selectors) removed, white space collapsed.
 *
 * @example
 * organizationNameKey("Ärzte X") === organizationNameKey("A\u0308rzte  x"); // true
 */
export function organizationNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .toUpperCase()
    .toLowerCase()
    .normalize("NFKC")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Trims and collapses white space, in NFC; the name is shown as typed otherwise (R5). */
export function normalizeOrganizationName(raw: string): string {
  // U+FEFF (a byte-order mark) counts as white space in JavaScript: drop it, never show it.
  return raw
    .normalize("NFC")
    .replace(/\uFEFF/gu, "")
    .trim()
    .replace(/\s+/gu, " ");
}

export function checkOrganizationName(name: string): Decision {
  if (!checkText(name).allowed) return deny("TEXT_INVALID");
  const { min, max } = LIMITS.organizationName;
  const length = [...organizationNameKey(name)].length;
  return length >= min && [...name].length <= max ? ALLOW : deny("ORGANIZATION_NAME_INVALID");
}

/**
 * A valid e-mail address as the WHATWG HTML standard defines it for `<input type=email>`:
 * ASCII only, so an address cannot be typed in two ways that look alike (R39).
 */
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Emails are stored trimmed and in lower case (R9, R39). The host's sign-in must store and look
 * up addresses the same way: see `normalizeIdentifier`.
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkEmail(email: string): Decision {
  return email.length <= LIMITS.email.max && EMAIL_PATTERN.test(email)
    ? ALLOW
    : deny("EMAIL_INVALID");
}

/**
 * R39: the one normalizer for sign-in identifiers. Hand it to Auth.js's email provider
 * (`normalizeIdentifier`) so that invite, accept and sign-in always meet the same account.
 * Returns the address trimmed and in lower case.
 *
 * @throws Error("Enter a valid email address") when the address is not valid per WHATWG.
 * @example
 * Resend({ normalizeIdentifier, … }); // or { id: "email", type: "email", normalizeIdentifier, … }
 * normalizeIdentifier("  Ana@Example.TEST "); // "ana@example.test"
 */
export function normalizeIdentifier(identifier: string): string {
  const email = normalizeEmail(identifier);
  const decision = checkEmail(email);
  if (!decision.allowed) throw new Error(reasonMessage(decision.reason));
  return email;
}

/** Usernames are compared without regard to case, so they are stored in lower case (R10). */
export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkUsername(username: string): Decision {
  const { min, max, pattern } = LIMITS.username;
  return username.length >= min && username.length <= max && pattern.test(username)
    ? ALLOW
    : deny("USERNAME_INVALID");
}

/**
 * Counts of members and invitations stop at this many: past it a list says "10,000+", so a
 * page costs the same for 1,000 members as for 1,000,000. A count above the cap (the
 * database returns `COUNT_CAP + 1`) means "more than COUNT_CAP".
 *
 * @example formatCount(10_001); // "10,000+"
 */
export const COUNT_CAP = 10_000;

/**
 * A count as a person reads it, in the given locale (default English): `"1,234"`, or
 * `"10,000+"` past {@link COUNT_CAP}.
 *
 * @example formatCount(52); // "52"
 */
export function formatCount(count: number, locale = "en-US"): string {
  const shown = new Intl.NumberFormat(locale).format(Math.min(count, COUNT_CAP));
  return count > COUNT_CAP ? `${shown}+` : shown;
}
