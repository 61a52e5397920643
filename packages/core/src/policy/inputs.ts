import { ALLOW, type Decision, deny } from "./decision";

/** The shapes the product accepts, shared by the server's schemas and the UI's forms. */
export const LIMITS = {
  organizationName: { min: 2, max: 64 },
  username: { min: 3, max: 32, pattern: /^[a-z0-9._-]+$/ },
  email: { max: 254 },
} as const;

// Practical address check: one @, a dot in the domain, no spaces (R9).
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trims, then checks the length rule of R5. */
export function normalizeOrganizationName(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}

export function checkOrganizationName(name: string): Decision {
  const { min, max } = LIMITS.organizationName;
  return name.length >= min && name.length <= max ? ALLOW : deny("ORGANIZATION_NAME_INVALID");
}

/** Emails are stored trimmed and in lower case, as Auth.js looks them up (R9). */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The case-insensitive key an email is compared by (R9). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(email: string): Decision {
  return email.length <= LIMITS.email.max && EMAIL_PATTERN.test(email)
    ? ALLOW
    : deny("EMAIL_INVALID");
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
