// One small deterministic PRNG for every fixed-seed test and fuzzer.
export type Rng = () => number;

/** mulberry32. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `../shared/datasets` beside the repository (as on every machine and in CI), or $PRGUARD_DATASETS. */
export const DATASETS = process.env.PRGUARD_DATASETS ?? new URL('../../../shared/datasets', import.meta.url).pathname;

/** The real ranges of shared/datasets/real-diffs, or $PRGUARD_REAL_DIFFS. */
export const REAL_DIFFS = process.env.PRGUARD_REAL_DIFFS ?? `${DATASETS}/real-diffs`;
