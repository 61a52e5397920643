import { createContext, inviteMany, type OrgkitContext } from "@orgkit/core/server";
import { createTestDatabase, type Driver, GENEROUS_RATE_LIMITS } from "@orgkit/core/testing";
import { floorCases } from "./floor-cases";
import { orgkitCases, type Plan } from "./orgkit-cases";
import { metric, ratio } from "./results";
import { type SeededOrg, seedOrganization } from "./seed";
import { type CaseResult, counter } from "./stats";

const SECRET = "bench-secret-bench-secret-bench-secret-00";

/** orgkit and the floor, side by side on one engine, for each organization size. */
export async function serviceBench(driver: Driver, sizes: number[], plan: Plan): Promise<void> {
  const database = await createTestDatabase(driver, {
    maxConnections: 4,
    onQuery: () => {
      counter.statements += 1;
    },
  });
  try {
    // Rate limits (R37) would refuse a benchmark's thousands of invitations: measured without them.
    const ctx = createContext({
      db: database.db,
      secret: SECRET,
      inviteRateLimits: GENEROUS_RATE_LIMITS,
    });
    for (const size of sizes) {
      const org = await seedOrganization(database.db, size);
      const floorOrg = await seedOrganization(database.db, size);
      const ours = await orgkitCases(ctx, org, plan);
      const floor = await floorCases(database.db, floorOrg, plan);
      for (const result of ours) {
        const name = `${result.case} @ ${size}`;
        const base = floor.find((f) => f.case === result.case);
        metric({
          case: name,
          engine: `orgkit/${driver}`,
          metric: "p50",
          value: result.p50,
          unit: "ms",
        });
        metric({
          case: name,
          engine: `orgkit/${driver}`,
          metric: "p99",
          value: result.p99,
          unit: "ms",
        });
        metric({
          case: name,
          engine: `orgkit/${driver}`,
          metric: "statements",
          value: result.statements,
          unit: "count",
        });
        if (!base) continue;
        metric({
          case: name,
          engine: `floor/${driver}`,
          metric: "p50",
          value: base.p50,
          unit: "ms",
        });
        metric({
          case: name,
          engine: `floor/${driver}`,
          metric: "p99",
          value: base.p99,
          unit: "ms",
        });
        metric({
          case: name,
          engine: `floor/${driver}`,
          metric: "statements",
          value: base.statements,
          unit: "count",
        });
        ratio({
          case: `${name} (${driver})`,
          ratio: result.p50 / base.p50,
          against: `floor/${driver}`,
        });
      }
      if (size === BULK_AT) await bulkInviteCase(ctx, driver, org, plan, ours);
      console.info(`  ${driver}: ${size} members done`);
    }
  } finally {
    await database.drop();
  }
}

/** The organization size at which Invite several is measured. */
const BULK_AT = 1_000;
const BULK_ROWS = 500;

/**
 * Invite several: 500 rows sent at once (10 batches of 50, each one transaction), once per
 * round; the median time per row, against one single invitation's p50 at the same size.
 */
async function bulkInviteCase(
  ctx: OrgkitContext,
  driver: string,
  org: SeededOrg,
  plan: Plan,
  ours: CaseResult[],
): Promise<void> {
  const perRow: number[] = [];
  for (let round = 0; round < plan.rounds; round += 1) {
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
  perRow.sort((a, b) => a - b);
  const median = perRow[Math.floor(perRow.length / 2)] ?? 0;
  const name = `invite several (${BULK_ROWS} rows), per row @ ${BULK_AT}`;
  metric({ case: name, engine: `orgkit/${driver}`, metric: "p50", value: median, unit: "ms" });
  const single = ours.find((r) => r.case === "invite");
  if (single)
    ratio({
      case: `${name} (${driver})`,
      ratio: median / single.p50,
      against: `orgkit/${driver} single invite`,
    });
}
