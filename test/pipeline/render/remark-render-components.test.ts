import { describe, expect, test } from 'vitest';
import { processDocument } from '../../../src/pipeline/process-document.ts';
import { changesTree } from '../../../src/pipeline/render/remark-render-components.ts';
import { projectDocuments } from '../../helpers/project-documents.ts';
import { EMPTY_CONTEXT } from '../../../src/pipeline/types.ts';

/** A deed with `body` as its body, through the whole pipeline. */
const processBody = (body: string) =>
  processDocument(
    {
      path: 'content/deeds/2023/x.mdx',
      collection: 'deeds',
      value: `---\ntitle: 测试\nsubject:\n  name: 李静\n  type: person\nyear: 2022\n---\n\n${body}\n`,
    },
    EMPTY_CONTEXT,
  );
const render = (body: string) => processBody(body).html;

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

describe('changesTree: whether rendering would change the kept tree', () => {
  const tree = (body: string) => processBody(body).tree;

  test.each([
    ['prose', '## 小标题\n\n正文第一段。\n\n正文第二段，**加粗**，[链接](/deeds/)。', false],
    ['a list and a quote', '- 一\n- 二\n\n> 引文', false],
    ['a component', '<Note title="编者按">本文据推荐材料整理。</Note>', true],
    ['a component inside a paragraph', '正文<Quote by="甲">话</Quote>。', true],
    ['an image', '![义诊现场](./photo.jpg)', true],
    ['raw HTML', '<div>x</div>', true],
    ['an expression', '正文 {1 + 1}', true],
  ])('%s: %s', (_name, body, changes) => {
    expect(changesTree(tree(body))).toBe(changes);
  });

  /** Every MDX document the project has: the demo content and the test fixtures. */
  const documents = projectDocuments();

  test('the project has documents of both kinds', () => {
    const trees = documents.map(
      ([path, value]) => processDocument({ path, value, collection: 'deeds', render: false }, EMPTY_CONTEXT).tree,
    );
    expect(trees.filter((t) => changesTree(t)).length).toBeGreaterThan(3);
    expect(trees.filter((t) => !changesTree(t)).length).toBeGreaterThan(20);
  });

  // The renderer works on the kept tree itself when changesTree says it may: it must leave it as it was.
  test.each(documents)('%s: the kept tree is the tree before rendering', (path, value) => {
    const rendered = processDocument({ path, value, collection: 'deeds' }, EMPTY_CONTEXT);
    const unrendered = processDocument({ path, value, collection: 'deeds', render: false }, EMPTY_CONTEXT);
    expect(rendered.tree).toEqual(unrendered.tree);
  });
});
