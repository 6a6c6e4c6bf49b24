import { describe, expect, test } from 'vitest';
import { totalRatio, wholeBuildVerdicts, type WholeBuildMeasures } from '../../../tools/bench/targets.ts';

const measures = (over: Partial<WholeBuildMeasures> = {}): WholeBuildMeasures => ({
  total: { peakRssMB: 1400 },
  ratio: { total: 0.35 },
  incremental: { seconds: 9, identical: true },
  search: { nameFirstKB: 60, fullTextFirstKB: 200, laterP90KB: 30, p50ms: 40 },
  ...over,
});

describe('whole-build targets (issue 21)', () => {
  test('all met', () => {
    expect(Object.values(wholeBuildVerdicts(measures()))).toEqual(Array(7).fill(true));
  });

  test.each([
    ['totalRatio', { ratio: { total: 0.4 } }, true],
    ['totalRatio', { ratio: { total: 0.401 } }, false],
    ['totalRatio', { ratio: { total: null } }, null],
    ['totalPeakRssMB', { total: { peakRssMB: 1536 } }, true],
    ['totalPeakRssMB', { total: { peakRssMB: 4700 } }, false],
    ['totalPeakRssMB', { total: { peakRssMB: null } }, null],
    ['incrementalSeconds', { incremental: { seconds: 15, identical: true } }, true],
    ['incrementalSeconds', { incremental: { seconds: 16, identical: true } }, false],
    // Fast but not what a clean build gives: missed.
    ['incrementalSeconds', { incremental: { seconds: 3, identical: false } }, false],
    ['incrementalSeconds', { incremental: null }, null],
    // Rebuilt, but no room on the disk to compare with a clean build: not known to be met.
    ['incrementalSeconds', { incremental: { seconds: 3, identical: null } }, null],
    ['nameFirstKB', { search: { nameFirstKB: 100.1, fullTextFirstKB: 200, laterP90KB: 30, p50ms: 40 } }, false],
    ['fullTextFirstKB', { search: { nameFirstKB: 60, fullTextFirstKB: 250, laterP90KB: 30, p50ms: 40 } }, true],
    ['fullTextFirstKB', { search: { nameFirstKB: 60, fullTextFirstKB: 389, laterP90KB: 30, p50ms: 40 } }, false],
    ['laterP90KB', { search: { nameFirstKB: 60, fullTextFirstKB: 200, laterP90KB: 118, p50ms: 40 } }, false],
    ['p50ms', { search: { nameFirstKB: 60, fullTextFirstKB: 200, laterP90KB: 30, p50ms: 109 } }, false],
    ['p50ms', { search: null }, null],
  ] as const)('%s with %j: %j', (key, over, expected) => {
    expect(wholeBuildVerdicts(measures(over as Partial<WholeBuildMeasures>))[key]).toBe(expected);
  });
});

describe('totalRatio: our whole build over stock build + stock Pagefind', () => {
  test.each([
    // One round: 84.4 / (84.4 + 99.4).
    [84.4, [{ seconds: 84.4, pagefindSeconds: 99.4 }], 0.459],
    // Rounds: the median of the stock sums (the lower middle of an even count), 100 + 125.
    [
      90,
      [
        { seconds: 110, pagefindSeconds: 130 },
        { seconds: 100, pagefindSeconds: 125 },
      ],
      0.4,
    ],
    [
      90,
      [
        { seconds: 100, pagefindSeconds: 200 },
        { seconds: 100, pagefindSeconds: 125 },
        { seconds: 90, pagefindSeconds: 60 },
      ],
      0.4,
    ],
    // A stock Pagefind that failed, or no stock side at all: no ratio.
    [90, [{ seconds: 100, pagefindSeconds: null }], null],
    [90, [], null],
  ])('%d s over %j = %j', (ours, stock, expected) => {
    expect(totalRatio(ours, stock)).toBe(expected);
  });
});
