/**
 * The extractor against the seeds' hand-read facts (`../shared/seeds/expected.json`), against
 * fixtures of our own (fictional names), and the law of issue 9: it never returns a value that is
 * not in the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { findDates } from '../../../src/lib/dates.ts';
import { parseDocNumber } from '../../../src/lib/doc-number.ts';
import { extractDocument, type ExtractResult } from '../../../src/pipeline/extract/extract.ts';
import { describeSeeds, expectedSeeds, readSeed, PROJECT_ROOT, type SeedFile } from '../../helpers/seeds.ts';

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const simplify = (value: unknown): unknown => JSON.parse(toSimplified(JSON.stringify(value)));

/** Facts about the damage a document carries, which the normaliser and the checks deal with, not the extractor. */
const NOT_EXTRACTED = new Set(['file', 'boilerplate', 'spunText', 'pinyinAnnotationsExample']);

describeSeeds('extractDocument on the seeds', () => {
  const seeds = expectedSeeds();
  const results = new Map<string, ExtractResult>();
  const resultOf = (file: SeedFile) => {
    if (!results.has(file)) results.set(file, extractDocument(readSeed(file), { path: file }).result);
    return results.get(file)!;
  };
  const cases = seeds.flatMap((seed) =>
    Object.keys(seed)
      .filter((key) => !NOT_EXTRACTED.has(key))
      .map((key) => [seed.file, key, seed[key]] as const),
  );

  test.each(cases)('%s: %s', (file, key, expected) => {
    const result = resultOf(file) as unknown as Record<string, unknown>;
    switch (key) {
      case 'honoursIncludeSimplified':
        for (const honour of expected as string[]) expect(result.honours).toContain(honour);
        return;
      case 'placeholders':
        for (const token of expected as string[]) expect(result.placeholders).toContain(token);
        return;
      case 'subject':
        expect((result.subject as { name: string } | null)?.name).toBe(simplify(expected));
        return;
      case 'allocation': {
        const { note: _note, ...facts } = expected as Record<string, unknown>;
        expect(result.allocation).toEqual(facts);
        return;
      }
      default:
        // Outputs are simplified script; the hand-read facts of traditional seeds are compared simplified.
        expect(result[key]).toEqual(simplify(expected));
    }
  });

  test('every seed yields a kind and a word count, and never a value for what it does not state', () => {
    for (const seed of seeds) {
      const result = resultOf(seed.file);
      expect(result.wordCount).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(seed))
        if (value === null) expect(result[key as keyof ExtractResult]).toBeNull();
    }
  });
});

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/extract');
const fixtureCases = readdirSync(FIXTURES).sort();

describe('extractDocument on fixtures', () => {
  test.each(fixtureCases)('%s', (name) => {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Record<string, unknown>;
    const { result } = extractDocument(input, { path: `${name}/input.txt` });
    for (const [key, value] of Object.entries(expected)) {
      expect(result[key as keyof ExtractResult], key).toEqual(value);
    }
  });

  test('a roll whose declared count differs from the names read gets a warning at the category', () => {
    const { result } = extractDocument('2023年度示例名单\n\n先进个人（3名）\n李静、王芳\n', { path: 'roll.txt' });
    expect(result.awardees.map((a) => a.name)).toEqual(['李静', '王芳']);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'extract-roll-count', severity: 'warning', line: 3, column: 1 }),
    );
  });

  test('a month and day without a year is read in the document year and reported as a guess', () => {
    const { result } = extractDocument(
      '示卫函〔2022〕5号\n\n关于推荐优秀护士的通知\n\n各有关单位：\n\n请于9月15日前报送推荐材料。\n',
    );
    expect(result.deadline).toBe('2022-09-15');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'extract-inferred-year', line: 7 }));
  });
});

/** Pieces of documents, so that random input reaches the patterns. */
const FRAGMENTS = [
  '武卫字〔2023〕4号',
  '许卫函(2021)3号',
  '关于开展',
  '评选活动的通知',
  '的决定',
  '名单',
  '2023年1月4日',
  '二〇二三年一月四日',
  '民國107年7月17日',
  '9月15日',
  '2021年5月—8月31日',
  '（一）活动开展阶段',
  '截止时间',
  '前报送',
  '\n',
  '\n\n',
  '\t',
  '  ',
  '先进个人（3名）',
  '“左英护理奖”特别奖(1名)',
  '李静',
  '李  静',
  '欧阳明月',
  '示例市第一人民医院',
  '卫生健康局',
  '、',
  '，',
  '：',
  '。',
  '“',
  '”',
  '（',
  '）',
  '附件：1.',
  '附件1：',
  '事迹材料1000字以内',
  '名额总数为8个',
  '标杆医院 5 个',
  '荣获',
  '称号',
  '被评为',
  '**市',
  'xx',
  '| 1 | 李静 | 示例医院 |',
];

const documentLike = fc
  .array(
    fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

const squeeze = (text: string) => text.replace(/\s+/gu, '');

describe('laws (issue 9)', () => {
  test('the extractor does not throw, and returns only values that are in the normalised text', () => {
    fc.assert(
      fc.property(documentLike, (input) => {
        const { result, normalised, file } = extractDocument(input);
        // What extraction read: the normalised text, and the bylines it keeps for reading (see extract.ts).
        const read = `${normalised.value}\n${String(file.value)}`;
        const text = squeeze(read);
        if (result.docNumber) {
          const parts = parseDocNumber(result.docNumber);
          expect(parts).not.toBeNull();
          expect(text).toContain(parts!.agencyCode);
          expect(text).toContain(String(parts!.year));
        }
        for (const value of [result.title, result.subject?.name, result.unit, ...result.recipients]) {
          if (value) expect(text).toContain(squeeze(value));
        }
        // Several issuers are joined with 、 whatever separated them in print.
        for (const body of result.issuer?.split('、') ?? []) expect(text).toContain(squeeze(body));
        for (const awardee of result.awardees) {
          expect(text).toContain(awardee.name);
          if (awardee.unit) expect(text).toContain(awardee.unit);
        }
        for (const honour of result.honours) expect(text).toContain(squeeze(honour));
        const printed = findDates(read, { year: 2000, monthWithoutYear: true });
        const found = (iso: string | null) => {
          if (!iso) return;
          const [y, m, d] = iso.split('-').map(Number);
          expect(
            printed.some((p) => p.month === m && (d === undefined || p.day === d) && (p.yearInferred || p.year === y)),
            `${iso} is not printed in ${JSON.stringify(normalised.value)}`,
          ).toBe(true);
        };
        found(result.date);
        found(result.deadline);
        for (const phase of result.phases) {
          found(phase.start);
          found(phase.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('extraction is deterministic', () => {
    fc.assert(
      fc.property(documentLike, (input) => {
        expect(extractDocument(input).result).toEqual(extractDocument(input).result);
      }),
      { numRuns: 50 },
    );
  });
});
