import { isOrgkitConfigError } from "./config-error";

/**
 * R40: a fault as codes only, safe for any log: the error's class, and from its cause chain a
 * PostgreSQL SQLSTATE, a constraint name and a system error code (`ECONNREFUSED`). Never a
 * message (a driver's carries the query and its parameters: addresses, tokens), except an
 * `OrgkitConfigError`'s, which names the setting to fix and nothing personal.
 *
 * @example
 * faultCodes(error); // { error: "DrizzleQueryError", sqlstate: "23505", constraint: "members_one_owner" }
 */
export function faultCodes(cause: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let e: unknown = cause; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { name, code, constraint_name } = e as Record<string, unknown>;
    fields.error ??= typeof name === "string" ? name : "Error";
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) fields.sqlstate ??= code;
    else if (typeof code === "string" && /^E[A-Z_]{2,30}$/.test(code)) fields.code ??= code;
    if (typeof constraint_name === "string") fields.constraint ??= constraint_name;
    if (isOrgkitConfigError(e)) fields.message ??= e.message;
  }
  return fields;
}

/**
 * {@link faultCodes} as one line, e.g. for a database column or a plain-text log.
 *
 * @example faultSummary(error); // "DrizzleQueryError sqlstate=42P01"
 */
export function faultSummary(cause: unknown): string {
  const { error = "Error", ...rest } = faultCodes(cause);
  return [error, ...Object.entries(rest).map(([key, value]) => `${key}=${value}`)].join(" ");
}

/**
 * Whether an error's message may quote data: a driver's query error (query and parameters)
 * anywhere in its cause chain.
 */
export function quotesData(cause: unknown): boolean {
  for (let e: unknown = cause; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ("query" in e || "params" in e || "parameters" in e) return true;
  }
  return false;
}

/**
 * What a delivery's `last_error` column keeps: the error's message, cut to 500 characters,
 * unless it may quote data (a driver's query error), then only its codes.
 *
 * @example failureNote(new Error("the endpoint answered 503")); // "the endpoint answered 503"
 */
export function failureNote(error: unknown): string {
  if (quotesData(error)) return faultSummary(error);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
