// Paired timing for the dashboard bench: a figure and its bare GROUP BY,
// alternated so that other load hits both alike.

export type Row = { label: string; server: string; runs: number; bareRuns: number; p50: number; p95: number; bare50: number; bare95: number; rows: number };

export async function pair2(label: string, server: string, runs: number, capSeconds: number, real: () => Promise<number>, bare: () => Promise<number>): Promise<Row> {
  // Warm both first (plans, caches); then alternate so that other load hits both alike. The figure
  // always gets its R requests; the bare GROUP BY (seconds each at a million people) runs beside them
  // while the cap (--max-seconds, warm-up included) lasts, at least once — the counts are printed.
  const until = performance.now() + capSeconds * 1000;
  let rows = 0;
  for (let k = 0; k < 2; k++) {
    rows = await real();
    if (k === 0 || performance.now() < until) await bare();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    await real();
    a.push(performance.now() - t);
    if (b.length === 0 || performance.now() < until) {
      t = performance.now();
      await bare();
      b.push(performance.now() - t);
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
  return { label, server, rows, runs: a.length, bareRuns: b.length, p50: q(a, 50), p95: q(a, 95), bare50: q(b, 50), bare95: q(b, 95) };
}
