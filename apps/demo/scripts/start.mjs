// Starts the built demo on PORT (default 3000), with Auth.js links on the app URL.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const port = process.env.PORT ?? "3000";
const env = { ...process.env, PORT: port };
env.APP_URL ??= `http://localhost:${port}`;
env.AUTH_URL ??= env.APP_URL;
const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, "start", "-p", port], { stdio: "inherit", env });
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
