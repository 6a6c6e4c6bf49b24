import { describe, expect, test } from 'vitest';
import { median, type BenchDetails, type BenchResult } from '../../../tools/bench/run.ts';
import { formatBenchTable } from '../../../tools/bench/table.ts';
import { wholeBuildVerdicts } from '../../../tools/bench/targets.ts';

const measured: Omit<BenchResult, 'targets'> = {
  pages: 10_000,
  build: { seconds: 60, peakRssMB: 1200 },
  total: { seconds: 90, peakRssMB: 1600 },
  pagefind: { seconds: 30, indexBytes: 40e6 },
  baseline: { seconds: 100, peakRssMB: 4000, pagefindSeconds: 125, pagefindPeakRssMB: 7700 },
  ratio: { time: 0.6, memory: 0.3, total: 0.4 },
  incremental: { seconds: 12, peakRssMB: 900, identical: false, differing: ['deeds/2016/deed-00101/index.html'] },
  search: { nameFirstKB: 80, fullTextFirstKB: 260.4, laterP90KB: 50, p50ms: 101 },
  check: { seconds: 12 },
  normalise: { MBps: 12, nativeOpenccMBps: 3 },
  machine: { cpus: 2, node: 'v24.21.0' },
};
const result: BenchResult = { ...measured, targets: wholeBuildVerdicts(measured) };

const details = {
  dir: '/tmp/x',
  corpus: { deeds: 10_000, announcements: 100, rolls: 50, traditional: 2000, pinyin: 500, noisy: 500 },
  buildTotalSeconds: 90,
  search: null,
  incremental: {
    cleanSeconds: 95,
    deedPath: 'deeds/2016/deed-00101.mdx',
    comparison: { identical: false, files: 260_000, differingCount: 1, differing: [] },
  },
  buildCpuSeconds: 110,
  baselineCpuSeconds: 120,
  buildPeakRssWithIndexMB: 1500,
  pagefindPeakRssMB: 900,
  steps: { content: 20, pages: 25, traditional: 5, searchIndex: 30, shareImages: 40 },
  rounds: [
    {
      ours: { seconds: 60, peakRssMB: 1200, totalSeconds: 90 },
      stock: { seconds: 100, peakRssMB: 4000, pagefindSeconds: 125 },
    },
    {
      ours: { seconds: 64.5, peakRssMB: 1250, totalSeconds: 96.5 },
      stock: { seconds: 110, peakRssMB: 4100, pagefindSeconds: 130 },
    },
  ],
  pagefindByBuild: true,
  largestIndexChunkBytes: 150 * 1024,
  pagefindFiles: 3000,
  htmlPages: 40_000,
  checkExit: 0,
  checkAfterBuildSeconds: 3,
  normaliseSource: 'seed',
  normaliseSeconds: 0.583,
  normaliseFirstPassSeconds: 1,
  textBytes: 7_000_000,
} as unknown as BenchDetails;

const row = (table: string, name: string) => table.split('\n').find((line) => line.startsWith(name)) ?? '';

describe('bench table', () => {
  const table = formatBenchTable(result, details);
  test.each([
    ['time ratio', '0.600', 'MISSED'],
    ['memory ratio', '0.300', 'ok'],
    ['pagefind', '30.0 s', 'MISSED'],
    ['  largest index chunk', '150.0 KB', 'MISSED'],
    ['deeds check (cold)', '12.0 s', 'ok'],
    ['  after a build (cached)', '3.0 s', ''],
    ['normaliser ', '12.0 MB/s', 'ok'],
    ['  first pass (JIT cold)', '7.0 MB/s', ''],
    ['normaliser / opencc', '4.00×', 'ok'],
    ['  share pictures (og:image)', '40.0 s', ''],
    // Issue 21: the whole build and its targets.
    ['whole build (npm run build)', '90.0 s (index included)', ''],
    ['  whole build peak RSS', '1600 MB', 'MISSED'],
    ['  stock build + stock Pagefind', '225.0 s', ''],
    ['whole-build ratio', '0.400', 'ok'],
    ['one deed edited, rebuilt', '12.0 s, NOT identical', 'MISSED'],
    ['  differs', 'deeds/2016/deed-00101/index.html', ''],
    ['  clean build to compare', '95.0 s, 260000 files', ''],
    ['search: first, a name', '80.0 KB', 'ok'],
    ['search: first, a phrase', '260.4 KB', 'MISSED'],
    ['search: later p90', '50.0 KB', 'ok'],
    ['search: query → results p50', '101 ms', 'MISSED'],
    ['stock Pagefind over the baseline', '125.0 s', ''],
    ['  stock Pagefind peak RSS', '7700 MB', ''],
  ])('%s shows %s %s', (name, value, verdict) => {
    const line = row(table, name);
    expect(line).toContain(value);
    if (verdict) expect(line.trimEnd().endsWith(verdict)).toBe(true);
    else expect(line).not.toMatch(/ok|MISSED/);
  });

  test('each round under its median: whole build, build without index, stock build, stock Pagefind', () => {
    const rounds = table
      .split('\n')
      .filter((line) => line.startsWith('  each round'))
      .map((line) => line.replace('  each round (median above)', '').trim());
    expect(rounds).toEqual(['90.0 / 96.5 s', '60.0 / 64.5 s', '100.0 / 110.0 s', '125.0 / 130.0 s']);
  });

  test('a run without baseline, search or incremental leaves those targets unmarked', () => {
    const bare: Omit<BenchResult, 'targets'> = {
      ...measured,
      baseline: null,
      ratio: { time: null, memory: null, total: null },
      incremental: null,
      search: null,
    };
    const lean = formatBenchTable({ ...bare, targets: wholeBuildVerdicts(bare) }, { ...details, incremental: null });
    for (const name of [
      'whole-build ratio',
      'one deed edited, rebuilt',
      'search: first, a name',
      'search: later p90',
    ]) {
      expect(row(lean, name)).toContain('—');
      expect(row(lean, name)).not.toMatch(/ok|MISSED/);
    }
    expect(row(lean, '  whole build peak RSS').trimEnd().endsWith('MISSED')).toBe(true);
  });

  test('a rebuild not compared (no room on the disk) is shown so, and left unmarked', () => {
    const uncompared: Omit<BenchResult, 'targets'> = {
      ...measured,
      incremental: { seconds: 9, peakRssMB: 900, identical: null, differing: [] },
    };
    const table = formatBenchTable(
      { ...uncompared, targets: wholeBuildVerdicts(uncompared) },
      { ...details, incremental: { cleanSeconds: null, comparison: null, deedPath: 'deeds/2016/deed-00101.mdx' } },
    );
    expect(row(table, 'one deed edited, rebuilt')).toContain('9.0 s, not compared');
    expect(row(table, 'one deed edited, rebuilt')).not.toMatch(/ok|MISSED/);
    expect(row(table, '  clean build to compare')).toContain('—');
  });
});

describe('median', () => {
  test.each([
    [[3], 3],
    [[5, 1], 1],
    [[2, 9, 4], 4],
    [[4, 1, 3, 2], 2],
    [[], null],
    [[1, null], null],
  ])('median(%j) = %j', (values, expected) => {
    expect(median(values as (number | null)[])).toBe(expected);
  });
});
