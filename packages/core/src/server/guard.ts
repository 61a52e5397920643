import { type Decision, PolicyError, type ReasonCode } from "../policy";

/** Turns a refusal into a PolicyError; the server's only way to say no. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw new PolicyError(decision.reason, { params: decision.params });
}

/** The constraint a unique violation hit, whichever driver raised it (walks `cause`). */
export function violatedConstraint(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = e as Record<string, unknown>;
    if (code === "23505") return String(constraint_name ?? constraint ?? "");
  }
  return null;
}

/**
 * Maps a unique violation of a named constraint to the rule it backs: the database
 * is the second line of defence when two requests pass the policy at once.
 */
export async function mapConflicts<T>(
  work: () => Promise<T>,
  reasons: Readonly<Record<string, ReasonCode>>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = violatedConstraint(error);
    const reason = constraint === null ? undefined : reasons[constraint];
    if (reason) throw new PolicyError(reason);
    throw error;
  }
}
