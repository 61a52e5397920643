import type { OrgkitContext } from "@orgkit/core/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { ApiContext, GetSessionUser } from "./context";
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
  /** Most procedures one batched request may call. Default 10. */
  maxBatchSize?: number;
  /** Largest accepted body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
};

const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { message } }, { status, headers });

/** Same-origin checks for a browser's POST (R37). Non-browser clients send neither header. */
function crossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(request.url).origin;
}

/** Refusals made before tRPC sees the request: R37's transport rules, batch and size limits. */
function screen(request: Request, options: OrgkitHandlerOptions): Response | null {
  const endpoint = options.endpoint ?? "/api/trpc";
  const path = new URL(request.url).pathname.slice(endpoint.length + 1);
  if (path.split(",").length > (options.maxBatchSize ?? 10)) {
    return refuse(413, "Too many procedures in one batch");
  }
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return refuse(415, "Mutations accept application/json only");
  if (crossSite(request)) return refuse(403, "Cross-site requests are refused");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > (options.maxBodyBytes ?? 65_536)) return refuse(413, "Request body too large");
  return null;
}

/**
 * The route handler a host exports from `app/api/trpc/[trpc]/route.ts`.
 *
 * @example
 * export const { GET, POST } = createOrgkitHandler({ orgkit, getUser: fromNextAuth(auth), signInAfterAccept });
 */
export function createOrgkitHandler(options: OrgkitHandlerOptions) {
  const router: AppRouter = appRouter;
  async function handle(request: Request): Promise<Response> {
    const refusal = screen(request, options);
    if (refusal) return refusal;
    return fetchRequestHandler({
      endpoint: options.endpoint ?? "/api/trpc",
      req: request,
      router,
      allowMethodOverride: false,
      createContext: async (): Promise<ApiContext> => ({
        orgkit: typeof options.orgkit === "function" ? await options.orgkit() : options.orgkit,
        user: await options.getUser(request),
        afterCommit: options.afterCommit ?? (() => {}),
        signInAfterAccept: options.signInAfterAccept,
      }),
      responseMeta({ errors }) {
        const limited = errors.find((error) => error.code === "TOO_MANY_REQUESTS");
        const cause = limited?.cause as { retryAfterSeconds?: number } | undefined;
        return cause?.retryAfterSeconds
          ? { headers: new Headers({ "Retry-After": String(cause.retryAfterSeconds) }) }
          : {};
      },
      onError({ error, path }) {
        // Logged without input: inputs may hold link tokens (R33).
        if (error.code === "INTERNAL_SERVER_ERROR") {
          console.error(`[orgkit] ${path ?? "?"} failed:`, error.cause?.message ?? error.message);
        }
      },
    });
  }
  return { GET: handle, POST: handle };
}
export { fromNextAuth } from "./context";
