import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWords, EAST_ASIAN_RANGES, formatCount, isEastAsian } from '../../src/lib/word-count.ts';

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

describe('countWords, the fast paths', () => {
  /** The rules as written, one test per character over the same ranges, with no shortcuts. */
  function reference(text: string): { words: number; characters: number } {
    const space = /^[\s\u3000\uFEFF\u200B\u0085]$/u;
    let words = 0;
    let characters = 0;
    let run = false;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (space.test(char)) {
        if (run) words++;
        run = false;
        continue;
      }
      characters++;
      if (EAST_ASIAN_RANGES.some(([low, high]) => code >= low && code <= high)) {
        if (run) words++;
        run = false;
        words++;
        continue;
      }
      if (!run && /[\p{L}\p{N}]/u.test(char)) run = true;
    }
    if (run) words++;
    return { words, characters };
  }

  /** Text mixing Han, punctuation of both widths, Latin, digits, every kind of space and astral characters. */
  const mixed = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0x4e00, max: 0x9fff }),
        fc.constantFrom(0x3000, 0x3001, 0x3002, 0x300a, 0xff0c, 0xff1a, 0xfeff, 0x2014, 0x2026, 0x201c, 0xb7),
        fc.constantFrom(0x20, 0x09, 0x0a, 0xa0, 0x2002, 0x200b, 0x2028, 0x202f, 0x205f, 0x1680, 0x85),
        fc.integer({ min: 0x21, max: 0x7e }),
        fc.integer({ min: 0x80, max: 0x2fff }),
        fc.integer({ min: 0x3000, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff),
        fc.integer({ min: 0x10000, max: 0x3ffff }),
      ),
      { maxLength: 120 },
    )
    .map((codes) => String.fromCodePoint(...codes));

  test('count as the rules do, character by character', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(countWords(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
