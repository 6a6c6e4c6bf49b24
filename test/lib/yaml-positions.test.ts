import { expect, test } from 'vitest';
import { parseYamlWithPositions, type YamlProblem } from '../../src/lib/yaml-positions.ts';

test('a syntax error is a problem with its line and column, and no document', () => {
  const problems: YamlProblem[] = [];
  const { doc } = parseYamlWithPositions('name: 甲\npublisher: [乙\n', 'content/site.yaml', problems);
  expect(doc).toBeUndefined();
  expect(problems.length).toBeGreaterThan(0);
  expect(problems[0]).toMatchObject({ file: 'content/site.yaml' });
  expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  expect(problems[0]!.message).toMatch(/^YAML 格式有误：/u);
});

test('a valid file gives its document and the positions of its offsets', () => {
  const problems: YamlProblem[] = [];
  const { doc, at } = parseYamlWithPositions('name: 甲\npublisher: 乙\n', 'content/site.yaml', problems);
  expect(problems).toEqual([]);
  expect(doc?.toJS()).toEqual({ name: '甲', publisher: '乙' });
  expect(at('name: 甲\n'.length)).toEqual({ line: 2, column: 1 });
});
