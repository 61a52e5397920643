import { isIP } from "node:net";
import { sql } from "drizzle-orm";
import type { OrgkitContext } from "./context";
import type { Db } from "./db";

/** What a host may record about the request behind each audit event. */
export type RequestContext = {
  /** The client's address as the host's proxy reports it, e.g. `203.0.113.7`. */
  ip?: string | null;
  userAgent?: string | null;
};

/** Keeps only a well-formed address and a printable user agent of at most 512 characters. */
function clean(request: RequestContext): { ip: string; userAgent: string } {
  const ip = request.ip?.trim() ?? "";
  const userAgent = (request.userAgent ?? "").replace(/[^\x20-\x7E]/g, "").slice(0, 512);
  return { ip: isIP(ip) ? ip : "", userAgent };
}

/**
 * The context for one request whose audit events record the actor's IP address and user
 * agent (off unless the host calls this; R32). Each transaction the request runs first sets
 * them as transaction-local settings, which the audit log's trigger copies into the events it
 * writes: one extra statement per transaction, nothing when not used.
 *
 * @param request `{ ip, userAgent }`; a malformed address is dropped, the agent trimmed to 512
 *   printable characters.
 * @example const ctx = withRequestContext(orgkit, { ip: forwardedFor(request), userAgent: request.headers.get("user-agent") });
 */
export function withRequestContext(ctx: OrgkitContext, request: RequestContext): OrgkitContext {
  const { ip, userAgent } = clean(request);
  if (!ip && !userAgent) return ctx;
  const db = new Proxy(ctx.db, {
    get(target, property) {
      if (property === "transaction") {
        return ((work, config) =>
          target.transaction(async (tx) => {
            await tx.execute(
              sql`select set_config('orgkit.actor_ip', ${ip}, true), set_config('orgkit.actor_user_agent', ${userAgent}, true)`,
            );
            return work(tx);
          }, config)) as Db["transaction"];
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...ctx, db };
}
