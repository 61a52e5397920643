import type { ReasonCode } from "./reasons";

/** The answer of a rule: allowed, or refused with a reason code. */
export type Decision = { allowed: true } | { allowed: false; reason: ReasonCode };

export const ALLOW: Decision = Object.freeze({ allowed: true });

export function deny(reason: ReasonCode): Decision {
  return { allowed: false, reason };
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
