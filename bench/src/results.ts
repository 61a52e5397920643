export type MetricRow = {
  case: string;
  engine: string;
  metric: string;
  value: number;
  unit: string;
};
export type RatioRow = { case: string; ratio: number; against: string };
export type Row = MetricRow | RatioRow;

export const results: Row[] = [];

export function metric(row: MetricRow): void {
  results.push({ ...row, value: Math.round(row.value * 1000) / 1000 });
}

export function ratio(row: RatioRow): void {
  results.push({ ...row, ratio: Math.round(row.ratio * 100) / 100 });
}

export function find(caseName: string, engine: string, name: string): number | undefined {
  const row = results.find(
    (r): r is MetricRow =>
      "metric" in r && r.case === caseName && r.engine === engine && r.metric === name,
  );
  return row?.value;
}

export type Target = { name: string; met: boolean; detail: string };
