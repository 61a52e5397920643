import {
  isPolicyError,
  REASONS,
  type ReasonCode,
  type ReasonKind,
  type ReasonParams,
} from "@orgkit/core/policy";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";

/** The one place a policy refusal becomes a transport error. */
export const TRPC_CODE: Record<ReasonKind, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  invalid: "BAD_REQUEST",
  conflict: "CONFLICT",
  precondition: "PRECONDITION_FAILED",
  gone: "PRECONDITION_FAILED",
  rate_limited: "TOO_MANY_REQUESTS",
};

export function toTrpcError(error: unknown): unknown {
  if (!isPolicyError(error)) return error;
  return new TRPCError({
    code: TRPC_CODE[REASONS[error.reason].kind],
    message: error.message,
    cause: error,
  });
}

/** What a client reads to match on codes, not prose. */
export type ErrorData = {
  reason: ReasonCode | null;
  /** The values the reason's message names (counts, never input), e.g. `{ used, limit }`. */
  params: ReasonParams | null;
  retryAfterSeconds: number | null;
  fieldErrors: Record<string, string[]> | null;
};
