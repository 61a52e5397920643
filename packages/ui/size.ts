import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** What the host already ships, or the issue excludes: not counted as orgkit's weight. */
export const EXCLUDED = [
  "react",
  "react-dom",
  "react/jsx-runtime",
  "@tanstack/react-query",
  "@trpc/*",
];

/**
 * The gzipped client JavaScript that @orgkit/ui adds to a page: its whole entry, minified
 * for the browser, without react, react-dom, @tanstack/react-query and @trpc/*.
 */
export async function measureUiBundle(): Promise<{ bytes: number; gzipBytes: number }> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "src", "index.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    external: EXCLUDED,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
    jsx: "automatic",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
