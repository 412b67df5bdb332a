/**
 * How hard the fuzzers push. `npm test` runs a fixed seed and a bounded count so a run is repeatable;
 * CONFBAR_FUZZ_RUNS (a multiplier, e.g. 10) and CONFBAR_FUZZ_SEED push further or elsewhere. A failure
 * prints fast-check's seed and path, which replay it exactly.
 */
const factor = Number(process.env.CONFBAR_FUZZ_RUNS ?? '1');
export const FUZZ_SEED = Number(process.env.CONFBAR_FUZZ_SEED ?? '20261201');

/** `base` runs, times CONFBAR_FUZZ_RUNS. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}
