/**
 * The extractor's data tables: every pattern matches its own example, and every pattern (and the
 * whole extractor) finishes on adversarial 100 KB inputs in well under a second — catastrophic
 * backtracking would take minutes.
 */
import { describe, expect, test } from 'vitest';
import * as data from '../../../src/pipeline/extract/data/extraction.ts';
import type { TextPattern } from '../../../src/pipeline/patterns.ts';
import { matchAll } from '../../../src/pipeline/patterns.ts';
import { extractDocument } from '../../../src/pipeline/extract/extract.ts';

const patterns: TextPattern[] = [
  data.DEED_TITLE,
  data.DEED_SUBTITLE,
  data.ANNOUNCEMENT_FORMULA,
  ...data.HONOUR_IN_PROSE,
  ...data.WORD_LIMIT_PATTERNS,
  ...data.DEADLINE_PATTERNS,
  data.PHASE_LINE,
  data.PHASE_STEP,
  data.PUBLICITY_NOTE,
  data.EVALUATION_YEAR,
  data.CONFERRING_BODY,
  data.PLACEHOLDER_TOKEN,
  data.BROKEN_YEAR,
];

test('pattern ids are unique kebab-case', () => {
  const ids = patterns.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
});

test.each(patterns.map((p) => [p.id, p] as const))('%s matches its example', (_id, pattern) => {
  expect([...matchAll(pattern.pattern, pattern.example)].length).toBeGreaterThan(0);
});

const SIZE = 100_000;
const ADVERSARIAL: [string, string][] = [
  ['one character', '字'.repeat(SIZE)],
  ['spaces', ' '.repeat(SIZE)],
  ['tabs and newlines', '\t\n'.repeat(SIZE / 2)],
  ['digits', '2'.repeat(SIZE)],
  ['opening brackets', '（'.repeat(SIZE)],
  ['nested brackets', '（〔【'.repeat(SIZE / 6) + '】〕）'.repeat(SIZE / 6)],
  ['quotes', '“'.repeat(SIZE / 2) + '”'.repeat(SIZE / 2)],
  ['alternating scripts', '衛卫a1'.repeat(SIZE / 4)],
  ['list separators', '李静、'.repeat(SIZE / 3)],
  ['near-dates', '2023年1月'.repeat(SIZE / 8)],
  ['near-doc-numbers', '武卫字〔2023〕'.repeat(SIZE / 9)],
  ['one long line of prose', '关于开展评选先进个人名额为'.repeat(SIZE / 13)],
  ['asterisks', '*'.repeat(SIZE)],
];

describe('regex safety', () => {
  test.each(ADVERSARIAL)('every pattern on %s finishes in under 1 s', (_name, input) => {
    for (const pattern of patterns) {
      const started = performance.now();
      let count = 0;
      for (const _ of matchAll(pattern.pattern, input)) if (++count > 10_000) break;
      expect(performance.now() - started, pattern.id).toBeLessThan(1000);
    }
  });

  test.each(ADVERSARIAL)('the extractor on %s finishes in under 1 s', (_name, input) => {
    const started = performance.now();
    extractDocument(input, { normalised: true });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
