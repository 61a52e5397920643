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

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const policy = isPolicyError(cause) ? cause : null;
    const fieldErrors = cause instanceof z.ZodError ? z.flattenError(cause).fieldErrors : null;
    // Never echo internals: a server fault is reported without its message or stack.
    // Neither the stack nor the requested path (an unknown path is the caller's own input).
    const { stack: _stack, path: _path, ...data } = shape.data;
    const extra: ErrorData = {
      reason: policy?.reason ?? (fieldErrors ? "INPUT_INVALID" : null),
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
 * A signed-in, active member: the membership is read from the database on every call,
 * so a removed member's next request is refused (R4, R25).
 */
export const orgProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const membership = await readMembership(ctx.orgkit, ctx.user.id);
  // The policy's refusal, mapped to its tRPC code by mapPolicyErrors like any other.
  enforce(decideMembership(membership));
  if (!membership) throw new Error("orgkit: unreachable, the policy requires a member");
  return next({ ctx: { ...ctx, membership } });
});
