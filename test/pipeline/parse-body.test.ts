/**
 * The prose fast path of `parseBody` builds exactly the tree micromark builds (remark-parse + remark-mdx +
 * remark-gfm): same nodes, values, positions and key order — on generated bodies that mix prose with every
 * piece of syntax the fast path must hand over — and it does take the fast path on plain write-ups.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { parseBody, parsePlainProse } from '../../src/pipeline/parse-body.ts';
import { projectDocuments } from '../helpers/project-documents.ts';

const micromark = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const reference = (value: string) => JSON.stringify(micromark.parse(value));
/** The tree as JSON, or the error message when the body is not valid MDX. */
const outcome = (parse: (value: string) => unknown, value: string) => {
  try {
    return JSON.stringify(parse(value));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
};

/** Pieces of lines: prose, and everything that is or looks like syntax. */
const piece = fc.constantFrom(
  '李静同志扎根社区',
  '卫生院',
  '，',
  '。',
  '2023年',
  '1.5倍',
  'WHO',
  '　',
  '\u00a0',
  ' ',
  '  ',
  '#',
  '## ',
  '###### ',
  '####### ',
  '# ',
  '-',
  '- ',
  '---',
  '+ ',
  '=',
  '===',
  '1. ',
  '2) ',
  '*',
  '_',
  '**重要**',
  '`代码`',
  '[链接](/a)',
  '<b>',
  '{1+1}',
  '&amp;',
  '|',
  '~',
  '~~删~~',
  'www.example.cn',
  'http://a.cn',
  'a@b.cn',
  '\\',
  '\t',
  '\r',
  '\f',
  '\v',
  '\uFEFF',
  '𠀀',
  'import ',
  'export ',
  'important',
  '>',
  ':',
  '!',
  '^',
  '$',
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const body = fc.array(fc.oneof(line, fc.constant('')), { maxLength: 12 }).map((lines) => lines.join('\n'));

/** Bodies of prose only, as write-ups are: paragraphs and headings. */
const proseLine = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        '李静同志扎根社区',
        '卫生院',
        '，',
        '。',
        '2023年',
        'WHO',
        '　',
        '\u00a0',
        '\f',
        '\v',
        '𠀀',
        ' ',
        '#',
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => parts.join('').replace(/^ +| +$/g, '')),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('先进事迹', '言传身教，带出过硬队伍', '一、工作目标'))
    .map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.constantFrom('## 标题　', '# \u00a0标题', '### 标题\f', '　缩进的全角空格'),
);
const proseBody = fc.array(fc.oneof(proseLine, fc.constant('')), { maxLength: 14 }).map((lines) => lines.join('\n'));

describe('parseBody', () => {
  test('equals micromark on bodies mixing prose and syntax', () => {
    fc.assert(
      fc.property(body, (value) => {
        expect(outcome(parseBody, value)).toBe(outcome((v) => micromark.parse(v), value));
      }),
      { numRuns: 3000 },
    );
  });

  test('equals micromark on prose bodies, and takes the fast path on most of them', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(proseBody, (value) => {
        runs++;
        const tree = parsePlainProse(value);
        if (tree) {
          fast++;
          expect(JSON.stringify(tree)).toBe(reference(value));
        }
      }),
      { numRuns: 2000 },
    );
    expect(fast / runs).toBeGreaterThan(0.5);
  });

  test.each([
    ['', true],
    ['\n', true],
    ['## 言传身教\n\n李静同志扎根社区二十年。\n服务群众。\n', true],
    ['\n\n第一段。\n\n\n第二段。\n\n', true],
    ['#标题', false],
    ['## 标题 ##', false],
    ['##', false],
    ['李静 ', false],
    ['  缩进', false],
    ['- 列表', false],
    ['1. 列表', false],
    ['**重要**', false],
    ['<Photo src="a.jpg" />', false],
    ['{year}', false],
    ['见 www.nhc.gov.cn', false],
    ['\uFEFF正文', false],
    ['第一行\r\n第二行', false],
  ])('fast path for %j: %s', (value, fast) => {
    expect(parsePlainProse(value) !== undefined).toBe(fast);
    expect(JSON.stringify(parseBody(value))).toBe(reference(value));
  });

  /** Every MDX body the project has: the demo content and the test fixtures. */
  const bodies = projectDocuments().map(([path, text]) => [path, splitFrontmatter(text).body] as const);

  test('the project has MDX bodies to compare, and some take the fast path', () => {
    expect(bodies.length).toBeGreaterThan(50);
    expect(bodies.filter(([, body]) => parsePlainProse(body!)).length).toBeGreaterThan(5);
  });

  test.each(bodies)('%s: same tree as micromark', (_file, body) => {
    expect(outcome(parseBody, body!)).toBe(outcome((v) => micromark.parse(v), body!));
  });
});
