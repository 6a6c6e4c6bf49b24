import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanExcerpt } from '../../src/search/browser/engine.ts';
import { STOP_WORDS } from '../../src/search/patterns.ts';
import { indexedWords, spaceWords, unspaceWords } from '../../src/search/segment.ts';

/** Text as the write-ups have it: Han words, digits, Latin, CJK and shared punctuation, spaces between Latin words. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('先进个人', '卫生院', '李静', '同志', '核酸检测', '的', '了', '在', '医德', '〇', '𠀀'),
      fc.constantFrom('，', '。', '、', '〔', '〕', '（', '）', '“', '”', '——', '…', '·', '：'),
      fc.constantFrom('2023', '4', 'COVID-19', 'CT', 'a&amp;b'),
      fc.constantFrom(' CT ', ' PCR '),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('spaceWords', () => {
  test.each([
    ['获评先进个人', '获 评 先进 个人'],
    ['武卫字〔2023〕4号', '武 卫 字 〔 2023 〕 4 号'],
    ['称“白衣天使”', '称 “ 白衣天使 ”'],
    ['COVID-19 testing', 'COVID-19 testing'],
    ['在医院的工作', '在 医院的 工作'],
    ['，的确如此', '， 的确 如此'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(spaceWords(input)).toBe(expected);
  });

  test('leaves no function word on its own after a Han word', () => {
    fc.assert(
      fc.property(text, (input) => {
        const words = spaceWords(input).split(' ');
        words.forEach((word, i) => {
          if (STOP_WORDS.has(word) && i > 0) expect(words[i - 1]).not.toMatch(/\p{Script=Han}$/u);
        });
      }),
    );
  });

  test('puts separators only between characters, never loses or changes one', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(spaceWords(input, '\u0000').replaceAll('\u0000', '')).toBe(input);
      }),
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = spaceWords(input);
        expect(spaceWords(once)).toBe(once);
      }),
    );
  });

  test('cuts a long paragraph in linear time, in the same words as its sentences', () => {
    const sentence = '她扎根基层卫生院二十年，为群众提供优质的医疗服务。';
    const long = sentence.repeat(4000);
    const started = performance.now();
    const spaced = spaceWords(long);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(spaced).toBe(Array.from({ length: 4000 }, () => spaceWords(sentence)).join(' '));
  });
});

describe('indexedWords', () => {
  /** Chinese text with digits: Pagefind splits Latin words at punctuation itself (COVID-19). */
  const chinese = fc
    .array(
      fc.constantFrom('先进个人', '卫生院', '李静', '的', '了', '在', '，', '。', '〔', '〕', '“', '”', '2023', '𠀀'),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join(''));

  test('are the words of spaceWords, without punctuation, one for each word position of the index', () => {
    fc.assert(
      fc.property(chinese, (input) => {
        const spaced = spaceWords(input)
          .split(/\s+/u)
          .filter((word) => /[\p{L}\p{N}]/u.test(word));
        const words = indexedWords(input);
        expect(words).toHaveLength(spaced.length);
        words.forEach((word, i) => expect(spaced[i]!.includes(word), `${word} in ${spaced[i]}`).toBe(true));
      }),
    );
  });
});

describe('unspaceWords', () => {
  test.each([
    ['获评 <mark>先进</mark> 个人', '获评<mark>先进</mark>个人'],
    ['<mark>李</mark> <mark>静</mark> 同志', '<mark>李</mark><mark>静</mark>同志'],
    ['于 2023 年 ， 获 评', '于2023年，获评'],
    ['COVID-19 testing and PCR', 'COVID-19 testing and PCR'],
    ['a &amp; b 医院', 'a &amp; b医院'],
  ])('%s → %s', (input, expected) => {
    expect(unspaceWords(input)).toBe(expected);
  });

  test('gives back the text spaceWords spaced, where its spaces were not next to Han text', () => {
    fc.assert(
      fc.property(text, (input) => {
        fc.pre(!/\s/u.test(input));
        expect(unspaceWords(spaceWords(input))).toBe(input);
      }),
    );
  });
});

describe('cleanExcerpt', () => {
  test.each([
    ['在 <mark>先进</mark> <mark>个人</mark> 评选 中', '在<mark>先进个人</mark>评选中'],
    ['<mark>李</mark> <mark>静</mark> 同志 ， <b>多年</b> 来', '<mark>李静</mark>同志，多年来'],
    ['\u200b武 卫 字 〔 2023 〕 4 号', '武卫字〔2023〕4号'],
    ['PCR <mark>检测</mark> 2,000 人次', 'PCR<mark>检测</mark>2,000人次'],
  ])('%s → %s', (input, expected) => {
    expect(cleanExcerpt(input)).toBe(expected);
  });
});
