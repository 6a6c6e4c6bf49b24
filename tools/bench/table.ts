/**
 * The benchmark's human-readable report: one row per measurement, with the target beside it
 * (issue 8's, and issue 21's for the whole build: tools/bench/targets.ts) and whether it is met.
 */
import type { BenchDetails, BenchResult } from './run.ts';
import { WHOLE_BUILD_TARGETS as WHOLE } from './targets.ts';

/** The targets of issue 8 at 10,000 deeds on the reference machine. */
export const TARGETS = Object.freeze({
  timeRatio: 0.5,
  peakRssMB: 1536,
  memoryRatio: 0.35,
  pagefindSeconds: 20,
  indexChunkBytes: 100 * 1024,
  checkSeconds: 15,
  normaliseMBps: 10,
  normaliseVsOpencc: 2,
});

const fixed = (value: number | null | undefined, digits = 1, unit = '') =>
  value === null || value === undefined ? '—' : `${value.toFixed(digits)}${unit}`;
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? 'ok' : 'MISSED');

/** The row under a median that lists each round's value, when there was more than one round. */
function eachRound(seconds: ReadonlyArray<number | undefined>): Array<[string, string, string, string]> {
  if (seconds.length < 2) return [];
  return [['  each round (median above)', `${seconds.map((value) => fixed(value, 1)).join(' / ')} s`, '', '']];
}

export function formatBenchTable(result: BenchResult, details: BenchDetails): string {
  const { build, total, baseline, pagefind, ratio, check, normalise, incremental, search, targets } = result;
  const vsOpencc =
    normalise.MBps !== null && normalise.nativeOpenccMBps !== null && normalise.nativeOpenccMBps > 0
      ? normalise.MBps / normalise.nativeOpenccMBps
      : null;
  const rows: [string, string, string, string][] = [
    ['measure', 'value', 'target', ''],
    [
      'whole build (npm run build)',
      `${fixed(total.seconds, 1, ' s')}${details.pagefindByBuild ? ' (index included)' : ' (no index in the build)'}`,
      '',
      '',
    ],
    ...eachRound(details.rounds.map((r) => r.ours.totalSeconds)),
    [
      '  whole build peak RSS',
      fixed(total.peakRssMB, 0, ' MB'),
      `≤ ${WHOLE.totalPeakRssMB} MB`,
      verdict(targets.totalPeakRssMB),
    ],
    [
      '  stock build + stock Pagefind',
      fixed(
        baseline && baseline.pagefindSeconds !== null ? baseline.seconds + baseline.pagefindSeconds : null,
        1,
        ' s',
      ),
      '',
      '',
    ],
    ['whole-build ratio', fixed(ratio.total, 3), `≤ ${WHOLE.totalRatio}`, verdict(targets.totalRatio)],
    [
      'one deed edited, rebuilt',
      incremental
        ? `${fixed(incremental.seconds, 1, ' s')}, ${incremental.identical === null ? 'not compared' : incremental.identical ? 'identical' : 'NOT identical'}`
        : '—',
      `≤ ${WHOLE.incrementalSeconds} s, identical`,
      verdict(targets.incrementalSeconds),
    ],
    ...(incremental && incremental.identical === false
      ? incremental.differing.map((path): [string, string, string, string] => ['  differs', path, '', ''])
      : []),
    [
      '  clean build to compare',
      details.incremental?.comparison
        ? `${fixed(details.incremental.cleanSeconds, 1, ' s')}, ${details.incremental.comparison.files} files`
        : '—',
      '',
      '',
    ],
    [
      'search: first, a name',
      fixed(search?.nameFirstKB, 1, ' KB'),
      `≤ ${WHOLE.nameFirstKB} KB`,
      verdict(targets.nameFirstKB),
    ],
    [
      'search: first, a phrase',
      fixed(search?.fullTextFirstKB, 1, ' KB'),
      `≤ ${WHOLE.fullTextFirstKB} KB`,
      verdict(targets.fullTextFirstKB),
    ],
    ['search: later p90', fixed(search?.laterP90KB, 1, ' KB'), `≤ ${WHOLE.laterP90KB} KB`, verdict(targets.laterP90KB)],
    ['search: query → results p50', fixed(search?.p50ms, 0, ' ms'), `≤ ${WHOLE.p50ms} ms`, verdict(targets.p50ms)],
    ['build (search index excluded)', fixed(build.seconds, 1, ' s'), '', ''],
    ...eachRound(details.rounds.map((r) => r.ours.seconds)),
    ['  content layer (pipeline)', fixed(details.steps.content, 1, ' s'), '', ''],
    ['  pages', fixed(details.steps.pages, 1, ' s'), '', ''],
    ['  繁體 variant', fixed(details.steps.traditional, 1, ' s'), '', ''],
    ['  share pictures (og:image)', fixed(details.steps.shareImages, 1, ' s'), '', ''],
    [
      'build peak RSS (index excluded)',
      fixed(build.peakRssMB, 0, ' MB'),
      `≤ ${TARGETS.peakRssMB} MB`,
      verdict(build.peakRssMB === null ? null : build.peakRssMB <= TARGETS.peakRssMB),
    ],
    ['  build CPU time', fixed(details.buildCpuSeconds, 1, ' s'), '', ''],
    ['  build peak RSS, index included', fixed(details.buildPeakRssWithIndexMB, 0, ' MB'), '', ''],
    ['  Pagefind indexer peak RSS', fixed(details.pagefindPeakRssMB, 0, ' MB'), '', ''],
    ['baseline (Astro + MDX)', fixed(baseline?.seconds, 1, ' s'), '', ''],
    ...(baseline ? eachRound(details.rounds.map((r) => r.stock?.seconds)) : []),
    ['  baseline CPU time', fixed(details.baselineCpuSeconds, 1, ' s'), '', ''],
    ['baseline peak RSS', fixed(baseline?.peakRssMB, 0, ' MB'), '', ''],
    ['stock Pagefind over the baseline', fixed(baseline?.pagefindSeconds, 1, ' s'), '', ''],
    ...(baseline ? eachRound(details.rounds.map((r) => r.stock?.pagefindSeconds ?? undefined)) : []),
    ['  stock Pagefind peak RSS', fixed(baseline?.pagefindPeakRssMB, 0, ' MB'), '', ''],
    [
      'time ratio',
      fixed(ratio.time, 3),
      `≤ ${TARGETS.timeRatio}`,
      verdict(ratio.time === null ? null : ratio.time <= TARGETS.timeRatio),
    ],
    [
      'memory ratio',
      fixed(ratio.memory, 3),
      `≤ ${TARGETS.memoryRatio}`,
      verdict(ratio.memory === null ? null : ratio.memory <= TARGETS.memoryRatio),
    ],
    [
      'pagefind',
      fixed(pagefind.seconds, 1, ' s'),
      `≤ ${TARGETS.pagefindSeconds} s`,
      verdict(pagefind.seconds === null ? null : pagefind.seconds <= TARGETS.pagefindSeconds),
    ],
    ['  index size', fixed(pagefind.indexBytes === null ? null : pagefind.indexBytes / 1e6, 1, ' MB'), '', ''],
    [
      '  largest index chunk',
      fixed(details.largestIndexChunkBytes === null ? null : details.largestIndexChunkBytes / 1024, 1, ' KB'),
      '≤ 100 KB',
      verdict(
        details.largestIndexChunkBytes === null ? null : details.largestIndexChunkBytes <= TARGETS.indexChunkBytes,
      ),
    ],
    [
      'deeds check (cold)',
      fixed(check.seconds, 1, ' s'),
      `≤ ${TARGETS.checkSeconds} s`,
      verdict(check.seconds === null ? null : check.seconds <= TARGETS.checkSeconds),
    ],
    ['  after a build (cached)', fixed(details.checkAfterBuildSeconds, 1, ' s'), '', ''],
    [
      'normaliser',
      fixed(normalise.MBps, 1, ' MB/s'),
      `≥ ${TARGETS.normaliseMBps} MB/s`,
      verdict(normalise.MBps === null ? null : normalise.MBps >= TARGETS.normaliseMBps),
    ],
    [
      '  first pass (JIT cold)',
      fixed(
        details.normaliseFirstPassSeconds ? details.textBytes / 1e6 / details.normaliseFirstPassSeconds : null,
        1,
        ' MB/s',
      ),
      '',
      '',
    ],
    ['native opencc t2s', fixed(normalise.nativeOpenccMBps, 1, ' MB/s'), '', ''],
    [
      'normaliser / opencc',
      fixed(vsOpencc, 2, '×'),
      `≥ ${TARGETS.normaliseVsOpencc}×`,
      verdict(vsOpencc === null ? null : vsOpencc >= TARGETS.normaliseVsOpencc),
    ],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const { corpus } = details;
  return [
    `${result.pages} deeds (${corpus.traditional} traditional, ${corpus.pinyin} with pinyin, ${corpus.noisy} with page noise), ` +
      `${corpus.announcements} announcements, ${corpus.rolls} rolls; ${details.htmlPages} HTML pages built`,
    `machine: ${result.machine.cpus} CPUs, Node ${result.machine.node}; normaliser text: ${(details.textBytes / 1e6).toFixed(1)} MB from ${details.normaliseSource}`,
    '',
    line(rows[0]!),
    widths
      .map((w) => '-'.repeat(w))
      .join('  ')
      .trimEnd(),
    ...rows.slice(1).map(line),
    ...(details.checkExit === 1 ? ['', 'note: deeds check reported errors in the generated corpus'] : []),
  ].join('\n');
}
