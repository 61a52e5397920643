import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { config } from "@/lib/config";
import { isSameOrigin } from "@/lib/same-origin";

/**
 * The "Sign in" button's POST: spends the emailed link through Auth.js's email callback on
 * the server, so the token travels in a form body and never in a browser URL (R40).
 */
export async function POST(request: Request): Promise<Response> {
  // Same-origin only: another site must not sign a visitor into an account of its choosing.
  if (!isSameOrigin(request.headers)) {
    return new Response("Cross-site requests are refused", { status: 403 });
  }
  const form = await request.formData();
  const callback = new URL("/api/auth/callback/email", config.appUrl);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = form.get(key);
    if (typeof value === "string") callback.searchParams.set(key, value);
  }
  return handlers.GET(
    new NextRequest(callback, { headers: { cookie: request.headers.get("cookie") ?? "" } }),
  );
}
