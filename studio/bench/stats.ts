/** Summaries of a benchmark's per-round samples. */

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** A small seeded generator (mulberry32): the same sequence on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Where the median of `xs` would fall if the rounds were run again: the 5th and 95th
 * percentiles of the medians of resamples drawn with replacement (a percentile bootstrap,
 * 90%). With 15 noisy rounds a median alone can sit several percent from where it settles.
 */
export function medianInterval(xs: readonly number[], resamples = 4000): { low: number; high: number } {
  if (xs.length === 0) return { low: NaN, high: NaN };
  const random = seeded(xs.length * 7919);
  const medians: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: xs.length }, () => xs[Math.floor(random() * xs.length)] ?? NaN);
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  return { low: medians[Math.floor(resamples * 0.05)] ?? NaN, high: medians[Math.ceil(resamples * 0.95) - 1] ?? NaN };
}
