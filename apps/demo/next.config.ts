import { orgkitPageHeaders } from "@orgkit/trpc/headers";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript sources.
  transpilePackages: ["@orgkit/core", "@orgkit/trpc", "@orgkit/ui", "@orgkit/emails"],
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // R40: no framing by other origins; no Referer or caching on the link pages.
  async headers() {
    return [
      // The demo's own pages (Endpoints, sign-in, mailbox) get the same frame protection.
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
      ...orgkitPageHeaders(),
      {
        source: "/signin/confirm",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
