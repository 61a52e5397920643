import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript sources.
  transpilePackages: ["@orgkit/core", "@orgkit/trpc", "@orgkit/ui", "@orgkit/emails"],
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

export default nextConfig;
