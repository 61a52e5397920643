import { sameOrigin } from "@orgkit/trpc/headers";
import { config } from "./config";

/**
 * The demo's pages and routes outside orgkit's API use orgkit's own same-origin rule, with
 * the app's public origin.
 */
export function isSameOrigin(headers: Headers): boolean {
  return sameOrigin(headers, [new URL(config.appUrl).origin]);
}
