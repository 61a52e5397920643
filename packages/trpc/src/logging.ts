import { faultCodes } from "@orgkit/core/server";

/** Where orgkit writes server faults: the host's logger (pino, winston, console…). */
export type OrgkitLogger = { error(message: string, fields: Record<string, string>): void };

export const consoleLogger: OrgkitLogger = {
  error: (message, fields) => console.error(`[orgkit] ${message}`, fields),
};

/**
 * R40: a fault as codes only (`faultCodes` from `@orgkit/core/server`): the procedure, the
 * error's class, a SQLSTATE, constraint or system error code, and an `OrgkitConfigError`'s
 * message, which names the setting to fix.
 *
 * @example
 * describeFault("invitations.send", error); // "invitations.send failed", { error: "DrizzleQueryError", sqlstate: "22021" }
 */
export function describeFault(
  path: string | undefined,
  cause: unknown,
): [string, Record<string, string>] {
  return [`${path ?? "?"} failed`, faultCodes(cause)];
}
