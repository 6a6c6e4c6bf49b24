import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as OpenCC from 'opencc-js';
import { deriveTraditionalChars, traditionalCharsModule } from '../../src/search/build/traditional-chars.ts';
import { isTraditionalChar, needsSimplification } from '../../src/search/query.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';

const MODULE = join(PROJECT_ROOT, 'src/search/traditional-chars.ts');

describe('traditional characters that need conversion', () => {
  test('the committed set is what opencc-js derives', () => {
    const expected = traditionalCharsModule();
    if (process.env.UPDATE === '1') writeFileSync(MODULE, expected);
    expect(readFileSync(MODULE, 'utf8')).toBe(expected);
  });

  test('the bitmap holds exactly the derived set', () => {
    const derived = new Set(deriveTraditionalChars());
    expect(derived.size).toBeGreaterThan(3000);
    for (const char of derived) expect(isTraditionalChar(char), char).toBe(true);
    let members = 0;
    for (let code = 0x3400; code <= 0x9fff; code++) if (isTraditionalChar(String.fromCodePoint(code))) members++;
    expect(members).toBe([...derived].filter((c) => c.codePointAt(0)! >= 0x3400 && c.codePointAt(0)! <= 0x9fff).length);
  });

  test('every character the full t→cn converter changes is in the set', () => {
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const set = new Set(deriveTraditionalChars());
    const missed = [...'李靜醫德醫風先進個人衛生院張醫師護理鍾南山獎勵榮譽']
      .filter((char) => toSimplified(char) !== char)
      .filter((char) => !set.has(char));
    expect(missed).toEqual([]);
  });

  test.each([
    ['先進個人', true],
    ['李靜', true],
    ['先进个人', false],
    ['武卫字〔2023〕4号', false],
    ['示例市第一人民医院', false],
    ['abc 2023', false],
  ])('needsSimplification(%s) = %s', (query, expected) => {
    expect(needsSimplification(query)).toBe(expected);
  });
});
