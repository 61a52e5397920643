import { find, type MetricRow, type RatioRow, results, type Target } from "./results";

const MUTATIONS = ["invite", "change role", "remove", "confirm transfer"];
const SIZES = [10, 1_000, 10_000, 100_000];

/** Each target of the benchmark issue, met or not, from the measured rows. */
export function targets(): Target[] {
  const list: Target[] = [];
  const ratios = results.filter((r): r is RatioRow => "ratio" in r);
  for (const name of MUTATIONS) {
    const mine = ratios.filter(
      (r) => r.case.startsWith(`${name} @`) && r.against === "floor/postgres",
    );
    const worst = Math.max(...mine.map((r) => r.ratio));
    list.push({
      name: `${name}: within 2× the floor (PostgreSQL)`,
      met: worst <= 2,
      detail: `worst ${worst.toFixed(2)}×`,
    });
    const statements = Math.max(
      ...SIZES.map((s) => find(`${name} @ ${s}`, "orgkit/postgres", "statements") ?? Number.NaN),
    );
    list.push({
      name: `${name}: at most 8 SQL statements`,
      met: statements <= 8,
      detail: `${statements} (BEGIN and COMMIT included)`,
    });
  }
  for (const page of ["members page (first)", "members page (deep)"]) {
    const mine = ratios.filter(
      (r) => r.case.startsWith(`${page} @`) && r.against === "floor/postgres",
    );
    const worst = Math.max(...mine.map((r) => r.ratio));
    list.push({
      name: `${page}: within 2× the floor`,
      met: worst <= 2,
      detail: `worst ${worst.toFixed(2)}×`,
    });
    const small = find(`${page} @ 1000`, "orgkit/postgres", "p50") ?? Number.NaN;
    const large = find(`${page} @ 100000`, "orgkit/postgres", "p50") ?? Number.NaN;
    list.push({
      name: `${page}: flat from 1,000 to 100,000 members (≤ 1.5×)`,
      met: large / small <= 1.5,
      detail: `${small} ms → ${large} ms`,
    });
  }
  return list;
}

export function printReport(): void {
  const rows = results.filter((r): r is MetricRow => "metric" in r && r.metric === "p50");
  console.info(
    "\ncase                                   engine              p50 ms     p99 ms  statements",
  );
  for (const row of rows) {
    const p99 = find(row.case, row.engine, "p99");
    const statements = find(row.case, row.engine, "statements");
    console.info(
      `${row.case.padEnd(38)} ${row.engine.padEnd(18)} ${row.value.toFixed(2).padStart(7)} ${(p99 ?? Number.NaN).toFixed(2).padStart(10)} ${String(statements ?? "").padStart(11)}`,
    );
  }
  console.info("\nratios");
  for (const row of results.filter((r): r is RatioRow => "ratio" in r)) {
    console.info(`  ${row.case.padEnd(50)} ${row.ratio.toFixed(2).padStart(6)}× ${row.against}`);
  }
  console.info("\ntargets");
  for (const target of targets())
    console.info(`  [${target.met ? "met" : "not met"}] ${target.name}: ${target.detail}`);
}
