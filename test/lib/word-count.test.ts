import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWords, formatCount, isEastAsian } from '../../src/lib/word-count.ts';

describe('countWords counts 字数 the way Word does', () => {
  test.each([
    ['', 0, 0],
    ['李静', 2, 2],
    ['李静同志。', 5, 5],
    ['2023', 1, 4],
    ['2023年', 2, 5],
    ['在CT室', 3, 4],
    ['参合率达97.92%。', 6, 11],
    ['hello world', 2, 10],
    ['hello, world!', 2, 12],
    ['“人民至上、生命至上”', 11, 11],
    ['一、先进单位的评选', 9, 9],
    ['  \n\t ', 0, 0],
    ['- * -', 0, 3],
    ['（雪堰、五院、六院各2名）', 13, 13],
    ['5·12抗震救灾', 7, 8],
    ['ＡＢ１', 3, 3],
    ['𠀀𠀁', 2, 2],
    ['李静\u3000同志', 4, 4],
  ])('%j → %i 字, %i 字符', (text, words, characters) => {
    expect(countWords(text)).toEqual({ words, characters });
  });

  test('a run of Latin letters or digits is one word however long', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), (run) => {
        expect(countWords(run).words).toBe(1);
        expect(countWords(`李${run}静`).words).toBe(3);
      }),
    );
  });

  test('Han text counts one per character, and concatenation adds up', () => {
    const han = fc
      .array(fc.integer({ min: 0x4e00, max: 0x9fff }), { maxLength: 50 })
      .map((codes) => String.fromCodePoint(...codes));
    fc.assert(
      fc.property(han, han, (a, b) => {
        expect(countWords(a).words).toBe([...a].length);
        expect(countWords(a + b).words).toBe(countWords(a).words + countWords(b).words);
      }),
    );
  });

  test('字数 never exceeds 字符数, and white space changes neither between Han characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { words, characters } = countWords(text);
        expect(words).toBeLessThanOrEqual(characters);
      }),
    );
    expect(countWords('李 静')).toEqual(countWords('李静'));
  });

  test('isEastAsian knows the ranges', () => {
    expect(isEastAsian('李'.codePointAt(0)!)).toBe(true);
    expect(isEastAsian('，'.codePointAt(0)!)).toBe(true);
    expect(isEastAsian(','.codePointAt(0)!)).toBe(false);
    expect(isEastAsian('a'.codePointAt(0)!)).toBe(false);
  });

  test('formatCount groups thousands', () => {
    expect(formatCount(1184)).toBe('1,184');
  });
});
