import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DOC_NUMBER_IN_QUERY, DOC_NUMBER_QUERY, HAN_PADDING, NAME_SEPARATORS } from '../../src/search/patterns.ts';
import { docNumberKey, foldQuery, lookupKeys, nameKey, otherCuts, pagefindTerm } from '../../src/search/query.ts';
import { nameShard, NAME_SHARDS } from '../../src/search/names.ts';

describe('patterns', () => {
  test.each([DOC_NUMBER_QUERY, DOC_NUMBER_IN_QUERY, HAN_PADDING, NAME_SEPARATORS])(
    '$id matches its example',
    (rule) => {
      rule.pattern.lastIndex = 0;
      expect(rule.pattern.test(rule.example.normalize('NFKC'))).toBe(true);
      rule.pattern.lastIndex = 0;
    },
  );
});

describe('foldQuery', () => {
  test.each([
    ['  李 靜 ', '李 靜'],
    ['李　静', '李 静'],
    ['张  三  丰', '张 三 丰'],
    ['ＡＢＣ１２３', 'abc123'],
    ['先进 2023', '先进 2023'],
    ['covid 疫苗', 'covid 疫苗'],
  ])('%s → %s', (input, expected) => {
    expect(foldQuery(input)).toBe(expected);
  });

  test('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (text) => foldQuery(foldQuery(text)) === foldQuery(text)));
  });
});

describe('docNumberKey', () => {
  test.each([
    ['武卫字〔2023〕4号', '武卫字〔2023〕4号'],
    ['武卫字[2023]4号', '武卫字〔2023〕4号'],
    ['武卫字［2023］4号', '武卫字〔2023〕4号'],
    ['武卫字（2023）4号', '武卫字〔2023〕4号'],
    ['武卫字(2023)第4号', '武卫字〔2023〕4号'],
    ['武卫字【2023】04号', '武卫字〔2023〕4号'],
    ['武卫字2023年4号', '武卫字〔2023〕4号'],
    ['武卫字 2023年 4号', '武卫字〔2023〕4号'],
    ['武衛字〔2023〕4號', '武衛字〔2023〕4号'],
  ])('%s → %s', (input, expected) => {
    expect(docNumberKey(input)).toBe(expected);
  });

  test.each(['李静', '2023年4号', '先进个人', '示例市第一人民医院'])('%s is not a document number', (input) => {
    expect(docNumberKey(input)).toBeNull();
  });

  test('every written form of a number has the same key', () => {
    const code = fc.string({ unit: fc.constantFrom(...'武卫字许健示例市委'), minLength: 1, maxLength: 5 });
    const year = fc.integer({ min: 1990, max: 2099 });
    const serial = fc.integer({ min: 1, max: 9999 });
    const brackets = fc.constantFrom(['〔', '〕'], ['[', ']'], ['（', '）'], ['(', ')'], ['【', '】'], ['', '年']);
    fc.assert(
      fc.property(code, year, serial, brackets, (c, y, s, [open, close]) => {
        expect(docNumberKey(`${c}${open}${y}${close}${s}号`)).toBe(`${c}〔${y}〕${s}号`);
      }),
    );
  });
});

describe('pagefindTerm', () => {
  test.each([
    ['武卫字[2023]4号 名单', '武 卫 字 2023 4 号 名单'],
    ['武卫字2023年4号', '武 卫 字 2023 4 号'],
    ['李 静', '李 静'],
    ['银针里的坚守', '银针 里 坚守'],
    ['的', '的'],
    ['"白衣天使的故事"', '"白衣天使 故事"'],
    ['“先进个人”', '"先进 个人"'],
  ])('%s → %s', (query, expected) => {
    expect(pagefindTerm(foldQuery(query))).toBe(expected);
  });

  test('every form of a document number gives the same Pagefind words', () => {
    const forms = ['示卫人〔2023〕61号', '示卫人[2023]61号', '示卫人2023年61号', '示卫人（2023）第61号'];
    expect(new Set(forms.map((form) => pagefindTerm(foldQuery(form)))).size).toBe(1);
  });
});

describe('names', () => {
  test.each([
    ['李 靜', '李靜'],
    ['阿依古丽·买买提', '阿依古丽买买提'],
    ['阿依古丽 • 买买提', '阿依古丽买买提'],
  ])('nameKey(%s) = %s', (input, expected) => {
    expect(nameKey(input)).toBe(expected);
  });

  test('lookupKeys tries the whole query, then its words', () => {
    expect(lookupKeys(foldQuery('李静 示例市第一人民医院'))).toEqual([
      '李静示例市第一人民医院',
      '李静',
      '示例市第一人民医院',
    ]);
    expect(lookupKeys(foldQuery('武卫字[2023]4号'))).toEqual(['武卫字〔2023〕4号', '武卫字[2023]4号']);
  });

  test('shards are three hex digits within range, the same for the same key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (key) => {
        const shard = nameShard(key);
        expect(shard).toMatch(/^[0-9a-f]{3}$/);
        expect(parseInt(shard, 16)).toBeLessThan(NAME_SHARDS);
        expect(nameShard(`${key}`)).toBe(shard);
      }),
    );
  });

  test('names sharing a first character spread over the shards', () => {
    const units = [
      '示例市第一人民医院',
      '示例市中心血站',
      '示例市疾病预防控制中心',
      '示例市妇幼保健院',
      '示例市急救中心',
      '示例市卫生监督所',
    ];
    expect(new Set(units.map(nameShard)).size).toBeGreaterThan(3);
  });
});

describe('otherCuts', () => {
  test.each([
    ['卫生院', ['卫生 院', '卫 生院']],
    ['乡镇 卫生院', ['乡镇 卫生 院', '乡镇 卫 生院']],
    ['李静', []],
    ['"卫生院"', []],
    ['ICU', []],
  ])('%s → %j', (term, cuts) => expect(otherCuts(term)).toEqual(cuts));

  test('every cut holds the query’s characters in order, and there are never more than asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...'卫生院乡镇医疗中心'), minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 8 }),
        (words, max) => {
          const term = words.join(' ');
          const cuts = otherCuts(term, max);
          expect(cuts.length).toBeLessThanOrEqual(max);
          for (const cut of cuts) expect(cut.replaceAll(' ', '')).toBe(term.replaceAll(' ', ''));
        },
      ),
    );
  });
});
