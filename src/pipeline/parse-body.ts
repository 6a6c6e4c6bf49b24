/**
 * The one parser of MDX bodies: remark-parse + remark-mdx + remark-gfm, with a fast path for plain prose.
 *
 * Most write-ups are nothing but paragraphs and `##` headings of Chinese text. micromark reads such a body
 * character by character through every construct of CommonMark, GFM and MDX, and that was 40% of a
 * document's cost in `deeds check`. When no line of a body can start or contain any syntax (see
 * `plainProse`), this module builds the tree micromark would build — same nodes, values, positions and
 * key order — in one linear scan. Anything else, or anything in doubt, goes to micromark. A property test
 * (test/pipeline/parse-body.test.ts) holds the two equal on generated bodies.
 *
 *   parseBody('## 标题\n\n正文\n第二行\n')
 *   →  root [heading(2) [text '标题'], paragraph [text '正文\n第二行']]
 */
import type { Heading, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdown = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The body's syntax tree, as `unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(value)` gives it. */
export function parseBody(value: string): Root {
  return parsePlainProse(value) ?? (markdown.parse(value) as Root);
}

/**
 * Anywhere in a line, these start or may start Markdown, GFM or MDX syntax: escapes, code, emphasis,
 * links and footnotes, HTML and JSX, expressions, character references, tables, strikethrough,
 * literal autolinks (`www.`, `://`, `@`), and characters micromark treats specially (tab, CR, NUL).
 */
const INLINE_SYNTAX = /[\\`*_[\]<>{}&|~@\t\r\0]|:\/\/|www\./i;

/**
 * At the start of a line, these begin a block: list items and thematic breaks (`-`, `+`, `1.`, `1)`),
 * setext underlines (`=`), MDX's `import`/`export`, and indentation (code, or stripped continuation).
 */
const BLOCK_START = /^(?:[-+=]|\d{1,9}[.)]|import|export|[ ])/;

/** An ATX heading with text and no closing sequence: `## 标题`. */
const ATX_HEADING = /^(#{1,6}) +(?=[^ ])/;

/**
 * The tree of a body of plain prose (paragraphs and ATX headings whose text has no syntax in it), or
 * `undefined` when the body has anything else and micromark must read it.
 */
export function parsePlainProse(value: string): Root | undefined {
  if (value.charCodeAt(0) === 0xfeff || INLINE_SYNTAX.test(value)) return undefined;
  const children: RootContent[] = [];
  let line = 1;
  let offset = 0;
  /** The paragraph being read: where it starts, and where its last line ends. */
  let open: { start: Point; end: Point } | undefined;
  const close = () => {
    if (!open) return;
    const { start, end } = open;
    const text: Text = {
      type: 'text',
      value: value.slice(start.offset, end.offset),
      position: { start: { ...start }, end: { ...end } },
    };
    const paragraph: Paragraph = { type: 'paragraph', children: [text], position: { start, end } };
    children.push(paragraph);
    open = undefined;
  };
  let lineStart = 0;
  while (offset <= value.length) {
    let end = value.indexOf('\n', offset);
    if (end === -1) end = value.length;
    lineStart = offset;
    const text = value.slice(offset, end);
    if (text.length === 0) {
      close();
    } else {
      const last = text.charCodeAt(text.length - 1);
      if (last === 0x20 || BLOCK_START.test(text)) return undefined;
      if (text.charCodeAt(0) === 0x23 /* # */) {
        const heading = ATX_HEADING.exec(text);
        if (!heading || text.indexOf('#', heading[1]!.length) !== -1) return undefined;
        close();
        const from = heading[0].length;
        const node: Text = {
          type: 'text',
          value: text.slice(from),
          position: {
            start: { line, column: from + 1, offset: offset + from },
            end: { line, column: text.length + 1, offset: end },
          },
        };
        const block: Heading = {
          type: 'heading',
          depth: heading[1]!.length as Heading['depth'],
          children: [node],
          position: {
            start: { line, column: 1, offset },
            end: { line, column: text.length + 1, offset: end },
          },
        };
        children.push(block);
      } else if (text.indexOf('#') !== -1) {
        // `#` elsewhere is text, but a line of hashes could close a heading: leave it all to micromark.
        return undefined;
      } else {
        const lineEnd = { line, column: text.length + 1, offset: end };
        if (open) open.end = lineEnd;
        else open = { start: { line, column: 1, offset }, end: lineEnd };
      }
    }
    if (end === value.length) break;
    offset = end + 1;
    line++;
  }
  close();
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line, column: value.length - lineStart + 1, offset: value.length },
    },
  };
}
