import { bucketWidthTenths } from '../db/queries/daily-figures.ts';

/**
 * The median of reply times kept as a histogram (bucket lower bound in tenths of a second →
 * count). Why buckets: a median cannot be added up from per-day medians, and keeping every
 * reply time would make the rollup as big as the messages; a per-day histogram adds up across
 * days and channels exactly, and its median is the true median (Postgres' `percentile_cont(0.5)`
 * over every reply) give or take half a bucket: 0.05 s under 10 s, 0.5 s under 2 min, 5 s under
 * an hour, 30 s under a day. Each sample stands at its bucket's middle; with an even count the
 * two middle samples are averaged, as `percentile_cont` does.
 */
export function medianOfBuckets(buckets: Map<string, number> | undefined): { seconds: number | null; samples: number } {
  const sorted = [...(buckets ?? [])]
    .map(([lower, n]) => ({ lower: Number(lower), n }))
    .sort((a, b) => a.lower - b.lower);
  const samples = sorted.reduce((sum, b) => sum + b.n, 0);
  if (samples === 0) return { seconds: null, samples: 0 };
  const at = (rank: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (rank < seen) return (b.lower + bucketWidthTenths(b.lower) / 2) / 10;
    }
    return Number.NaN; // unreachable: rank < samples
  };
  const middle = Math.floor((samples - 1) / 2);
  const seconds = samples % 2 === 1 ? at(middle) : (at(middle) + at(middle + 1)) / 2;
  return { seconds, samples };
}
