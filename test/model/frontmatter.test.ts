import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { projectDocuments } from '../helpers/project-documents.ts';

describe('splitFrontmatter', () => {
  test('splits data and body and knows where the body starts', () => {
    const split = splitFrontmatter('---\ntitle: 李静\nyear: 2022\n---\n\n正文第一段。\n');
    expect(split.data).toEqual({ title: '李静', year: 2022 });
    expect(split.body).toBe('\n正文第一段。\n');
    expect(split.bodyLine).toBe(5);
    expect(split.errors).toEqual([]);
  });

  test('accepts a byte-order mark and CRLF line ends', () => {
    const split = splitFrontmatter('\uFEFF---\r\ntitle: 李静\r\n---\r\n正文。');
    expect(split.data).toEqual({ title: '李静' });
    expect(split.body).toBe('正文。');
  });

  test('locates nested fields and list items by line', () => {
    const split = splitFrontmatter('---\ntitle: x\nsubject:\n  name: 李静\nhonours:\n  - 甲\n  - 乙\n---\n');
    expect(split.locate(['subject', 'name']).line).toBe(4);
    expect(split.locate(['honours', 1]).line).toBe(7);
    expect(split.locate(['missing', 'deeper']).line).toBe(1);
  });

  test('reports an unclosed block', () => {
    const split = splitFrontmatter('---\ntitle: x\n正文');
    expect(split.errors[0]!.message).toContain('---');
  });

  test('reports YAML errors with the line in the file', () => {
    const split = splitFrontmatter('---\ntitle: x\ntitle: y\n---\n');
    expect(split.errors.length).toBeGreaterThan(0);
    expect(split.errors[0]!.place.line).toBe(3);
  });

  test('reports an alias without its anchor, and aliases past the limit, instead of throwing', () => {
    const unresolved = splitFrontmatter('---\ntitle: x\nhonours:\n  - *甲\n---\n正文');
    expect(unresolved.errors[0]!.message).toMatch(/^frontmatter 的 YAML 格式有误：/);
    expect(unresolved.errors[0]!.place.line).toBe(2);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      laughs.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(', ')}]`,
      );
    const expanded = splitFrontmatter(`---\n${laughs.join('\n')}\n---\n`);
    expect(expanded.errors.length).toBeGreaterThan(0);
    expect(expanded.data).toEqual({});
  });

  test('a file without frontmatter is all body', () => {
    const split = splitFrontmatter('只有正文');
    expect(split.hasFrontmatter).toBe(false);
    expect(split.body).toBe('只有正文');
  });
});

/**
 * js-yaml reads the data, `yaml` the errors and positions: they must agree. The oracle is `yaml`
 * itself, as `splitFrontmatter` used it alone before: the same data, or the same refusal.
 */
describe('splitFrontmatter reads what yaml reads', () => {
  const oracle = (yamlText: string): { data?: unknown; error: boolean } => {
    // The text as it stands between the `---` lines, with its last line break: `yaml` reports an unclosed
    // quotation (`a: '''`) only when a line break follows it, as one always does in frontmatter.
    const doc = parseDocument(`${yamlText}\n`, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) return { error: true };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch {
      return { error: true };
    }
    if (value == null) return { data: {}, error: false };
    if (typeof value !== 'object' || Array.isArray(value)) return { error: true };
    return { data: value, error: false };
  };
  const agree = (yamlText: string) => {
    const split = splitFrontmatter(`---\n${yamlText}\n---\n正文`);
    const expected = oracle(yamlText);
    if (expected.error) expect(split.errors.length, yamlText).toBeGreaterThan(0);
    else {
      expect(split.errors, yamlText).toEqual([]);
      expect(split.data, yamlText).toEqual(expected.data);
    }
  };

  test.each([
    'year: 2022',
    'a: 1_000',
    'a: 0o17',
    'a: 017',
    'a: 0x1F',
    'a: 0b101',
    'a: +.5',
    'a: .5',
    'a: 1e3',
    'a: -.inf',
    'a: .NaN',
    'a: ~',
    'a: True',
    'a: yes',
    'a: 2024-03-01',
    'a: 1:20',
    'a: "\\u4e2d"',
    "a: 'it''s'",
    'a: |\n  第一行\n  第二行',
    'a: >-\n  x\n  y',
    'a:\n  - 1\n  - b',
    'a: {b: 1, c: [x, y]}',
    'a: !!str 1',
    'a: !!binary aGk=',
    'a: &x 1\nb: *x',
    '__proto__: 1',
    'a: 1\na: 2',
    'a: "x"y',
    'a:\tb',
    'just text',
    '- a\n- b',
    '',
    'title: 武卫字〔2023〕4号\nquota: {先进个人: 12, 先进集体: 3}',
    'title:\n- -\n- \nunit: 2022',
    'a:\n- - -\n  - 1',
    "a:\n  b: '\nc: d'",
    'a: "第一行\n  第二行"',
    'a: "\\"引号\\""',
    "a: it's",
    'a:\n- ?',
    'a:\n- b:\n    -\n- 1',
    'a:\n- b:\n    - # 注释\n- 1',
    "title:\n  title: '''",
  ])('%j', (yamlText) => agree(yamlText));

  test('every frontmatter in content/ and test/fixtures/', () => {
    const files = projectDocuments();
    expect(files.length).toBeGreaterThan(50);
    for (const [, text] of files) {
      const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m.exec(text);
      if (match) agree(match[1]!);
    }
  });

  test('generated frontmatter (property)', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        '2022',
        '-7',
        '0',
        '007',
        '1.5',
        '.5',
        '+1',
        '1e3',
        '0x1F',
        '0o17',
        '1_000',
        'true',
        'False',
        'null',
        '~',
        'yes',
        'no',
        '2024-03-01',
        '12:30',
        '李静',
        '示例市第一人民医院',
        '武卫字〔2023〕4号',
        '"引号"',
        "'单引号'",
        '"\\t"',
        'a: b',
        '- x',
        '# 注释',
        '[1, 2]',
        '{a: 1}',
        '|',
        '>',
        '@x',
        '`x`',
        '%x',
        '',
      ),
      fc.string({ maxLength: 12 }),
    );
    const key = fc.constantFrom('title', 'year', 'unit', 'subject', 'honours', 'name', 'quota', '类别', 'a b');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar.map((text) => ` ${text}`),
        fc
          .array(tie('node'), { minLength: 1, maxLength: 3 })
          .map((items) => items.map((item) => `\n- ${String(item).trim().replace(/\n/g, '\n  ')}`).join('')),
        fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 3 }).map((map) =>
          Object.entries(map)
            .map(([k, v]) => `\n  ${k}:${String(v).replace(/\n/g, '\n  ')}`)
            .join(''),
        ),
      ),
    }));
    const document = fc
      .array(fc.tuple(key, value.node), { minLength: 1, maxLength: 6 })
      .map((entries) => entries.map(([k, v]) => `${k}:${v as string}`).join('\n'));
    fc.assert(fc.property(document, agree), { numRuns: 1500 });
  });
});
