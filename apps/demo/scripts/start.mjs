// Starts the built demo on PORT (default 3000), with Auth.js links on the app URL. Next runs
// in this very process (no child): a process manager's signals, SIGKILL included, reach it.
import { createRequire } from "node:module";

const port = process.env.PORT ?? "3000";
process.env.PORT = port;
process.env.APP_URL ??= `http://localhost:${port}`;
process.env.AUTH_URL ??= process.env.APP_URL;
const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
process.argv = [process.argv[0] ?? "node", next, "start", "-p", port];
await import(next);
