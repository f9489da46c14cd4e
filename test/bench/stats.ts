export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

export interface Timing {
  p50: number;
  p95: number;
  max: number;
}

/** Runs fn once per input after a warm-up pass and returns p50/p95 in milliseconds. */
export async function timeEach<T>(inputs: T[], fn: (x: T) => unknown): Promise<Timing> {
  for (const x of inputs.slice(0, 3)) await fn(x);
  const times: number[] = [];
  for (const x of inputs) {
    const t0 = performance.now();
    await fn(x);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n## ${title}`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
