import { writeFileSync } from "node:fs";
import path from "node:path";
import { measureUiBundle } from "../../packages/ui/size";
import { httpBench } from "./http-bench";
import { peerBench } from "./peer-bench";
import { printReport } from "./report";
import { metric, results } from "./results";
import { serviceBench } from "./service-bench";

const quick = process.argv.includes("--quick");
const sizes = [10, 1_000, 10_000, 100_000];
const plan = quick
  ? { rounds: 3, iterations: 10, warmup: 3 }
  : { rounds: 5, iterations: 40, warmup: 5 };

console.info(
  `orgkit bench${quick ? " (quick)" : ""}: ${plan.rounds} rounds × ${plan.iterations} calls per case`,
);
for (const driver of ["postgres", "pglite"] as const) {
  await serviceBench(driver, sizes, plan);
}
await peerBench(sizes, plan);
await httpBench(quick ? 5 : 15);
const ui = await measureUiBundle();
metric({
  case: "ui: /settings/organization/users",
  engine: "@orgkit/ui",
  metric: "gzipped JS",
  value: ui.gzipBytes,
  unit: "bytes",
});
metric({
  case: "ui: /settings/organization/users",
  engine: "@orgkit/ui",
  metric: "minified JS",
  value: ui.bytes,
  unit: "bytes",
});
const out = path.join(import.meta.dirname, "..", "..", "bench-results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
printReport();
console.info(`\nwrote ${out}`);
