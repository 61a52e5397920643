import { init } from "./init";

const [command, ...flags] = process.argv.slice(2);
if (command !== "init" || flags.some((flag) => flag !== "--dry-run")) {
  console.error(
    "Usage: orgkit init [--dry-run]\n  Adds orgkit's page, API route and set-up to the Next.js app in this folder.",
  );
  process.exit(2);
}
try {
  process.exit(init({ cwd: process.cwd(), dryRun: flags.includes("--dry-run") }));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
