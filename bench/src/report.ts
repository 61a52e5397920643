import { readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_LABELS } from "./http-bench";
import {
  type Bound,
  find,
  type MetricRow,
  type RatioRow,
  ratio,
  results,
  roundsOf,
  type Target,
} from "./results";

const OTHER_MUTATIONS = ["invite", "change role", "remove"];
const MUTATIONS = ["confirm transfer", ...OTHER_MUTATIONS];
const PAGES = ["members page (first)", "members page (deep)"];
const SHARED = [...OTHER_MUTATIONS, ...PAGES];
const SMALL = 1_000;
const LARGE = 100_000;
const HTTP = "orgkit/http-postgres";

/** A ratio target is met when it held in at least 5 of 7 rounds (the same share of other counts). */
export const needed = (rounds: number) => Math.ceil((rounds * 5) / 7);

/** The goal a ratio counts towards, if any. */
const goal = (name: string, bound: Bound) => ({ name, bound });

/**
 * Every ratio, each computed round by round from the same round's figures. The ones a
 * target is about carry its name; `targets()` reads them. Call once, after measuring.
 */
export function deriveRatios(sizes: number[]): void {
  const p50 = (c: string, engine: string) => roundsOf(c, engine, "p50");
  for (const name of [...MUTATIONS, ...PAGES]) {
    const limit = name === "confirm transfer" ? 2 : 1.8;
    const target = MUTATIONS.includes(name)
      ? goal(`${name} ≤ ${limit}× the floor (PostgreSQL, every size)`, { atMost: limit })
      : undefined;
    for (const size of sizes) {
      const c = `${name} @ ${size}`;
      ratio(
        `${c} (postgres)`,
        "floor/postgres",
        p50(c, "orgkit/postgres"),
        p50(c, "floor/postgres"),
        target,
      );
    }
  }
  for (const name of [...PAGES, ...MUTATIONS]) {
    ratio(
      `${name} @ ${LARGE} ÷ @ ${SMALL} (postgres)`,
      `orgkit/postgres @ ${SMALL}`,
      p50(`${name} @ ${LARGE}`, "orgkit/postgres"),
      p50(`${name} @ ${SMALL}`, "orgkit/postgres"),
      goal(`${name} flat from 1,000 to 100,000 members (p50 ≤ 1.5×)`, { atMost: 1.5 }),
    );
  }
  for (const name of SHARED) {
    const faster = { atMost: 1 / 1.5 };
    const target = goal(`${name} ≥ 1.5× faster than Better Auth (every size)`, faster);
    for (const size of sizes) {
      const c = `${name} @ ${size}`;
      ratio(
        `${c} (postgres)`,
        "better-auth/postgres",
        p50(c, "orgkit/postgres"),
        p50(c, "better-auth/postgres"),
        target,
      );
    }
  }
  for (const [label, share] of [
    [HTTP_LABELS.page, 0.6],
    [HTTP_LABELS.role, 0.45],
  ] as const) {
    ratio(
      label,
      `${HTTP_LABELS.baseline}, req/s`,
      roundsOf(label, HTTP, "requests per second"),
      roundsOf(HTTP_LABELS.baseline, HTTP, "requests per second"),
      goal(`HTTP ${label.slice(6)} ≥ ${share * 100}% of the baseline's req/s, zero non-2xx`, {
        atLeast: share,
      }),
    );
  }
  for (const name of [...MUTATIONS, ...PAGES]) {
    for (const size of sizes) {
      const c = `${name} @ ${size}`;
      ratio(`${c} (pglite)`, "floor/pglite", p50(c, "orgkit/pglite"), p50(c, "floor/pglite"));
    }
  }
}

const ratios = () => results.filter((r): r is RatioRow => "ratio" in r);
const spread = (r: { min?: number; max?: number }, digits: number) =>
  r.min === undefined ? "" : `(${r.min.toFixed(digits)}–${(r.max ?? Number.NaN).toFixed(digits)})`;
/** The organization size a per-size ratio is about (none for 100,000 ÷ 1,000). */
const sizeOf = (c: string) => /^[^÷]*@ (\d+) \(/.exec(c)?.[1];

/** Each target, met or not, with the rounds it held in and each ratio's spread. */
export function targets(): Target[] {
  const list: Target[] = [];
  const names = [...new Set(ratios().flatMap((r) => (r.target ? [r.target] : [])))];
  for (const name of names) {
    const rows = ratios().filter((r) => r.target === name);
    const worst = rows.reduce((a, b) => ((b.held ?? 0) < (a.held ?? 0) ? b : a));
    let met = rows.every((r) => (r.held ?? 0) >= needed(r.rounds));
    let extra = "";
    if (name.startsWith("HTTP")) {
      const errors = find(rows[0]?.case ?? "", HTTP, "non-2xx")?.value ?? Number.NaN;
      met &&= errors === 0;
      extra = `; ${errors} non-2xx`;
    }
    const each = rows.map((r) => {
      const size = sizeOf(r.case);
      const label = size ? `${Number(size).toLocaleString("en")}: ` : "";
      return `${label}${r.ratio.toFixed(2)}× ${spread(r, 2)} ${r.held}/${r.rounds}`;
    });
    list.push({
      name,
      met,
      status: `${met ? "met" : "not met"} (${worst.held}/${worst.rounds})`,
      detail: `÷ ${rows[0]?.against}: ${each.join("; ")}${extra}`,
    });
  }
  const ui =
    find("ui: /settings/organization/users", "@orgkit/ui", "gzipped JS")?.value ?? Number.NaN;
  // The same budget the UI's size test holds it to (packages/ui/size-budget.json).
  list.push({
    name: `UI within its budget (${(UI_BUDGET / 1024).toFixed(1)} KB gzipped)`,
    met: ui <= UI_BUDGET,
    status: ui <= UI_BUDGET ? "met" : "not met",
    detail: `${(ui / 1024).toFixed(1)} KB`,
  });
  return list;
}

const UI_BUDGET: number = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, "..", "..", "packages", "ui", "size-budget.json"),
    "utf8",
  ),
).maxGzipBytes;

export function printReport(): void {
  const rows = results.filter(
    (r): r is MetricRow => "metric" in r && r.metric === "p50" && !r.case.startsWith("http"),
  );
  console.info(
    "\nfigures: median of the rounds (min–max of the rounds' values)\n" +
      "case                                       engine                  p50 ms (spread)       p99 ms  statements",
  );
  for (const row of rows) {
    const p99 = find(row.case, row.engine, "p99")?.value.toFixed(2) ?? "";
    const statements = find(row.case, row.engine, "statements")?.value ?? "";
    console.info(
      `${row.case.padEnd(42)} ${row.engine.padEnd(20)} ${row.value.toFixed(2).padStart(7)} ${spread(row, 2).padEnd(14)} ${p99.padStart(8)} ${String(statements).padStart(11)}`,
    );
  }
  console.info(
    "\nhttp (autocannon, 10 connections)           req/s (spread)      p50 ms   p99 ms  non-2xx",
  );
  for (const label of Object.values(HTTP_LABELS)) {
    const get = (name: string) => find(label, HTTP, name);
    const rate = get("requests per second");
    console.info(
      `${label.padEnd(40)} ${(rate?.value ?? Number.NaN).toFixed(0).padStart(8)} ${spread(rate ?? {}, 0).padEnd(12)} ${(get("p50")?.value ?? Number.NaN).toFixed(0).padStart(8)} ${(get("p99")?.value ?? Number.NaN).toFixed(0).padStart(8)} ${String(get("non-2xx")?.value).padStart(8)}`,
    );
  }
  console.info("\nratios, round by round: median (min–max), rounds the target held in");
  for (const row of ratios()) {
    const held = row.held === undefined ? "" : `${row.held}/${row.rounds}`;
    console.info(
      `  ${row.case.padEnd(56)} ${row.ratio.toFixed(2).padStart(6)}× ${spread(row, 2).padEnd(13)} ${held.padStart(4)}  ÷ ${row.against}`,
    );
  }
  console.info(
    `\ntargets (a ratio target is met when it holds in at least ${needed(7)} of 7 rounds, per size)`,
  );
  for (const target of targets()) {
    console.info(`  [${target.status}] ${target.name}\n      ${target.detail}`);
  }
}
