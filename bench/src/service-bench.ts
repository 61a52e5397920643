import { createContext } from "@orgkit/core/server";
import { createTestDatabase, type Driver, GENEROUS_RATE_LIMITS } from "@orgkit/core/testing";
import { floorCases } from "./floor-cases";
import { orgkitCases, type Plan } from "./orgkit-cases";
import { metric, ratio } from "./results";
import { seedOrganization } from "./seed";
import { counter } from "./stats";

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
      console.info(`  ${driver}: ${size} members done`);
    }
  } finally {
    await database.drop();
  }
}
