import { type NextRequest, NextResponse } from "next/server";
import { config as demo } from "@/lib/config";

/**
 * Form posts to the demo's pages (server actions) come from its own origin only: a foreign
 * one is refused with 403 here, before Next's own check would answer it with a 500.
 */
export function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD") return NextResponse.next();
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const foreign =
    (site !== null && site !== "same-origin" && site !== "none") ||
    (origin !== null && origin !== new URL(demo.appUrl).origin);
  return foreign
    ? new NextResponse("Cross-site requests are refused", { status: 403 })
    : NextResponse.next();
}

// orgkit's API and Auth.js check their own requests.
export const config = { matcher: ["/((?!api/|_next/).*)"] };
