// The audit log export at 1,000,000 events on PostgreSQL: time, bytes and the process's
// peak memory while it streams. A benchmark that prints numbers, not a test.
//   pnpm --filter @orgkit/bench export-bench [events]
import { createContext, exportAuditLog } from "@orgkit/core/server";
import { createTestDatabase, GENEROUS_RATE_LIMITS } from "@orgkit/core/testing";
import { sql } from "drizzle-orm";
import { seedOrganization } from "./seed";

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const MB = 1024 * 1024;

const database = await createTestDatabase("postgres", { maxConnections: 2 });
try {
  const ctx = createContext({
    db: database.db,
    secret: "bench-secret-bench-secret-bench-secret-00",
    inviteRateLimits: GENEROUS_RATE_LIMITS,
  });
  const org = await seedOrganization(database.db, 1_000);
  const seeding = performance.now();
  await database.db.execute(sql`insert into audit_events (organization_id, actor_user_id, action, target_type, target_id, target_label, before, after, created_at)
    select ${org.organizationId}, ${org.ownerUserId}, 'member.role_changed', 'member', 'm-' || g, 'user' || (g % 1000),
      '{"role":"USER"}'::jsonb, '{"role":"VIEWER"}'::jsonb, now() - (${EVENTS} - g) * interval '1 second'
    from generate_series(1, ${EVENTS}::int) g`);
  // As autovacuum would after a bulk load: without statistics the planner sorts every
  // remaining row for each batch instead of walking the (organization, id) index.
  await database.db.execute(sql`analyze audit_events`);
  console.info(
    `seeded ${EVENTS.toLocaleString("en")} events in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  for (const format of ["csv", "jsonl"] as const) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    for await (const chunk of await exportAuditLog(ctx, org.ownerUserId, { format })) {
      bytes += Buffer.byteLength(chunk);
      for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines += 1;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `${format}: ${lines.toLocaleString("en")} lines, ${(bytes / MB).toFixed(0)} MB in ${seconds.toFixed(1)} s ` +
        `(${Math.round(lines / seconds).toLocaleString("en")} lines/s); resident memory ${(baseline / MB).toFixed(0)} MB before, ` +
        `peak ${(peak / MB).toFixed(0)} MB (+${((peak - baseline) / MB).toFixed(0)} MB)`,
    );
  }
} finally {
  await database.drop();
}
