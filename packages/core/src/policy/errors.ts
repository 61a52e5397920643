import { REASONS, type ReasonCode } from "./reasons";

/** A refusal by the policy, carrying its reason code. Transports map it once. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
  readonly reason: ReasonCode;
  /** Seconds to wait, for RATE_LIMITED. */
  readonly retryAfterSeconds: number | undefined;

  constructor(reason: ReasonCode, options: { retryAfterSeconds?: number } = {}) {
    super(REASONS[reason].message);
    this.reason = reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isPolicyError(error: unknown): error is PolicyError {
  return error instanceof PolicyError;
}
