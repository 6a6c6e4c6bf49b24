import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { segmentPageBody, stagedHtml } from '../../src/search/build/stage.ts';

describe('segmentPageBody', () => {
  test.each([
    {
      name: 'text outside data-pagefind-body stays',
      input:
        '<header>卫生健康先进事迹</header><main data-pagefind-body><p>获评先进个人</p></main><footer>版权所有</footer>',
      output:
        '<header>卫生健康先进事迹</header><main data-pagefind-body><p>获 评 先进 个人</p></main><footer>版权所有</footer>',
    },
    {
      name: 'attributes stay: metadata, filters, titles',
      input:
        '<article data-pagefind-body><span data-pagefind-meta="subject:李静" data-pagefind-filter="unit:示例市第一人民医院"></span><a title="先进个人" href="/先进/">先进个人</a></article>',
      output:
        '<article data-pagefind-body><span data-pagefind-meta="subject:李静" data-pagefind-filter="unit:示例市第一人民医院"></span><a title="先进个人" href="/先进/">先进 个人</a></article>',
    },
    {
      name: 'an element of the same name inside the body does not end it',
      input: '<div data-pagefind-body><div>先进个人</div>医德</div><div>先进个人</div>',
      output: '<div data-pagefind-body><div>先进 个人 </div> ｜ 医 德</div><div>先进个人</div>',
    },
    {
      name: 'scripts, styles and comments inside the body stay',
      input:
        '<main data-pagefind-body><script>if (a<b) x("先进个人")</script><!-- 先进个人 --><style>p{}</style>先进个人</main>',
      output:
        '<main data-pagefind-body><script>if (a<b) x("先进个人")</script><!-- 先进个人 --><style>p{}</style>先进 个人</main>',
    },
    {
      name: 'a quoted > in an attribute is not the end of the tag',
      input: '<main data-pagefind-body><span data-pagefind-meta="title:甲>乙">先进个人</span></main>',
      output: '<main data-pagefind-body><span data-pagefind-meta="title:甲>乙">先进 个人</span></main>',
    },
    {
      name: 'every body of a page, each cut as one text across its inline tags',
      input: '<p data-pagefind-body>先<b>进个</b>人</p><p>先进个人</p><p data-pagefind-body>先进个人</p>',
      output: '<p data-pagefind-body>先<b>进 个</b>人</p><p>先进个人</p><p data-pagefind-body>先进 个人</p>',
    },
    {
      name: 'fields are cut one by one, a ｜ between them: a word never runs from one field into the next',
      // Cut as one text, 孙明 + 示例市 gave 孙 明示 例 市 (issue 22): the excerpt ran the fields
      // together and a search for 孙明 marked 孙明示. A field ends in a space, or Pagefind would
      // end it with a full stop.
      input:
        '<main data-pagefind-body><h1>先进个人</h1><ul><li><a href="/a/">戴琳</a><span class="unit">示例市第二人民医院 护理部主任</span></li>' +
        '<li><a href="/b/">孙明</a><a class="deed-link" href="/c/">事迹</a> <span class="unit">示例市中医医院</span></li>' +
        '<li><a href="/d/">孙明</a><span class="unit">示例市中医医院</span></li></ul>' +
        '<dl><dt>单位</dt><dd>示例市中医医院</dd></dl><table><tr><th>姓名</th><td>孙明</td><td>示例市</td></tr></table>' +
        '<p>孙明<br>示例市<a href="/e/">中医医院</a>针灸科</p></main>',
      output:
        '<main data-pagefind-body><h1>先进 个人 </h1> ｜ <ul><li><a href="/a/">戴 琳 </a> ｜ <span class="unit">示例 市 第二 人民 医院 护理 部 主任 </span></li> ｜ ' +
        '<li><a href="/b/">孙 明 </a> ｜ <a class="deed-link" href="/c/">事迹</a>  ｜ <span class="unit">示例 市 中医 医院 </span></li> ｜ ' +
        '<li><a href="/d/">孙 明 </a> ｜ <span class="unit">示例 市 中医 医院 </span></li> ｜ </ul>' +
        '<dl><dt>单位 </dt> ｜ <dd>示例 市 中医 医院 </dd> ｜ </dl><table><tr><th>姓名 </th> ｜ <td>孙 明 </td> ｜ <td>示例 市 </td> ｜ </tr></table>' +
        '<p>孙 明  ｜ <br>示例 市 <a href="/e/">中医 医院 </a>针灸 科</p></main>',
    },
    {
      name: 'a page without a body stays as it is',
      input: '<main><p>获评先进个人</p></main>',
      output: '<main><p>获评先进个人</p></main>',
    },
  ])('$name', ({ input, output }) => {
    expect(segmentPageBody(input)).toBe(output);
  });

  const page = fc
    .array(
      fc.oneof(
        fc.constantFrom('先进个人', '卫生院', '李静同志', '，', '。', '〔2023〕', '4号', ' PCR ', '&amp;', '<'),
        fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<br>', '<span data-pagefind-meta="unit:示例市卫生院"></span>'),
      ),
      { maxLength: 40 },
    )
    .chain((parts) =>
      fc.constantFrom(
        `<main data-pagefind-body>${parts.join('')}</main>`,
        `<header>${parts.join('')}</header><article data-pagefind-body>${parts.join('')}</article>`,
      ),
    );

  test('puts separators only into text, never loses or changes a character', () => {
    fc.assert(
      fc.property(page, (html) => {
        const staged = segmentPageBody(html, '\u0000', '\u0001');
        expect(staged.replaceAll('\u0000', '').replaceAll('\u0001', '')).toBe(html);
      }),
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(page, (html) => {
        const once = segmentPageBody(html);
        expect(segmentPageBody(once)).toBe(once);
      }),
    );
  });

  test('leaves everything outside the body as it was', () => {
    fc.assert(
      fc.property(page, (html) => {
        const before = html.split(/<(?:main|article) data-pagefind-body>/)[0];
        expect(segmentPageBody(html).startsWith(before!)).toBe(true);
      }),
    );
  });
});

test('stagedHtml drops the head and scripts, and segments the body', () => {
  const html =
    '<html lang="zh-Hans"><head><title>李静</title></head><body><header>先进事迹</header>' +
    '<main data-pagefind-body><h1 data-pagefind-weight="10">李静</h1><script>x()</script><p>获评先进个人。</p></main></body></html>';
  expect(stagedHtml(html)).toBe(
    '<html lang="zh-Hans"><body><header>先进事迹</header>' +
      '<main data-pagefind-body><h1 data-pagefind-weight="10">李 静 </h1> ｜ <p>获 评 先进 个人 。</p></main></body></html>',
  );
});
