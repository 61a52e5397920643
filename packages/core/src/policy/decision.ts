import type { ReasonCode } from "./reasons";

/** The answer of a rule: allowed, or refused with a reason code. */
/** Values a reason's message names, e.g. `{ used: 20, limit: 20 }` for SEAT_LIMIT_REACHED. */
export type ReasonParams = Readonly<Record<string, number | string>>;

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: ReasonCode; params?: ReasonParams };

export const ALLOW: Decision = Object.freeze({ allowed: true });

export function deny(reason: ReasonCode, params?: ReasonParams): Decision {
  return params ? { allowed: false, reason, params } : { allowed: false, reason };
}

/** A named guardrail over a plain snapshot. */
export type Rule<S> = (snapshot: S) => Decision;

/** An action is the ordered list of its rules: the first refusal wins. */
export function decide<S>(rules: readonly Rule<S>[], snapshot: S): Decision {
  for (const rule of rules) {
    const decision = rule(snapshot);
    if (!decision.allowed) return decision;
  }
  return ALLOW;
}
