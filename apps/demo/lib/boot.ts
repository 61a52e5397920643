import { isOrgkitConfigError } from "@orgkit/core/server";
import { cronHandler } from "./cron";
import { getOrgkit } from "./orgkit";

/**
 * Checks the settings and starts orgkit (database, migrations, seed, email worker), or ends
 * the process with exit code 1 and one line saying why: a process manager or the platform
 * restarts it, and a person reads the reason. Config errors carry their message; other
 * errors only their class and code (a driver's message may hold the connection string).
 */
export async function startAtBoot(): Promise<void> {
  try {
    cronHandler();
    await getOrgkit();
  } catch (error) {
    console.error(`[orgkit demo] cannot start: ${reason(error)}`);
    process.exit(1);
  }
}

function reason(error: unknown): string {
  if (isOrgkitConfigError(error)) return error.message;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const kind = typeof name === "string" ? name : "Error";
  const fault = typeof code === "string" ? `${kind} ${code}` : kind;
  return `the database could not be opened, migrated or seeded (${fault}); check DATABASE_URL`;
}
