import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  detectScript,
  openccConverter,
  simplifyEdits,
  toSimplified,
  toTraditional,
} from '../../../src/pipeline/normalise/script.ts';
import { applyEdits, type Edit } from '../../../src/pipeline/normalise/change-record.ts';
import { describeSeeds, readSeed, SEED_FILES } from '../../helpers/seeds.ts';

const glossary = [
  { simplified: '钟南山', traditional: '鍾南山', variants: ['鐘南山'] },
  { simplified: '於梨华', traditional: '於梨華', variants: [] },
  { simplified: '雙峯', traditional: '雙峯', variants: ['双峰', '雙峰'] },
];

describe('detectScript', () => {
  test.each([
    ['衛生健康委員會召開表彰大會', 'traditional'],
    ['卫生健康委员会召开表彰大会', 'simplified'],
    ['衛生健康委員會召開表彰大会，卫生健康委员会召开表彰大会', 'mixed'],
    ['2023年1月4日', 'simplified'],
    ['', 'simplified'],
    ['近年來，衛生局的工作取得了很大的成績，醫療衛生服務體系不斷完善，群眾滿意，卫', 'traditional'],
  ])('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe('toSimplified', () => {
  test('phrase-level: 乾隆 stays, 乾淨 becomes 干净', () => {
    expect(toSimplified('乾隆年間的乾淨')).toBe('乾隆年间的干净');
  });

  test('glossary terms are written as the glossary says', () => {
    expect(toSimplified('鐘南山和於梨華在雙峰', glossary)).toBe('钟南山和於梨华在雙峯');
  });

  test('the fast path gives exactly what opencc-js t→cn gives', () => {
    const opencc = openccConverter('t', 'cn');
    const unit = fc.constantFrom(
      ...'衛生會議乾隆淨於鍾鐘後發髮臺灣裡裏著覆藉瞭沈麼個們為這來說時樣點們爲眾體國標準化，。 a1\n𠀀𪚥',
      '乾淨',
      '反覆',
      '瞭解',
      '藉口',
      '千鍾粟',
      '\u2ff0',
      '\uF900',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('');
        expect(toSimplified(text)).toBe(opencc(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('edits are sorted, disjoint, and apply to the conversion', () => {
    const text = '近年來，**市衛生局在市委、市政府和省衛生廳的正確領導下';
    const edits: Edit[] = [];
    const counts = simplifyEdits(text, edits);
    expect(applyEdits(text, edits)).toBe(openccConverter('t', 'cn')(text));
    expect(counts.traditional).toBeGreaterThan(5);
    for (let k = 1; k < edits.length; k++) expect(edits[k]!.start).toBeGreaterThanOrEqual(edits[k - 1]!.end);
    // Close changes are recorded together, never across punctuation.
    expect(edits.map((e) => text.slice(e.start, e.end))).toContain('衛生廳的正確領導');
    expect(edits.every((e) => !/[，、]/.test(text.slice(e.start, e.end)))).toBe(true);
  });

  test.each(['tw', 'hk'] as const)('a %s source goes through opencc-js', (from) => {
    expect(toSimplified('臺灣的衛生署', [], from)).toBe(openccConverter(from, 'cn')('臺灣的衛生署'));
  });
});

describe('toTraditional', () => {
  test.each([
    ['tw', '卫生健康委员会', '衛生健康委員會'],
    ['hk', '卫生健康委员会', '衞生健康委員會'],
  ] as const)('%s', (variant, text, expected) => {
    expect(toTraditional(text, { variant })).toBe(expected);
  });

  test('glossary terms take their traditional form', () => {
    expect(toTraditional('钟南山院士', { variant: 'tw' })).toBe(openccConverter('cn', 'tw')('钟南山院士'));
    expect(toTraditional('钟南山院士和于是', { variant: 'tw', glossary })).toBe(
      '鍾南山院士和' + openccConverter('cn', 'tw')('于是'),
    );
  });

  test('is fast enough for every page of the site: 1 MB under a few seconds', () => {
    const text = '卫生健康委员会召开表彰大会，钟南山院士出席。'.repeat(40_000);
    const converted = toTraditional(text, { variant: 'tw', glossary });
    expect(converted.length).toBe(text.length);
  });
});

describeSeeds('script on the seeds', () => {
  test.each(SEED_FILES)('%s: the fast path agrees with opencc-js', (name) => {
    const text = readSeed(name);
    expect(toSimplified(text)).toBe(openccConverter('t', 'cn')(text));
  });
});
