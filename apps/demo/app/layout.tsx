import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { auth, signOut } from "@/lib/auth";
import { devMailboxEnabled } from "@/lib/config";
import { LOCALE_COOKIE, viewerLocale } from "@/lib/locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "orgkit demo", template: "%s · orgkit demo" },
  description: "Organization user management",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  const locale = await viewerLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <header className="border-b border-ok-border bg-ok-bg">
          {/* The demo's own pages are English; orgkit's pages follow the chosen language. */}
          <nav
            lang="en"
            aria-label="Main"
            className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm sm:px-6"
          >
            <a href="/" className="font-semibold">
              orgkit demo
            </a>
            <a href="/settings/organization">Organization</a>
            <a href="/endpoints">Endpoints</a>
            {devMailboxEnabled() ? <a href="/dev/mailbox">Dev mailbox</a> : null}
            <span className="ml-auto flex flex-wrap items-center gap-3">
              <form
                aria-label="Language"
                className="flex gap-2"
                action={async (data: FormData) => {
                  "use server";
                  const chosen = String(data.get("locale"));
                  (await cookies()).set(LOCALE_COOKIE, chosen === "de" ? "de" : "en", {
                    sameSite: "lax",
                    maxAge: 31_536_000,
                  });
                }}
              >
                {(["en", "de"] as const).map((code) => (
                  <button
                    key={code}
                    type="submit"
                    name="locale"
                    value={code}
                    lang={code}
                    aria-pressed={locale === code}
                    className="underline-offset-4 aria-pressed:font-semibold aria-pressed:underline"
                  >
                    {code === "en" ? "English" : "Deutsch"}
                  </button>
                ))}
              </form>
              {session?.user?.email ? (
                <>
                  <span className="text-ok-muted">{session.user.email}</span>
                  <form
                    action={async () => {
                      "use server";
                      await signOut({ redirectTo: "/signin" });
                    }}
                  >
                    <button type="submit" className="underline underline-offset-4">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <a href="/signin">Sign in</a>
              )}
            </span>
          </nav>
        </header>
        {children}
      </body>
    </html>
  );
}
