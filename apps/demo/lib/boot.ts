import { faultCodes, isOrgkitConfigError } from "@orgkit/core/server";
import { cronHandler } from "./cron";
import { getOrgkit } from "./orgkit";

/**
 * Checks the settings and starts orgkit (database, migrations, seed, email worker), or ends
 * the process with exit code 1 and one line saying why: a process manager or the platform
 * restarts it, and a person reads the reason. Config errors carry their message; other
 * errors only their class and code (a driver's message may hold the connection string).
 */
export async function startAtBoot(): Promise<void> {
  const limitMs = Number(process.env.ORGKIT_START_TIMEOUT_MS ?? 60_000);
  try {
    cronHandler();
    // A server that answers but is not PostgreSQL keeps the driver retrying for ever.
    await Promise.race([
      getOrgkit(),
      new Promise((_, reject) => {
        setTimeout(
          () => reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
          limitMs,
        ).unref();
      }),
    ]);
  } catch (error) {
    console.error(`[orgkit demo] cannot start: ${reason(error)}`);
    process.exit(1);
  }
}

/** PostgreSQL's answers a newcomer meets first, in words. */
const SQLSTATES: Record<string, string> = {
  "3D000": "the database does not exist",
  "28000": "the role is not allowed to connect",
  "28P01": "the password was refused",
  "08P01": "the server broke the protocol (a pooler that does not know the database?)",
  "53300": "too many connections",
};

function reason(error: unknown): string {
  if (isOrgkitConfigError(error)) return error.message;
  const { sqlstate, code } = faultCodes(error);
  const why = sqlstate
    ? `PostgreSQL ${sqlstate}${SQLSTATES[sqlstate] ? `: ${SQLSTATES[sqlstate]}` : ""}`
    : code === "ETIMEDOUT"
      ? "no answer in time (is DATABASE_URL a PostgreSQL server?)"
      : (code ?? faultCodes(error).error);
  return `the database could not be opened, migrated or seeded (${why}); check DATABASE_URL`;
}
