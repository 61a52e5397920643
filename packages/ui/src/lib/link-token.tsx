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
    const url = new URL(window.location.href);
    if (!url.searchParams.has("token")) return;
    url.searchParams.delete("token");
    window.history.replaceState(
      window.history.state,
      "",
      `${url.pathname}${url.search}${url.hash}`,
    );
  }, []);
  return token;
}

/** Rendered by link pages: React places it in the document's head. */
export function NoReferrer() {
  return <meta name="referrer" content="no-referrer" />;
}
