/** Percentiles of a sample, in the sample's unit (nearest rank). */
export function summarize(samples: number[]): {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN, mean };
}

export function median(samples: number[]): number {
  return summarize(samples).p50;
}

/** Rounds for the results file: two decimals is finer than any of these figures is repeatable. */
export function round(x: number, places = 2): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}
