import { describe, expect, test } from 'vitest';
import { editBody } from '../../../tools/bench/incremental.ts';

const FRONTMATTER = '---\ntitle: 扎根基层。守护健康。\nyear: 2015\n---\n';

describe('editBody: one deed edited for the incremental rebuild', () => {
  test.each([
    [
      'the first paragraph with two sentences',
      '\n## 一心为民\n\n他扎根基层。守护健康。\n',
      '\n## 一心为民\n\n守护健康。他扎根基层。\n',
    ],
    [
      'past a paragraph of one sentence',
      '\n只有一句。\n\n第一句！第二句？第三句。\n',
      '\n只有一句。\n\n第二句？第一句！第三句。\n',
    ],
    ['traditional script', '\n他紮根基層。守護健康。\n', '\n守護健康。他紮根基層。\n'],
  ])('%s', (_, body, edited) => {
    expect(editBody(FRONTMATTER + body)).toBe(FRONTMATTER + edited);
  });

  test('the frontmatter and every character stay; the text changes', () => {
    const document = `${FRONTMATTER}\n## 标题\n\n甲乙丙。丁戊己。庚辛。\n`;
    const edited = editBody(document);
    expect(edited).not.toBe(document);
    expect(edited.startsWith(FRONTMATTER)).toBe(true);
    expect([...edited].sort().join('')).toBe([...document].sort().join(''));
  });

  test.each([
    ['no paragraph has two sentences', `${FRONTMATTER}\n一句。\n\n## 两句。标题。\n`],
    ['the two sentences are the same', `${FRONTMATTER}\n同一句。同一句。\n`],
  ])('throws when %s', (_, document) => {
    expect(() => editBody(document)).toThrow(/no paragraph/);
  });
});
