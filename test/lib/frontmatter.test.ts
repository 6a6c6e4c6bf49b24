import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

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

  test('a file without frontmatter is all body', () => {
    const split = splitFrontmatter('只有正文');
    expect(split.hasFrontmatter).toBe(false);
    expect(split.body).toBe('只有正文');
  });
});
