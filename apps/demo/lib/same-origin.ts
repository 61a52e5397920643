import { config } from "./config";

/**
 * The demo's own same-origin rule for its pages and routes outside orgkit's API (which
 * checks its requests itself): Sec-Fetch-Site, when sent, says same-origin (or none), and
 * Origin, when sent, is the app's public origin.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  return origin === null || origin === new URL(config.appUrl).origin;
}
