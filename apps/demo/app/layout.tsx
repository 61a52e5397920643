import type { Metadata } from "next";
import type { ReactNode } from "react";
import { auth, signOut } from "@/lib/auth";
import { devMailboxEnabled } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "orgkit demo", template: "%s · orgkit demo" },
  description: "Organization user management",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-ok-border bg-ok-bg">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm sm:px-6"
          >
            <a href="/" className="font-semibold">
              orgkit demo
            </a>
            <a href="/settings/organization">Organization</a>
            <a href="/endpoints">Endpoints</a>
            {devMailboxEnabled() ? <a href="/dev/mailbox">Dev mailbox</a> : null}
            <span className="ml-auto flex items-center gap-3">
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
