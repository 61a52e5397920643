"use client";
import { useEffect, useState } from "react";

/**
 * R40: a page opened from an emailed link keeps its token in memory only. After the first
 * render the token leaves the address bar (history, bookmarks, screen shares), and the page
 * asks the browser to send no Referer, so no request of the page carries it.
 *
 * @example
 * const token = useLinkToken(props.token); // then send it in POST bodies only
 */
export function useLinkToken(fromUrl: string | undefined): string | undefined {
  const [token] = useState(fromUrl);
  useEffect(() => {
    // On the next task, after the framework's own effects: Next patches history.replaceState
    // in its router's effect, which runs after this page's. Through the patch, and with a null
    // state (handed its own state back it ignores the call), the router adopts the clean URL;
    // otherwise its next refresh (a server action, a language switch) puts the token back, in
    // the address bar and in that request's URL.
    const timer = setTimeout(() => {
      const url = new URL(window.location.href);
      if (!url.searchParams.has("token")) return;
      url.searchParams.delete("token");
      window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return token;
}

/** Rendered by link pages: React places it in the document's head. */
export function NoReferrer() {
  return <meta name="referrer" content="no-referrer" />;
}
