import { type NextRequest, NextResponse } from "next/server";
import { isSameOrigin } from "@/lib/same-origin";

/**
 * Form posts to the demo's pages (server actions) come from its own origin only: a foreign
 * one is refused with 403 here, before Next's own check would answer it with a 500.
 */
export function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD") return NextResponse.next();
  return isSameOrigin(request.headers)
    ? NextResponse.next()
    : new NextResponse("Cross-site requests are refused", { status: 403 });
}

// orgkit's API and Auth.js check their own requests.
export const config = { matcher: ["/((?!api/|_next/).*)"] };
