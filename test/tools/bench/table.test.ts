import { describe, expect, test } from 'vitest';
import { median, type BenchDetails, type BenchResult } from '../../../tools/bench/run.ts';
import { formatBenchTable } from '../../../tools/bench/table.ts';

const result: BenchResult = {
  pages: 10_000,
  build: { seconds: 60, peakRssMB: 1200 },
  pagefind: { seconds: 30, indexBytes: 40e6 },
  baseline: { seconds: 100, peakRssMB: 4000 },
  ratio: { time: 0.6, memory: 0.3 },
  check: { seconds: 12 },
  normalise: { MBps: 12, nativeOpenccMBps: 3 },
  machine: { cpus: 2, node: 'v24.21.0' },
};

const details = {
  dir: '/tmp/x',
  corpus: { deeds: 10_000, announcements: 100, rolls: 50, traditional: 2000, pinyin: 500, noisy: 500 },
  buildTotalSeconds: 90,
  buildCpuSeconds: 110,
  baselineCpuSeconds: 120,
  buildPeakRssWithIndexMB: 1500,
  pagefindPeakRssMB: 900,
  steps: { content: 20, pages: 25, traditional: 5, searchIndex: 30, shareImages: 40 },
  rounds: [
    { ours: { seconds: 60, peakRssMB: 1200 }, stock: { seconds: 100, peakRssMB: 4000 } },
    { ours: { seconds: 64.5, peakRssMB: 1250 }, stock: { seconds: 110, peakRssMB: 4100 } },
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
    ['  each round (median above)', '60.0 / 64.5 s', ''],
    ['  share pictures (og:image)', '40.0 s', ''],
  ])('%s shows %s %s', (name, value, verdict) => {
    const line = row(table, name);
    expect(line).toContain(value);
    if (verdict) expect(line.trimEnd().endsWith(verdict)).toBe(true);
    else expect(line).not.toMatch(/ok|MISSED/);
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
