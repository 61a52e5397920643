/**
 * Runs once when the server starts: the demo checks its settings and opens, migrates and
 * seeds its database before it answers anyone. A mistake (a short AUTH_SECRET or CRON_SECRET,
 * an embedded database another process holds, PostgreSQL unreachable) stops the server with
 * the reason, instead of a server that says "Ready" and answers 500 to every request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAtBoot } = await import("./lib/boot");
  await startAtBoot();
}
