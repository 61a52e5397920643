import { orgkitPageHeaders } from "@orgkit/trpc/headers";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // No framing of orgkit's pages by other origins; no Referer or caching on its link pages.
  async headers() {
    return orgkitPageHeaders("/settings/organization");
  },
};

export default nextConfig;
