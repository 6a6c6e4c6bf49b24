/** Markdown nested thousands deep is refused before parsing (the parser's time grows with the square). */
import { describe, expect, test } from 'vitest';
import { deepNesting } from '../../src/pipeline/process-document.ts';

describe('deepNesting', () => {
  test.each([
    ['a list three deep', '- 一\n  - 二\n    - 三\n'],
    ['a thematic break of dashes', '- - -\n'],
    ['100 list markers on a line', '- '.repeat(100) + '事迹\n'],
    ['links and footnotes', '见[通知](./a.mdx)和[^1]。\n\n[^1]: 注释 [甲][乙]\n'],
    ['100 brackets', '['.repeat(100) + ']'.repeat(100) + '\n'],
    ['brackets closed on each line', '[甲]\n'.repeat(500)],
    ['escaped brackets', '\\['.repeat(500) + '\n'],
    ['open brackets in separate paragraphs', '[甲\n\n'.repeat(500)],
    ['bold and italic pairs', '**粗体**和*斜体*，***两者***。'.repeat(500) + '\n'],
    ['stars and underscores inside words', 'a_b_c，带*号*的为必填，5*3=15。'.repeat(500) + '\n'],
    ['components side by side', '<Note>注</Note>\n\n'.repeat(500)],
    ['self-closing tags over lines', '<Note\n  title="注"\n/>\n\n'.repeat(500)],
  ])('%s: accepted', (_name, body) => {
    expect(deepNesting(body)).toBeUndefined();
  });

  test.each([
    ['lists', '正文\n\n' + '- '.repeat(101) + '事迹\n', '列表', 101, { line: 3, column: 1 }],
    ['numbered lists', '1. '.repeat(5000) + '事迹\n', '列表', 5000, { line: 1, column: 1 }],
    ['block quotes', '> '.repeat(5000) + '引文\n', '引用', 5000, { line: 1, column: 1 }],
    ['quotes without spaces', '>'.repeat(200) + '引文\n', '引用', 200, { line: 1, column: 1 }],
    ['brackets', '甲' + '['.repeat(5000) + '\n', '方括号', 5000, { line: 1, column: 102 }],
    ['brackets over lines', '[\n'.repeat(150), '方括号', 101, { line: 101, column: 1 }],
    ['emphasis', '*_'.repeat(50_000) + '字' + '_*'.repeat(50_000) + '\n', '强调', 100_000, { line: 1, column: 1 }],
    ['components', '<Note>\n'.repeat(5000) + '字\n' + '</Note>\n'.repeat(5000), '组件', 101, { line: 101, column: 1 }],
  ])('%s: refused at the place it goes too deep', (_name, body, kind, depth, place) => {
    expect(deepNesting(body)).toEqual({ kind, depth, place });
  });

  test('is linear: a 1 MB line of brackets is measured in well under a second', () => {
    const started = performance.now();
    deepNesting('[]'.repeat(500_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
