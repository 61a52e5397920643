/** What the route handler does before tRPC sees a request: R37's transport rules (and R40's headers). */

export type EdgeLimits = {
  /** Public origins whose pages may POST, e.g. `["https://app.example.com"]`. */
  allowedOrigins: readonly string[];
  maxBatchSize: number;
  maxBodyBytes: number;
};

/** R40: every API answer; JSON that lists emails is never cached or sniffed. */
export const API_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
} as const;

export const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { message } }, { status, headers: { ...API_HEADERS, ...headers } });

/**
 * The procedures tRPC will run for this path: it percent-decodes the path before splitting
 * it at commas, so `%2C` counts like `,`. Null when the path cannot be decoded.
 */
export function procedureCount(pathname: string, endpoint: string): number | null {
  try {
    return decodeURIComponent(pathname.slice(endpoint.length + 1)).split(",").length;
  } catch {
    return null;
  }
}

/**
 * Same-origin checks for a browser's POST (R37): both headers a browser may send must agree.
 * `Sec-Fetch-Site` must say same-origin (or none, a typed address), and `Origin` must be one
 * of the configured public origins, never compared with `Host` or `X-Forwarded-Host`. A page
 * with `Referrer-Policy: no-referrer` (the link pages) makes the browser send `Origin: null`;
 * that is accepted only beside a same-origin `Sec-Fetch-Site`. Clients that send neither
 * header are not browsers, and no cookie rides along with them unasked.
 */
export function crossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  return !sameOrigin(request.headers, allowedOrigins);
}

/** The rule above, on headers: true when the request may come from one of `allowedOrigins`. */
export function sameOrigin(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  if (site !== null) {
    if (site !== "same-origin" && site !== "none") return false;
    return origin === null || origin === "null" || allowedOrigins.includes(origin);
  }
  return origin === null || allowedOrigins.includes(origin);
}

/**
 * Reads at most `maxBytes` of the body as it arrives (chunked or not); null when it is
 * larger. The Content-Length header is not trusted: the bytes actually read are counted.
 */
export async function readCapped(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The configured public origins: `allowedOrigins`, else `APP_URL`'s, else the request's own. */
export function publicOrigins(configured: readonly string[] | undefined, request: Request) {
  if (configured && configured.length > 0) return configured.map((url) => new URL(url).origin);
  const appUrl = process.env.APP_URL;
  return [appUrl ? new URL(appUrl).origin : new URL(request.url).origin];
}
