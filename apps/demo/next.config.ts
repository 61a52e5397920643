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
