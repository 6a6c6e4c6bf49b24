/**
 * Regex safety: every pattern of the checks, and every check and fix as a whole, finishes on
 * adversarial 100 KB inputs in well under a second. Catastrophic backtracking takes minutes, so
 * the bound is generous on purpose and still catches it.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { fixSource } from '../../../src/pipeline/check/fix-text.ts';
import { countWords } from '../../../src/lib/word-count.ts';
import { checkPlugins } from '../../../src/pipeline/check/checks.ts';
import { CHECK_PATTERNS } from '../../../src/pipeline/check/data/check-patterns.ts';
import { matchAll } from '../../../src/pipeline/patterns.ts';
import { SPUN_PAIRS } from '../../../src/pipeline/check/data/spun-text.ts';
import { spunPattern } from '../../../src/pipeline/check/rules/spun-text.ts';

const SIZE = 100_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Inputs that make backtracking regexes explode: runs, near-misses, nesting, alternation. */
const ADVERSARIAL: Record<string, string> = {
  'run of a': repeat('a'),
  'run of x': repeat('x'),
  'run of 1': repeat('1'),
  'run of *': repeat('*'),
  'run of _': repeat('_'),
  'run of 卫': repeat('卫'),
  'run of spaces': repeat(' '),
  'run of tabs and spaces': repeat(' \t'),
  'run of ○': repeat('○'),
  'nested brackets': `${'('.repeat(SIZE / 2)}${')'.repeat(SIZE / 2)}`,
  'nested full-width brackets': `${'（'.repeat(SIZE / 2)}${'）'.repeat(SIZE / 2)}`,
  'unclosed brackets': repeat('（此处'),
  'alternating scripts': repeat('a卫1'),
  'digits then X': `${repeat('1').slice(1)}X`,
  'near ID numbers': repeat('11010119900307457'),
  'near mobile numbers': repeat('138-1234-567 '),
  'password prefix': repeat('密码：'),
  'near dates': repeat('2023年1月'),
  'near doc numbers': repeat('武卫字〔2023〕第'),
  'near pinyin': repeat('卫(wei'),
  'near script': repeat('<script'),
  'javascript with spaces': repeat('java \t'),
  'event attribute': repeat('onclick ='),
  'url(': repeat('url  '),
  'broken years': repeat('2022'),
  'field labels': repeat('性别 '),
  address: repeat('3栋2'),
};

describe('regex safety on 100 KB adversarial input', () => {
  const patterns = [
    ...CHECK_PATTERNS,
    { id: 'spun-text', pattern: spunPattern(SPUN_PAIRS), example: '效劳', label: '' },
  ];

  test.each(patterns.map((p) => [p.id, p] as const))('%s matches its example', (_id, p) => {
    const flags = p.pattern.flags.replace('g', '');
    expect(new RegExp(p.pattern.source, flags).test(p.example)).toBe(true);
  });

  test.each(
    patterns.flatMap((p) =>
      Object.entries(ADVERSARIAL).map(([name, input]) => [p.id, name, p.pattern, input] as const),
    ),
  )('%s on %s', (_id, _name, pattern, input) => {
    const start = performance.now();
    let count = 0;
    for (const _match of matchAll(pattern, input)) if (++count > SIZE) break;
    expect(performance.now() - start).toBeLessThan(1000);
  });

  const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const checker = unified().use(checkPlugins({ glossary: [], units: [], today: '2024-01-01' }));

  test.each(Object.entries(ADVERSARIAL))('every body check together on %s', (_name, input) => {
    let tree: Root;
    try {
      tree = parser.parse(input);
    } catch {
      // Not MDX (e.g. a run of '<script'): the pipeline reports mdx-syntax and runs no body check.
      tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: input }] }] };
    }
    const file = new VFile({ value: input, data: { collection: 'deeds', frontmatter: {} } });
    const start = performance.now();
    checker.runSync(tree, file);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  test.each(Object.entries(ADVERSARIAL))('fixSource and countWords on %s', (_name, input) => {
    const start = performance.now();
    fixSource(`---\ndocNumber: ${input}\n---\n${input}`);
    countWords(input);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
