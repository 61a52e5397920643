import { type OrgkitContext, type RequestContext, withRequestContext } from "@orgkit/core/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { ApiContext, GetSessionUser } from "./context";
import {
  API_HEADERS,
  crossSite,
  type EdgeLimits,
  procedureCount,
  publicOrigins,
  readCapped,
  refuse,
} from "./edge";
import { consoleLogger, describeFault, type OrgkitLogger } from "./logging";
import { type AppRouter, appRouter } from "./router";

export type OrgkitHandlerOptions = {
  /** orgkit's context; a promise is awaited once per request (for a lazily opened database). */
  orgkit: OrgkitContext | (() => Promise<OrgkitContext>);
  /** The signed-in user of a request, e.g. `fromNextAuth(auth)`. */
  getUser: GetSessionUser;
  /** Where the router is mounted. Default `/api/trpc`. */
  endpoint?: string;
  /** Runs after each committed mutation, e.g. `worker.kick`. */
  afterCommit?: () => void;
  /** Signs in a person who just accepted an invitation; returns the URL to send them to. */
  signInAfterAccept: ApiContext["signInAfterAccept"];
  /**
   * Records each audit event's actor IP address and user agent (R32), off by default: return
   * them from the request as your proxy reports them, e.g.
   * `(request) => ({ ip: request.headers.get("x-real-ip"), userAgent: request.headers.get("user-agent") })`.
   */
  auditRequestContext?: (request: Request) => RequestContext;
  /** Most procedures one batched request may call, however the path is encoded. Default 10. */
  maxBatchSize?: number;
  /** Largest accepted body in bytes, counted as read (chunked bodies too). Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * The app's public origins, compared with `Origin` when a browser sends no
   * `Sec-Fetch-Site` (R37). Default: `APP_URL`'s origin, else the request URL's.
   */
  allowedOrigins?: string[];
  /** Where server faults are logged, as code and message only (R40). Default: console. */
  logger?: OrgkitLogger;
};

/** Refusals made before tRPC sees the request; the body, read within its cap, is passed on. */
async function screen(
  request: Request,
  endpoint: string,
  limits: EdgeLimits,
): Promise<Response | Request> {
  const count = procedureCount(new URL(request.url).pathname, endpoint);
  if (count === null) return refuse(400, "The request is not valid");
  if (count > limits.maxBatchSize) return refuse(413, "Too many procedures in one batch");
  if (request.method !== "POST") return request;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return refuse(415, "Mutations accept application/json only");
  if (crossSite(request, limits.allowedOrigins)) {
    return refuse(403, "Cross-site requests are refused");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limits.maxBodyBytes) return refuse(413, "Request body too large");
  const body = await readCapped(request, limits.maxBodyBytes);
  if (body === null) return refuse(413, "Request body too large");
  return new Request(request.url, { method: "POST", headers: request.headers, body });
}

/**
 * The route handler a host exports from `app/api/trpc/[trpc]/route.ts`.
 *
 * @example
 * export const { GET, POST } = createOrgkitHandler({ orgkit, getUser: fromNextAuth(auth), signInAfterAccept });
 */
export function createOrgkitHandler(options: OrgkitHandlerOptions) {
  const router: AppRouter = appRouter;
  const endpoint = options.endpoint ?? "/api/trpc";
  const logger = options.logger ?? consoleLogger;
  async function orgkitFor(request: Request): Promise<OrgkitContext> {
    const ctx = typeof options.orgkit === "function" ? await options.orgkit() : options.orgkit;
    return options.auditRequestContext
      ? withRequestContext(ctx, options.auditRequestContext(request))
      : ctx;
  }
  async function handle(incoming: Request): Promise<Response> {
    const request = await screen(incoming, endpoint, {
      allowedOrigins: publicOrigins(options.allowedOrigins, incoming),
      maxBatchSize: options.maxBatchSize ?? 10,
      maxBodyBytes: options.maxBodyBytes ?? 65_536,
    });
    if (request instanceof Response) return request;
    const response = await fetchRequestHandler({
      endpoint,
      req: request,
      router,
      allowMethodOverride: false,
      createContext: async (): Promise<ApiContext> => ({
        orgkit: await orgkitFor(request),
        user: await options.getUser(request),
        afterCommit: options.afterCommit ?? (() => {}),
        signInAfterAccept: options.signInAfterAccept,
      }),
      responseMeta({ errors }) {
        const limited = errors.find((error) => error.code === "TOO_MANY_REQUESTS");
        const cause = limited?.cause as { retryAfterSeconds?: number } | undefined;
        const headers = new Headers(API_HEADERS);
        if (cause?.retryAfterSeconds) headers.set("Retry-After", String(cause.retryAfterSeconds));
        return { headers };
      },
      onError({ error, path }) {
        // R33, R40: inputs hold tokens and emails, and a database error's message carries the
        // query and its parameters: only codes are logged.
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error(...describeFault(path, error.cause));
      },
    });
    return response;
  }
  return { GET: handle, POST: handle };
}
export { createAuditExportHandler } from "./audit-export";
export { fromNextAuth } from "./context";
