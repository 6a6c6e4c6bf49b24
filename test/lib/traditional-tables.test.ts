import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Converter, Locale } from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../src/model/registries.ts';
import { toTraditional } from '../../src/pipeline/normalise/script.ts';
import { createTraditionalConverter } from '../../src/lib/traditional.ts';
import {
  compileTraditionalTables,
  convertWithTables,
  Utf16Output,
  type TraditionalVariant,
} from '../../src/lib/traditional-tables.ts';
import { describeSeeds, PROJECT_ROOT, readSeed, SEED_FILES } from '../helpers/seeds.ts';

const VARIANTS = ['tw', 'hk'] as const;
const glossary = loadRegistries(join(PROJECT_ROOT, 'content')).glossary;
const spellings = glossary.flatMap((term) => [
  term.simplified,
  term.traditional ?? term.simplified,
  ...(term.variants ?? []),
]);

/** The project's own write-ups and notices: real page text, always in the repository. */
function contentText(): string {
  const texts: string[] = [];
  for (const entry of readdirSync(join(PROJECT_ROOT, 'content'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.mdx'))
      texts.push(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return texts.join('\n');
}
const CORPUS = contentText();

interface OpenCCConfig {
  segmentation: string[];
  conversionChain: string[][];
}
const configs = (Locale as unknown as { configs: Record<string, OpenCCConfig> }).configs;

function keys(dict: string): string[] {
  return dict.split('|').map((line) => line.slice(0, line.indexOf(' ')));
}

/** Every 97th phrase of the segmentation dictionaries: phrases that start, end and overlap others. */
function phraseSample(variant: TraditionalVariant): string[] {
  return configs[`s2${variant}`]!.segmentation.flatMap((dict) => keys(dict).filter((_, i) => i % 97 === 0));
}

/**
 * The regional variant phrases (張棟樑, 純喫茶…) written back in simplified characters, so that
 * random text puts them where segmentation leaves a run of single characters.
 */
function variantPhraseSources(variant: TraditionalVariant): string[] {
  const toSimplified = new Map<string, string>();
  for (const line of (Locale.to.cn![0]![1] as string).split('|')) {
    const [from, to] = line.split(' ');
    if (from && to) toSimplified.set(from, to);
  }
  return keys(configs[`s2${variant}`]!.conversionChain[1]![0]!).map((key) =>
    [...key].map((c) => toSimplified.get(c) ?? c).join(''),
  );
}

/** Characters that take opencc-js's own route: compatibility ideograph, description sequence, astral. */
const SLOW_ROUTE = ['\uF900', '⿰氵青', '⿱⿰', '𠀀', '𪚥', '\ud840'];
const MARKUP = [' ', '\n', 'a', 'SQL', '2024', '，', '。', '“', '”', '（', '）', '·', '&amp;', '<', '>', '"'];

function textFor(variant: TraditionalVariant): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.nat(CORPUS.length - 1), fc.integer({ min: 1, max: 16 })) },
    { weight: 2, arbitrary: fc.constantFrom(...phraseSample(variant)) },
    { weight: 2, arbitrary: fc.constantFrom(...variantPhraseSources(variant)) },
    { weight: 2, arbitrary: fc.constantFrom(...spellings) },
    { weight: 1, arbitrary: fc.constantFrom(...SLOW_ROUTE, ...MARKUP) },
  );
  return fc
    .array(piece, { maxLength: 12 })
    .map((pieces) => pieces.map((p) => (typeof p === 'string' ? p : CORPUS.slice(p[0], p[0] + p[1]))).join(''));
}

describe('compiled tables give exactly what opencc-js gives', () => {
  test.each(VARIANTS)('on random text from pages, phrases and variant phrases (%s)', (variant) => {
    const reference = Converter({ from: 'cn', to: variant });
    const tables = compileTraditionalTables(variant);
    fc.assert(
      fc.property(textFor(variant), (text) => convertWithTables(tables, text) === reference(text)),
      { numRuns: 2000 },
    );
  });

  test.each(VARIANTS)('on every phrase of the sample and every variant phrase source (%s)', (variant) => {
    const reference = Converter({ from: 'cn', to: variant });
    const tables = compileTraditionalTables(variant);
    for (const text of [...phraseSample(variant), ...variantPhraseSources(variant)]) {
      // Alone, and between characters that start phrases of their own.
      for (const framed of [text, `后${text}发`, `发${text}干`]) {
        expect(convertWithTables(tables, framed), framed).toBe(reference(framed));
      }
    }
  });

  test.each(VARIANTS)('on a range of a longer text (%s)', (variant) => {
    const tables = compileTraditionalTables(variant);
    const reference = Converter({ from: 'cn', to: variant });
    const text = '头发发现后来干部';
    // Phrases do not run past the end of the range: 发现 is not matched when the range stops at 发.
    expect(convertWithTables(tables, text, undefined, 0, 3)).toBe(reference('头发发'));
    expect(convertWithTables(tables, text, undefined, 3, 6)).toBe(reference('现后来'));
    // 一丝不挂 is a phrase; cut after 不 it must not be matched.
    expect(convertWithTables(tables, '一丝不挂', undefined, 0, 3)).toBe(reference('一丝不'));
    expect(convertWithTables(tables, '一丝不挂', undefined, 0, 3)).not.toContain('掛');
  });
});

describe('createTraditionalConverter agrees with toTraditional (src/pipeline/normalise/script.ts)', () => {
  test.each(VARIANTS)('on random text, with the project glossary (%s)', (variant) => {
    const convert = createTraditionalConverter({ variant, glossary });
    fc.assert(
      fc.property(textFor(variant), (text) => convert(text) === toTraditional(text, { variant, glossary })),
      { numRuns: 1000 },
    );
  });

  test.each<[TraditionalVariant, string, string]>([
    ['tw', '钟乾在乾溪镇卫生院', '鍾乾在乾溪鎮衛生院'],
    ['tw', '干溪镇的干部晒干了衣服', '乾溪鎮的幹部曬乾了衣服'],
    ['tw', '乾坤若干', '乾坤若干'],
    ['tw', '头发、发现、发展、理发', '頭髮、發現、發展、理髮'],
    ['tw', '后来皇后以后', '後來皇后以後'],
    ['tw', '钟乾和后晓琳', '鍾乾和后曉琳'],
    ['tw', '后晓琳后来', '后曉琳後來'],
    ['tw', '范坤是模范', '范坤是模範'],
    ['tw', '台湾、台风、讲台、一台电脑、天台', '臺灣、颱風、講臺、一臺電腦、天台'],
    // Without the commas segmentation reads 台湾台 and 台风 is cut: context decides.
    ['tw', '台湾台风', '臺灣台風'],
    ['hk', '台湾、台风、讲台、一台电脑、天台', '台灣、颱風、講台、一台電腦、天台'],
    ['tw', '于是於梅在里面', '於是於梅在裡面'],
    ['hk', '于是於梅在里面', '於是於梅在裏面'],
    ['tw', '钟表', '鐘錶'],
    ['tw', '张栋梁纯吃茶', '張棟樑純喫茶'],
    ['hk', '群众说话着想', '羣眾説話着想'],
    ['tw', 'SQL注入攻击 ⿰氵青 \uF900 𠀀', 'SQL注入攻擊 ⿰氵青 豈 𠀀'],
    // 台钟 is a phrase, but 钟乾 is a glossary name: 凤辉台 is converted alone, where 鳳輝臺 is a Hong Kong
    // variant phrase.
    ['hk', '凤辉台钟乾', '鳳輝臺鍾乾'],
  ])('%s: %s → %s', (variant, text, expected) => {
    const convert = createTraditionalConverter({ variant, glossary });
    expect(convert(text)).toBe(expected);
    expect(toTraditional(text, { variant, glossary })).toBe(expected);
  });

  test('glossary spellings inside a range are found only within it', () => {
    const convert = createTraditionalConverter({ glossary });
    const out = new Utf16Output(4);
    const text = '钟乾钟乾';
    convert.into(text, 1, 4, out);
    expect(out.take()).toBe(`${convert('乾')}鍾乾`);
  });
});

describeSeeds('the seed documents', () => {
  test.each(SEED_FILES)('%s converts line by line as toTraditional does', (name) => {
    const convert = createTraditionalConverter({ variant: 'tw', glossary });
    for (const line of readSeed(name).split('\n')) {
      expect(convert(line)).toBe(toTraditional(line, { variant: 'tw', glossary }));
    }
  });
});

describe('Utf16Output', () => {
  test('grows past its capacity and gives back what was pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 20 }), (pieces) => {
        const out = new Utf16Output(2);
        for (const piece of pieces) out.pushSlice(`x${piece}y`, 1, piece.length + 1);
        return out.take() === pieces.join('');
      }),
    );
  });
});
