/** Percentiles of a sample, in the sample's unit. */
export function summarize(samples: number[]): {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, mean };
}

export function fmt(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}
