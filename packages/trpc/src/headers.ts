import { DEFAULT_BASE_PATH, LINK_PAGES, type OrgkitPage, pagePath } from "@orgkit/core/policy";

export { sameOrigin } from "./edge";

/** A header rule in the shape of next.config's `headers()`. */
export type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/**
 * R40: the headers orgkit's pages need, ready for `next.config`'s `headers()`: no framing by
 * other origins and no MIME sniffing on every page; on the link pages (accept, confirm), no
 * Referer and no caching, so the token in their address never leaves the browser.
 *
 * @param basePath where the pages are mounted. Default `/settings/organization`.
 * @returns rules to spread into the array `headers()` returns.
 * @example
 * // next.config.ts
 * import { orgkitPageHeaders } from "@orgkit/trpc/headers";
 * export default { async headers() { return [...orgkitPageHeaders()]; } };
 */
export function orgkitPageHeaders(basePath = DEFAULT_BASE_PATH): HeaderRule[] {
  const header = (key: string, value: string) => ({ key, value });
  const linkPage = (page: OrgkitPage): HeaderRule => ({
    source: pagePath(page, basePath),
    headers: [header("Referrer-Policy", "no-referrer"), header("Cache-Control", "no-store")],
  });
  return [
    {
      source: `${pagePath("organization", basePath).replace(/\/$/, "")}/:path*`,
      headers: [
        header("X-Frame-Options", "SAMEORIGIN"),
        header("Content-Security-Policy", "frame-ancestors 'self'"),
        header("X-Content-Type-Options", "nosniff"),
      ],
    },
    ...LINK_PAGES.map(linkPage),
  ];
}
