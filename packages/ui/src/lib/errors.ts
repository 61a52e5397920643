import { type Decision, isReasonCode, type ReasonCode, reasonMessage } from "@orgkit/core/policy";
import { TRPCClientError } from "@trpc/client";

/** The reason code the server gave, if the error is a policy refusal. */
export function reasonOf(error: unknown): ReasonCode | null {
  if (!(error instanceof TRPCClientError)) return null;
  const reason: unknown = error.data?.reason;
  return isReasonCode(reason) ? reason : null;
}

/** A message for a person: the guide's words for a refusal, a plain sentence otherwise. */
export function messageOf(error: unknown): string {
  const reason = reasonOf(error);
  // The route handler's body cap (R37) answers 413 before tRPC reads the request.
  if (!reason && httpStatusOf(error) === 413) return "Too much at once: send it in smaller parts";
  if (!reason) return "Something went wrong. Try again.";
  // The numbers a reason names ("Seat limit reached: 20 of 20 seats used") ride with it.
  const params: unknown = error instanceof TRPCClientError ? error.data?.params : null;
  return reasonMessage(reason, isParams(params) ? params : undefined);
}

/** The message of a refusal the server decided, or null when allowed. */
export function decisionMessage(decision: Decision): string | null {
  return decision.allowed ? null : reasonMessage(decision.reason, decision.params);
}

/**
 * The fields a refusal names: the schema's field errors (R35, R39) as the server listed them,
 * e.g. `{ username: ["…"] }`; empty for other errors.
 */
export function fieldsOf(error: unknown): string[] {
  if (!(error instanceof TRPCClientError)) return [];
  const fields: unknown = error.data?.fieldErrors;
  return fields && typeof fields === "object" ? Object.keys(fields) : [];
}

function isParams(value: unknown): value is Record<string, number | string> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => typeof v === "number" || typeof v === "string")
  );
}

function httpStatusOf(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const status: unknown = (error.meta as { response?: { status?: unknown } } | undefined)?.response
    ?.status;
  return typeof status === "number" ? status : null;
}
