import { median } from "./stats";

/** A figure; `value` is the median of the rounds, `min`–`max` their spread (when measured in rounds). */
export type MetricRow = {
  case: string;
  engine: string;
  metric: string;
  value: number;
  unit: string;
  min?: number;
  max?: number;
};
/**
 * A ratio computed round by round (same round's figures): the median of the rounds' ratios,
 * their min–max, and, when a target applies, in how many of the `rounds` it held.
 */
export type RatioRow = {
  case: string;
  ratio: number;
  min: number;
  max: number;
  rounds: number;
  against: string;
  held?: number;
  target?: string;
};
export type Row = MetricRow | RatioRow;

export const results: Row[] = [];

/** Each figure's per-round values, kept in memory for the ratios (not written out). */
const perRound = new Map<string, number[]>();
const key = (caseName: string, engine: string, name: string) => `${caseName}|${engine}|${name}`;

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function metric(row: MetricRow): void {
  results.push({ ...row, value: round3(row.value) });
}

/** A figure measured once per round: recorded as the median of the rounds, with min–max. */
export function figure(
  caseName: string,
  engine: string,
  name: string,
  unit: string,
  values: number[],
): void {
  perRound.set(key(caseName, engine, name), values);
  metric({
    case: caseName,
    engine,
    metric: name,
    value: median(values),
    unit,
    min: round3(Math.min(...values)),
    max: round3(Math.max(...values)),
  });
}

export function roundsOf(caseName: string, engine: string, name: string): number[] | undefined {
  return perRound.get(key(caseName, engine, name));
}

/** Holds when a round's ratio is at most, or at least, a limit. */
export type Bound = { atMost: number } | { atLeast: number };

export const holds = (bound: Bound, value: number) =>
  "atMost" in bound ? value <= bound.atMost : value >= bound.atLeast;

/**
 * Records `numerator[r] ÷ denominator[r]` for each round r; with a target, counts the rounds
 * in which `bound` held. Nothing is recorded when either side is missing.
 */
export function ratio(
  caseName: string,
  against: string,
  numerator: number[] | undefined,
  denominator: number[] | undefined,
  target?: { name: string; bound: Bound },
): RatioRow | undefined {
  if (!numerator || !denominator || numerator.length !== denominator.length) return undefined;
  const values = numerator.map((n, r) => n / (denominator[r] as number));
  const row: RatioRow = {
    case: caseName,
    ratio: round2(median(values)),
    min: round2(Math.min(...values)),
    max: round2(Math.max(...values)),
    rounds: values.length,
    against,
  };
  if (target) {
    row.held = values.filter((v) => holds(target.bound, v)).length;
    row.target = target.name;
  }
  results.push(row);
  return row;
}

export function find(caseName: string, engine: string, name: string): MetricRow | undefined {
  return results.find(
    (r): r is MetricRow =>
      "metric" in r && r.case === caseName && r.engine === engine && r.metric === name,
  );
}

export type Target = { name: string; met: boolean; status: string; detail: string };
