import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseChineseNumber, parseCount, toAsciiDigits } from '../../src/lib/chinese-numerals.ts';

describe('parseChineseNumber', () => {
  test.each([
    ['2023', 2023],
    ['２０２３', 2023],
    ['二〇二三', 2023],
    ['二○二○', 2020],
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十一', 31],
    ['一百零五', 105],
    ['一千零五十', 1050],
    ['两千', 2000],
    ['三万五千', 35000],
    ['壹仟贰佰', 1200],
    ['3千', 3000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  test.each(['', '年', '十十', '百十五万万', 'abc', '二十x'])('%j is not a number', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  test('reads every integer written in Arabic digits back as itself', () => {
    fc.assert(fc.property(fc.nat(10_000_000), (n) => parseChineseNumber(String(n)) === n));
  });
});

describe('parseCount', () => {
  test.each([
    ['8', 8],
    ['八', 8],
    ['十五', 15],
    ['６３', 63],
  ])('%s → %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  test('does not read digit strings without units as a count (二三 is not 23)', () => {
    expect(parseCount('二三')).toBeNull();
  });
});

test('toAsciiDigits turns full-width digits into ASCII ones', () => {
  expect(toAsciiDigits('２０２３年１月')).toBe('2023年1月');
});
