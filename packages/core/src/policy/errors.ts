import type { ReasonParams } from "./decision";
import { type ReasonCode, reasonMessage } from "./reasons";

/** A refusal by the policy, carrying its reason code. Transports map it once. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
  readonly reason: ReasonCode;
  /** Seconds to wait, for RATE_LIMITED. */
  readonly retryAfterSeconds: number | undefined;

  /** The values its message names, e.g. `{ used, limit }`. */
  readonly params: ReasonParams | undefined;

  constructor(
    reason: ReasonCode,
    options: { retryAfterSeconds?: number; params?: ReasonParams } = {},
  ) {
    super(reasonMessage(reason, options.params));
    this.reason = reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.params = options.params;
  }
}

export function isPolicyError(error: unknown): error is PolicyError {
  return error instanceof PolicyError;
}
