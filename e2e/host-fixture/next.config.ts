import type { NextConfig } from "next";

const nextConfig: NextConfig = { serverExternalPackages: ["@electric-sql/pglite"] };

export default nextConfig;
