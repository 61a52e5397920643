import { decideMembership, isPolicyError, PolicyError, reasonMessage } from "@orgkit/core/policy";
import { enforce, readMembership } from "@orgkit/core/server";
import { initTRPC, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { ApiContext } from "./context";
import { type ErrorData, toTrpcError } from "./errors";

const GENERIC_MESSAGES: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: reasonMessage("INPUT_INVALID"),
  PARSE_ERROR: reasonMessage("INPUT_INVALID"),
  UNAUTHORIZED: reasonMessage("UNAUTHENTICATED"),
  NOT_FOUND: reasonMessage("NOT_FOUND"),
  METHOD_NOT_SUPPORTED: "Method not allowed",
  PAYLOAD_TOO_LARGE: "Request body too large",
};

const TEXT_INVALID_MESSAGE = reasonMessage("TEXT_INVALID");

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const policy = isPolicyError(cause) ? cause : null;
    const fieldErrors = cause instanceof z.ZodError ? z.flattenError(cause).fieldErrors : null;
    // Never echo internals: a server fault is reported without its message or stack.
    // Neither the stack nor the requested path (an unknown path is the caller's own input).
    const { stack: _stack, path: _path, ...data } = shape.data;
    // A field refused only for control characters or direction marks (R39) says so.
    const messages = fieldErrors ? Object.values(fieldErrors).flat() : [];
    const textOnly =
      messages.length > 0 && messages.every((message) => message === TEXT_INVALID_MESSAGE);
    const extra: ErrorData = {
      reason: policy?.reason ?? (textOnly ? "TEXT_INVALID" : fieldErrors ? "INPUT_INVALID" : null),
      params: policy?.params ?? null,
      retryAfterSeconds: policy?.retryAfterSeconds ?? null,
      fieldErrors: fieldErrors as Record<string, string[]> | null,
    };
    // R40: only a policy's message reaches the client; any other message (a parse error,
    // a validation issue, an unknown path) could echo the input, so it is replaced.
    return {
      ...shape,
      data: { ...data, ...extra },
      message: policy?.message ?? GENERIC_MESSAGES[error.code] ?? "Something went wrong",
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps every PolicyError to its tRPC code, once, for all procedures. */
const mapPolicyErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isPolicyError(result.error.cause)) throw toTrpcError(result.error.cause);
  return result;
});

/**
 * Every committed mutation queued an email or published an event (each change is audited,
 * and audited changes fan out to event consumers): the outboxes go to the worker after the
 * commit. Queries and refused mutations skip it.
 */
const afterCommit = t.middleware(async ({ type, ctx, next }) => {
  const result = await next();
  if (type === "mutation" && result.ok) ctx.afterCommit();
  return result;
});

export const publicProcedure = t.procedure.use(afterCommit).use(mapPolicyErrors);

/** A signed-in user, from the host's session. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw toTrpcError(new PolicyError("UNAUTHENTICATED"));
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * A signed-in user acting on their organization. The membership is not read here: every
 * service behind these procedures reads the caller's membership in its own snapshot (the
 * organization's lock, or the page's one statement) and its policy refuses anyone who is not
 * an active member, with the same reasons (R4, R25). One statement fewer per call; the
 * authorization table (`test/authorization.test.ts`) holds every procedure to it.
 */
export const orgProcedure = authedProcedure;

/**
 * A signed-in, active member, read before the procedure runs: for the link previews, whose
 * services answer with a decision rather than a refusal (R4, R25).
 */
export const checkedMemberProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const membership = await readMembership(ctx.orgkit, ctx.user.id);
  // The policy's refusal, mapped to its tRPC code by mapPolicyErrors like any other.
  enforce(decideMembership(membership));
  return next();
});
