import { performance } from "node:perf_hooks";

/** A statement counter the engines feed through their driver hook. */
export const counter = { statements: 0 };

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Rounds, calls timed per round, and untimed warm-up calls before the first round. */
export type Plan = { rounds: number; iterations: number; warmup: number };

/**
 * One operation to time. `setup` (untimed) prepares call `i`; `i` grows by one with every
 * call of this case, warm-up included, so each call can use a fresh email, member, etc.
 */
export type Case = {
  name: string;
  setup?: (i: number) => Promise<void>;
  call: (i: number) => Promise<unknown>;
};

/** A product (or the floor) and the cases it runs, e.g. `orgkit/postgres`. */
export type Engine = { name: string; cases: Case[] };

/** One round of one case: its calls' median and p99, and the median statements per call. */
export type Round = { p50: number; p99: number; statements: number };

/** Engine name → case name → one entry per round, in round order. */
export type Measured = Map<string, Map<string, Round[]>>;

/**
 * Runs every engine's cases in interleaved rounds, so that slow drift of a shared machine
 * falls on all engines alike: round 1 of each case on every engine that has it, then round 2,
 * and so on. Within a round, cases go in the order they first appear, and the engines that
 * share a case run it one after another (their order rotates each round). Before round 1,
 * each case runs `plan.warmup` untimed calls the same way. Statements are counted from
 * `counter` around each timed call only; `setup` is neither timed nor counted.
 */
export async function measureInterleaved(
  engines: Engine[],
  plan: Plan,
  onRound?: (round: number) => void,
): Promise<Measured> {
  const names = [...new Set(engines.flatMap((e) => e.cases.map((c) => c.name)))];
  const slots = names.map((name) =>
    engines.flatMap((engine) => {
      const found = engine.cases.find((c) => c.name === name);
      return found ? [{ engine: engine.name, case: found, next: 0, rounds: [] as Round[] }] : [];
    }),
  );
  const pass = async (round: number, calls: number, keep: boolean) => {
    for (const group of slots) {
      for (let k = 0; k < group.length; k += 1) {
        const slot = group[(k + round) % group.length] as (typeof group)[number];
        const ms: number[] = [];
        const statements: number[] = [];
        for (let n = 0; n < calls; n += 1, slot.next += 1) {
          await slot.case.setup?.(slot.next);
          const before = counter.statements;
          const start = performance.now();
          await slot.case.call(slot.next);
          ms.push(performance.now() - start);
          statements.push(counter.statements - before);
        }
        if (keep)
          slot.rounds.push({
            p50: quantile(ms, 0.5),
            p99: quantile(ms, 0.99),
            statements: median(statements),
          });
      }
    }
  };
  await pass(0, plan.warmup, false);
  for (let round = 0; round < plan.rounds; round += 1) {
    await pass(round, plan.iterations, true);
    onRound?.(round + 1);
  }
  const measured: Measured = new Map();
  for (const slot of slots.flat()) {
    const cases = measured.get(slot.engine) ?? new Map<string, Round[]>();
    cases.set(slot.case.name, slot.rounds);
    measured.set(slot.engine, cases);
  }
  return measured;
}

/** The same cases, named for an organization size: `invite` → `invite @ 1000`. */
export function atSize(cases: Case[], size: number): Case[] {
  return cases.map((c) => ({ ...c, name: `${c.name} @ ${size}` }));
}
