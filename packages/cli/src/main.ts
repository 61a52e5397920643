import { init } from "./init";
import { runMigrate } from "./migrate";
import { runPruneAudit } from "./prune";

const USAGE = `Usage:
  orgkit init [--dry-run]  adds orgkit's page, API route and set-up to the Next.js app here
  orgkit migrate           applies orgkit's migrations to DATABASE_URL (or ORGKIT_DATA_DIR)
  orgkit prune-audit       deletes audit events past each organization's retention (run daily)`;

const [command, ...flags] = process.argv.slice(2);
async function main(): Promise<number> {
  if (command === "init" && flags.every((flag) => flag === "--dry-run")) {
    return init({ cwd: process.cwd(), dryRun: flags.includes("--dry-run") });
  }
  if (command === "migrate" && flags.length === 0) return runMigrate();
  if (command === "prune-audit" && flags.length === 0) return runPruneAudit();
  console.error(USAGE);
  return 2;
}
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The message only: a database error's message may carry its query, never its parameters here.
    console.error(
      error instanceof Error ? `orgkit: ${error.name}: ${error.message.split("\n")[0]}` : error,
    );
    process.exit(1);
  },
);
