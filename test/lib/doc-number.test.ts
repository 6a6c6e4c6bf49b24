import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findDocNumbers, formatDocNumber, normaliseDocNumber, parseDocNumber } from '../../src/lib/doc-number.ts';

describe('parseDocNumber', () => {
  test.each([
    ['武卫字〔2023〕4号', '武卫字', 2023, 4, '武卫字〔2023〕4号'],
    ['新衛〔2010〕11號', '新衛', 2010, 11, '新衛〔2010〕11号'],
    ['卫人秘(2009)378号', '卫人秘', 2009, 378, '卫人秘〔2009〕378号'],
    ['卫人秘（2009）378号', '卫人秘', 2009, 378, '卫人秘〔2009〕378号'],
    ['沪卫宣传〔2020〕002号', '沪卫宣传', 2020, 2, '沪卫宣传〔2020〕002号'],
    ['许卫函[2021]第3号', '许卫函', 2021, 3, '许卫函〔2021〕3号'],
    ['示卫发【2022】15号', '示卫发', 2022, 15, '示卫发〔2022〕15号'],
    ['示卫发 〔２０２２〕 １５号', '示卫发', 2022, 15, '示卫发〔2022〕15号'],
  ])('%s → %s %d %d', (text, agencyCode, year, serial, formatted) => {
    const parsed = parseDocNumber(text);
    expect(parsed).toMatchObject({ agencyCode, year, serial });
    expect(formatDocNumber(parsed!)).toBe(formatted);
  });

  test.each(['2023年1月4日', '武卫字2023第4号', '〔2023〕4号', '武卫字〔1800〕4号', '武卫字〔2023〕号'])(
    '%s is not a document number',
    (text) => {
      expect(parseDocNumber(text)).toBeNull();
    },
  );

  test('in prose, the words before the agency code are not part of it', () => {
    const [found] = findDocNumbers('根据印发了武卫字〔2023〕4号文件的要求');
    expect(found?.agencyCode).toBe('武卫字');
    expect(found?.printed).toBe('武卫字〔2023〕4号');
  });

  test('normaliseDocNumber is idempotent', () => {
    const once = normaliseDocNumber('卫人秘(2009)378号')!;
    expect(normaliseDocNumber(once)).toBe(once);
  });

  test('every number it prints parses back to the same parts', () => {
    const code = fc.string({ unit: fc.constantFrom(...'武卫字许函人秘沪宣传示发'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        code,
        fc.integer({ min: 1949, max: 2100 }),
        fc.integer({ min: 1, max: 99999 }),
        (agencyCode, year, serial) => {
          const text = formatDocNumber({ agencyCode, year, serialText: String(serial) });
          const parsed = parseDocNumber(text);
          return parsed?.agencyCode === agencyCode && parsed.year === year && parsed.serial === serial;
        },
      ),
    );
  });
});
