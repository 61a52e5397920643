import { performance } from "node:perf_hooks";

export type Sample = { ms: number; statements: number };

/** A statement counter the engines feed through their driver hook. */
export const counter = { statements: 0 };

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export const median = (values: number[]) => quantile(values, 0.5);

/**
 * Times `call` `iterations` times after `setup` (untimed) each time, over several rounds;
 * returns the median across rounds of each round's p50 and p99, and the statements per call.
 */
export async function measure(
  options: { rounds: number; iterations: number; warmup: number },
  setup: (i: number) => Promise<void>,
  call: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number; statements: number }> {
  let i = 0;
  for (let w = 0; w < options.warmup; w += 1, i += 1) {
    await setup(i);
    await call(i);
  }
  const p50s: number[] = [];
  const p99s: number[] = [];
  const statements: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const samples: Sample[] = [];
    for (let n = 0; n < options.iterations; n += 1, i += 1) {
      await setup(i);
      const before = counter.statements;
      const start = performance.now();
      await call(i);
      samples.push({ ms: performance.now() - start, statements: counter.statements - before });
    }
    p50s.push(
      quantile(
        samples.map((s) => s.ms),
        0.5,
      ),
    );
    p99s.push(
      quantile(
        samples.map((s) => s.ms),
        0.99,
      ),
    );
    statements.push(median(samples.map((s) => s.statements)));
  }
  return { p50: median(p50s), p99: median(p99s), statements: median(statements) };
}

export type CaseResult = { case: string; p50: number; p99: number; statements: number };
export type Plan = { rounds: number; iterations: number; warmup: number };

/** Nothing to prepare before a call. */
export const untimed = async () => {};

/** Collects one result per named case, each measured with the same plan. */
export function collector(plan: Plan) {
  const results: CaseResult[] = [];
  const run = async (
    name: string,
    setup: (i: number) => Promise<void>,
    call: (i: number) => Promise<unknown>,
  ) => {
    results.push({ case: name, ...(await measure(plan, setup, call)) });
  };
  return { results, run };
}
