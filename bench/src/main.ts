import { writeFileSync } from "node:fs";
import path from "node:path";
import { measureUiBundle } from "../../packages/ui/size";
import { httpBench } from "./http-bench";
import { deriveRatios, printReport } from "./report";
import { metric, results } from "./results";
import { serviceBench } from "./service-bench";
import type { Plan } from "./stats";

const started = performance.now();
const quick = process.argv.includes("--quick");
const sizes = quick ? [1_000, 100_000] : [10, 1_000, 10_000, 100_000];
const plan: Plan = quick
  ? { rounds: 7, iterations: 8, warmup: 2 }
  : { rounds: 7, iterations: 30, warmup: 5 };
const http = quick ? { rounds: 7, seconds: 2 } : { rounds: 7, seconds: 5 };

console.info(
  `orgkit bench${quick ? " (quick)" : ""}: ${plan.rounds} interleaved rounds × ${plan.iterations} calls per case ` +
    `(${plan.warmup} warm-up), sizes ${sizes.join(", ")}; HTTP ${http.rounds} rounds × ${http.seconds} s`,
);
if (quick)
  console.info(
    "  quick leaves out: sizes 10 and 10,000, PGlite (all of it); 8 calls per round instead of 30, HTTP rounds of 2 s instead of 5",
  );
await serviceBench("postgres", sizes, plan);
if (!quick) await serviceBench("pglite", sizes, plan);
await httpBench(http.rounds, http.seconds);
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
deriveRatios(sizes);
const out = path.join(import.meta.dirname, "..", "..", "bench-results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
printReport();
console.info(`\nwrote ${out}`);
console.info(`elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
