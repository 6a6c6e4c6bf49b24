/**
 * Issue 21's targets for the whole build at 10,000 deeds, and which of them a run meets. The table
 * marks each row with the verdict; the JSON carries the verdicts as `targets`.
 */

export const WHOLE_BUILD_TARGETS = Object.freeze({
  /** Whole build over stock Astro + MDX + stock Pagefind, same run. */
  totalRatio: 0.4,
  /** Whole-build peak memory (process tree), MiB. */
  totalPeakRssMB: 1536,
  /** One deed edited, rebuilt, seconds (and the output identical to a clean build's). */
  incrementalSeconds: 15,
  /** First search for a name, KB over the wire. */
  nameFirstKB: 100,
  /** First search for a phrase, KB over the wire. */
  fullTextFirstKB: 250,
  /** Later queries, 90th percentile, KB. */
  laterP90KB: 50,
  /** Query → results, median, milliseconds. */
  p50ms: 100,
});

/** The measures the verdicts read, as `npm run bench -- --json` prints them. */
export interface WholeBuildMeasures {
  total: { peakRssMB: number | null };
  ratio: { total: number | null };
  incremental: { seconds: number; identical: boolean | null } | null;
  search: { nameFirstKB: number; fullTextFirstKB: number; laterP90KB: number; p50ms: number } | null;
}

/** Met (`true`), missed (`false`) or not measured (`null`), per target. */
export type Verdicts = Record<keyof typeof WHOLE_BUILD_TARGETS, boolean | null>;

const atMost = (value: number | null | undefined, limit: number) =>
  value === null || value === undefined ? null : value <= limit;

export function wholeBuildVerdicts(measures: WholeBuildMeasures): Verdicts {
  const t = WHOLE_BUILD_TARGETS;
  const { incremental, search } = measures;
  return {
    totalRatio: atMost(measures.ratio.total, t.totalRatio),
    totalPeakRssMB: atMost(measures.total.peakRssMB, t.totalPeakRssMB),
    // Fast and wrong is not met: the rebuild must give what a clean build gives (`null`: not compared).
    incrementalSeconds:
      !incremental || incremental.identical === null
        ? null
        : incremental.identical && incremental.seconds <= t.incrementalSeconds,
    nameFirstKB: atMost(search?.nameFirstKB, t.nameFirstKB),
    fullTextFirstKB: atMost(search?.fullTextFirstKB, t.fullTextFirstKB),
    laterP90KB: atMost(search?.laterP90KB, t.laterP90KB),
    p50ms: atMost(search?.p50ms, t.p50ms),
  };
}

/**
 * Our whole build over the stock side: each round's stock build plus its stock Pagefind run, the
 * median of those sums (as for every figure of `--rounds`). `null` without a stock side, or when a
 * stock Pagefind run failed.
 */
export function totalRatio(
  ourTotalSeconds: number,
  stockRounds: ReadonlyArray<{ seconds: number; pagefindSeconds: number | null }>,
): number | null {
  if (stockRounds.length === 0 || stockRounds.some((r) => r.pagefindSeconds === null)) return null;
  const sums = stockRounds.map((r) => r.seconds + r.pagefindSeconds!).sort((a, b) => a - b);
  const stock = sums[Math.floor((sums.length - 1) / 2)]!;
  return stock > 0 ? Math.round((ourTotalSeconds / stock) * 1000) / 1000 : null;
}
