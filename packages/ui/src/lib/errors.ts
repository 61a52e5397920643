import { en } from "@orgkit/core/messages";
import { type Decision, isReasonCode, type ReasonCode } from "@orgkit/core/policy";
import { TRPCClientError } from "@trpc/client";
import { useMemo } from "react";
import { createTranslator } from "use-intl/core";
import { useT } from "./i18n";

/** The reason code the server gave, if the error is a policy refusal. */
export function reasonOf(error: unknown): ReasonCode | null {
  if (!(error instanceof TRPCClientError)) return null;
  const reason: unknown = error.data?.reason;
  return isReasonCode(reason) ? reason : null;
}

// English only: the browser bundle carries no other catalogue (see `LocaleProps.messages`).
const english = createTranslator({ locale: "en", messages: en });

/**
 * A message for a person, in the guide's English words: a refusal's reason, a plain sentence
 * otherwise. Inside orgkit's provider, `useErrorMessages` speaks the viewer's language.
 * @example messageOf(error); // "Admin access required"
 */
export function messageOf(error: unknown): string {
  const reason = reasonOf(error);
  if (reason) return english(`reasons.${reason}`, paramsOf(error) as never);
  return english(`common.${fallbackOf(error)}`);
}

/** The English message of a refusal the server decided, or null when allowed. */
export function decisionMessage(decision: Decision): string | null {
  return decision.allowed ? null : english(`reasons.${decision.reason}`, decision.params as never);
}

/**
 * `messageOf` and `decisionMessage` in the viewer's locale, with the host's overrides.
 * @example const { messageOf } = useErrorMessages(); toast.error(messageOf(error));
 */
export function useErrorMessages() {
  const t = useT("reasons");
  const common = useT("common");
  return useMemo(
    () => ({
      messageOf: (error: unknown): string => {
        const reason = reasonOf(error);
        return reason ? t(reason, paramsOf(error) as never) : common(fallbackOf(error));
      },
      decisionMessage: (decision: Decision): string | null =>
        decision.allowed ? null : t(decision.reason, decision.params as never),
    }),
    [t, common],
  );
}

/** The message for an error that is not a refusal. */
function fallbackOf(error: unknown): "requestTooLarge" | "somethingWentWrong" {
  // The route handler's body cap (R37) answers 413 before tRPC reads the request.
  return httpStatusOf(error) === 413 ? "requestTooLarge" : "somethingWentWrong";
}

/** The numbers a reason names ("Seat limit reached: 20 of 20 seats used") ride with it. */
export function paramsOf(error: unknown): Record<string, number | string> | undefined {
  const params: unknown = error instanceof TRPCClientError ? error.data?.params : null;
  return isParams(params) ? params : undefined;
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
