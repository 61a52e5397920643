import { isOrgkitConfigError } from "@orgkit/core/server";

/** Where orgkit writes server faults: the host's logger (pino, winston, console…). */
export type OrgkitLogger = { error(message: string, fields: Record<string, string>): void };

export const consoleLogger: OrgkitLogger = {
  error: (message, fields) => console.error(`[orgkit] ${message}`, fields),
};

/**
 * R40: a fault as codes only: the procedure, the error's class and, for a database error,
 * its SQLSTATE and constraint. Never a message (drizzle's carries the query and parameters),
 * except an `OrgkitConfigError`'s, which names the setting to fix and nothing personal.
 *
 * @example
 * describeFault("invitations.send", error); // "invitations.send failed", { error: "DrizzleQueryError", sqlstate: "22021" }
 */
export function describeFault(
  path: string | undefined,
  cause: unknown,
): [string, Record<string, string>] {
  const fields: Record<string, string> = {};
  for (let e: unknown = cause; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { name, code, constraint_name } = e as Record<string, unknown>;
    fields.error ??= typeof name === "string" ? name : "Error";
    if (isOrgkitConfigError(e)) fields.message ??= e.message;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) fields.sqlstate = code;
    if (typeof constraint_name === "string") fields.constraint = constraint_name;
  }
  return [`${path ?? "?"} failed`, fields];
}
