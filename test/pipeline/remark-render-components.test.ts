import { describe, expect, test } from 'vitest';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT } from '../../src/pipeline/types.ts';

const render = (body: string) =>
  processDocument(
    {
      path: 'content/deeds/2023/x.mdx',
      collection: 'deeds',
      value: `---\ntitle: 测试\nsubject:\n  name: 李静\n  type: person\nyear: 2022\n---\n\n${body}\n`,
    },
    EMPTY_CONTEXT,
  ).html;

describe('rendering keeps content a document', () => {
  test.each([
    [
      'an allow-listed block component',
      '<Note title="编者按">本文据推荐材料整理。</Note>',
      '<aside class="note" data-title="编者按">',
    ],
    [
      'a quote with its speaker',
      '<Quote by="患者家属">谢谢你们。</Quote>',
      '<blockquote class="quote" data-by="患者家属">',
    ],
    ['a local image', '![义诊现场](./photo.jpg)', '<img src="./photo.jpg" alt="义诊现场">'],
  ])('renders %s', (_name, body, expected) => {
    expect(render(body)).toContain(expected);
  });

  test.each([
    ['a script element', '<script>alert(1)</script>', /script|alert/],
    ['an unknown component', '<Widget onClick="x()">点我</Widget>', /Widget|onclick|x\(\)/i],
    ['an expression', '正文 {globalThis.alert(1)}', /alert/],
    ['an image on another origin', '![x](https://evil.example/x.png)', /evil/],
    ['a protocol-relative image', '![x](//evil.example/x.png)', /evil/],
    ['a javascript: prop value', '<Quote by="javascript:alert(1)">话</Quote>', /javascript/],
    ['a javascript: link', '[点我](javascript:alert(1))', /javascript/],
  ])('drops %s', (_name, body, forbidden) => {
    expect(render(body)).not.toMatch(forbidden);
  });
});
