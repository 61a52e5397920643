import { type AuditExportFormat, exportAuditLog, type OrgkitContext } from "@orgkit/core/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { GetSessionUser } from "./context";
import { API_HEADERS } from "./edge";
import { toTrpcError } from "./errors";
import { consoleLogger, describeFault, type OrgkitLogger } from "./logging";

const DAY_MS = 86_400_000;
/** A day (`2026-11-29`, UTC) or an instant (ISO 8601). */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const query = z.strictObject({
  format: z.enum(["csv", "jsonl"]),
  from: instant.optional(),
  to: instant.optional(),
});

/** A day names its whole day: `to=2026-11-29` includes the 29th. */
function bound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return end && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(date.getTime() + DAY_MS) : date;
}

/**
 * The route handler for audit log exports, beside the tRPC one (`app/api/orgkit/audit-export/
 * route.ts`): `GET ?format=csv|jsonl&from=2026-01-01&to=2026-11-29` streams the caller's
 * organization's events as a download, admins only (R32). Days are UTC; `to` includes its day.
 *
 * @returns `{ GET }`; 400 for a bad query, the policy's status and reason for a refusal.
 * @example export const { GET } = createAuditExportHandler({ orgkit, getUser: fromNextAuth(auth) });
 */
export function createAuditExportHandler(options: {
  orgkit: OrgkitContext | (() => Promise<OrgkitContext>);
  getUser: GetSessionUser;
  logger?: OrgkitLogger;
}) {
  const logger = options.logger ?? consoleLogger;
  async function GET(request: Request): Promise<Response> {
    // A form's empty date field arrives as `from=`: the same as no bound.
    const params = [...new URL(request.url).searchParams].filter(([, value]) => value !== "");
    const parsed = query.safeParse(Object.fromEntries(params));
    if (!parsed.success) {
      return Response.json(
        { error: { message: "The request is not valid", reason: "INPUT_INVALID" } },
        { status: 400, headers: API_HEADERS },
      );
    }
    const { format, from, to } = parsed.data;
    // Compared as given: `to` gains its day only afterwards.
    if (from && to && new Date(from) > new Date(to)) {
      return Response.json(
        { error: { message: "The request is not valid", reason: "INPUT_INVALID" } },
        { status: 400, headers: API_HEADERS },
      );
    }
    const user = await options.getUser(request);
    if (!user) {
      return Response.json(
        { error: { message: "Sign in to continue", reason: "UNAUTHENTICATED" } },
        { status: 401, headers: API_HEADERS },
      );
    }
    const ctx = typeof options.orgkit === "function" ? await options.orgkit() : options.orgkit;
    let chunks: AsyncIterable<string>;
    try {
      chunks = await exportAuditLog(ctx, user.id, {
        format: format as AuditExportFormat,
        from: bound(from, false),
        to: bound(to, true),
      });
    } catch (error) {
      const refusal = toTrpcError(error);
      if (refusal === error) {
        // R40: codes only. Thrown on, the framework would log the query and its parameters.
        logger.error(...describeFault("audit export", error));
        return Response.json(
          { error: { message: "Something went wrong", reason: null } },
          { status: 500, headers: API_HEADERS },
        );
      }
      const status = getHTTPStatusCodeFromError(
        refusal as Parameters<typeof getHTTPStatusCodeFromError>[0],
      );
      const { message, cause } = refusal as { message: string; cause?: { reason?: string } };
      return Response.json(
        { error: { message, reason: cause?.reason ?? null } },
        { status, headers: API_HEADERS },
      );
    }
    const encoder = new TextEncoder();
    const iterator = chunks[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      // Pulled as the client reads: a slow download holds one batch, never the whole log.
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          logger.error(...describeFault("audit export", error));
          // R40: never the error itself: the framework would log its query and parameters.
          controller.error(new Error("orgkit: the audit export failed"));
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        ...API_HEADERS,
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson",
        "Content-Disposition": `attachment; filename="audit-log-${day}.${format}"`,
      },
    });
  }
  return { GET };
}
