import { createContext, inviteMany, type OrgkitContext } from "@orgkit/core/server";
import { createTestDatabase, type Driver, GENEROUS_RATE_LIMITS } from "@orgkit/core/testing";
import { openBetterAuth } from "./better-auth-cases";
import { floorCases } from "./floor-cases";
import { orgkitCases } from "./orgkit-cases";
import { figure, ratio, roundsOf } from "./results";
import { type SeededOrg, seedOrganization } from "./seed";
import {
  atSize,
  counter,
  type Engine,
  type Measured,
  measureInterleaved,
  type Plan,
} from "./stats";

const SECRET = "bench-secret-bench-secret-bench-secret-00";

/**
 * orgkit and the floor on one engine, and on PostgreSQL Better Auth beside them: every size
 * seeded first, then all cases of all sizes measured in the same interleaved rounds.
 */
export async function serviceBench(driver: Driver, sizes: number[], plan: Plan): Promise<void> {
  const started = performance.now();
  const database = await createTestDatabase(driver, {
    maxConnections: 4,
    onQuery: () => {
      counter.statements += 1;
    },
  });
  const peer = driver === "postgres" ? await openBetterAuth() : undefined;
  try {
    // Rate limits (R37) would refuse a benchmark's thousands of invitations: measured without them.
    const ctx = createContext({
      db: database.db,
      secret: SECRET,
      inviteRateLimits: GENEROUS_RATE_LIMITS,
    });
    const ours: Engine = { name: `orgkit/${driver}`, cases: [] };
    const floor: Engine = { name: `floor/${driver}`, cases: [] };
    const theirs: Engine = { name: `better-auth/${driver}`, cases: [] };
    const orgs = new Map<number, SeededOrg>();
    for (const size of sizes) {
      const org = await seedOrganization(database.db, size);
      orgs.set(size, org);
      ours.cases.push(...atSize(orgkitCases(ctx, org), size));
      floor.cases.push(
        ...atSize(floorCases(database.db, await seedOrganization(database.db, size)), size),
      );
      if (peer) theirs.cases.push(...atSize(await peer.cases(size), size));
    }
    const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
    console.info(`  ${driver}: seeded ${sizes.join(", ")} members (${seconds()} s)`);
    const measured = await measureInterleaved(
      peer ? [ours, floor, theirs] : [ours, floor],
      plan,
      (r) => console.info(`  ${driver}: round ${r}/${plan.rounds} (${seconds()} s)`),
    );
    record(measured);
    const org = orgs.get(BULK_AT);
    if (org) await bulkInviteCase(ctx, driver, org, plan.rounds);
  } finally {
    await peer?.close();
    await database.drop();
  }
}

/** p50 and p99 per round with their spread, and the median statements per call. */
function record(measured: Measured): void {
  for (const [engine, cases] of measured) {
    for (const [name, rounds] of cases) {
      figure(
        name,
        engine,
        "p50",
        "ms",
        rounds.map((r) => r.p50),
      );
      figure(
        name,
        engine,
        "p99",
        "ms",
        rounds.map((r) => r.p99),
      );
      figure(
        name,
        engine,
        "statements",
        "count",
        rounds.map((r) => r.statements),
      );
    }
  }
}

/** The organization size at which Invite several is measured. */
const BULK_AT = 1_000;
const BULK_ROWS = 500;

/**
 * Invite several: 500 rows sent at once (10 batches of 50, each one transaction), once per
 * round after the interleaved rounds; the time per row, against one single invitation's p50
 * of the same round number at the same size.
 */
async function bulkInviteCase(
  ctx: OrgkitContext,
  driver: string,
  org: SeededOrg,
  rounds: number,
): Promise<void> {
  const perRow: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const rows = Array.from({ length: BULK_ROWS }, (_, i) => ({
      email: `bulk${round}-${i}-${org.tag}@bench.test`,
      username: `k${round}x${i}${org.tag}`.slice(0, 32),
      role: "USER",
    }));
    const started = performance.now();
    const sent = await inviteMany(ctx, org.ownerUserId, { rows });
    perRow.push((performance.now() - started) / BULK_ROWS);
    if (sent.accepted !== BULK_ROWS) throw new Error(`bench: ${sent.refused} bulk rows refused`);
  }
  const name = `invite several (${BULK_ROWS} rows), per row @ ${BULK_AT}`;
  figure(name, `orgkit/${driver}`, "p50", "ms", perRow);
  ratio(
    `${name} (${driver})`,
    `orgkit/${driver} single invite`,
    perRow,
    roundsOf(`invite @ ${BULK_AT}`, `orgkit/${driver}`, "p50"),
  );
}
