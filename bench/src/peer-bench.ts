import { betterAuthBench } from "./better-auth-cases";
import type { Plan } from "./orgkit-cases";
import { find, metric, ratio } from "./results";

/** Better Auth beside orgkit on the same PostgreSQL server; run after the service bench. */
export async function peerBench(sizes: number[], plan: Plan): Promise<void> {
  const peer = await betterAuthBench(sizes, plan);
  for (const [size, cases] of peer) {
    for (const result of cases) {
      const name = `${result.case} @ ${size}`;
      metric({
        case: name,
        engine: "better-auth/postgres",
        metric: "p50",
        value: result.p50,
        unit: "ms",
      });
      metric({
        case: name,
        engine: "better-auth/postgres",
        metric: "p99",
        value: result.p99,
        unit: "ms",
      });
      metric({
        case: name,
        engine: "better-auth/postgres",
        metric: "statements",
        value: result.statements,
        unit: "count",
      });
      const ours = find(name, "orgkit/postgres", "p50");
      if (ours !== undefined)
        ratio({
          case: `${name} (postgres)`,
          ratio: ours / result.p50,
          against: "better-auth/postgres",
        });
    }
    console.info(`  better-auth: ${size} members done`);
  }
}
