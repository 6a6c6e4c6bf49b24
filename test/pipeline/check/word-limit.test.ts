import { describe, expect, test } from 'vitest';
import { run, ruleMessages } from './harness.ts';

const han = (n: number) => '卫'.repeat(n);

describe('word-limit', () => {
  test('every deed gets its count on file.data.wordCount', () => {
    const { file } = run('2023年，李静在CT室工作。');
    expect(file.data.wordCount).toEqual({
      words: 11,
      characters: 15,
      limit: 1000,
      limitKind: 'max',
      limitSource: 'default',
    });
  });

  test('markup is not counted: only what a reader sees', () => {
    const { file } = run(
      '## 一、小标题\n\n**加粗**和[链接](https://example.gov.cn)。\n\n<Note title="编者按">按语</Note>',
    );
    // 一、小标题 (5) + 加粗和链接。(6) + 按语 (2)
    expect(file.data.wordCount?.words).toBe(13);
  });

  test.each([
    [1000, undefined, 0],
    [1001, undefined, 1],
    [1500, 2000, 0],
    [2001, 2000, 1],
  ])('%i 字 with limit %s → %i error(s)', (words, wordLimit, errors) => {
    const messages = ruleMessages('word-limit', han(words), { frontmatter: wordLimit ? { wordLimit } : {} });
    expect(messages.filter((m) => m.severity === 'error')).toHaveLength(errors);
  });

  test('the message gives count, limit, source and how much to cut, at the first 字 over', () => {
    const body = `${han(599)}。\n\n${han(599)}。`;
    const [message] = ruleMessages('word-limit', body);
    expect(message!.message).toContain('1,200 字');
    expect(message!.message).toContain('1,000 字');
    expect(message!.message).toContain('网站默认');
    expect(message!.message).toContain('删减 200 字');
    expect(message!.line).toBe(12);
  });

  test('the deed’s own limit is named as its source', () => {
    const [message] = ruleMessages('word-limit', han(301), { frontmatter: { wordLimit: 300 } });
    expect(message!.message).toContain('wordLimit');
  });

  test('not for announcements or rolls', () => {
    const { file } = run(han(3000), { collection: 'announcements' });
    expect(file.data.wordCount).toBeUndefined();
    expect(file.messages.filter((m) => m.ruleId === 'word-limit')).toEqual([]);
  });
});
