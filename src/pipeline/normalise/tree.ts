/**
 * The document model the normalisation stages share. A document is a `root` whose children cover its
 * text end to end: `text` segments the stages may edit, and `raw` segments (Markdown and MDX syntax,
 * code, URLs in link targets) they must leave alone. A plain-text file is one `text` segment; an MDX
 * body is cut into segments by remark, so that `**重要**` keeps its asterisks while 重要 is normalised.
 *
 * Stages edit segments through `editSegments`, which keeps the change record in input coordinates on
 * `file.data.normalise` (see `NormaliseState`), and report problems with `reportAt`, which places them
 * in the input.
 *
 *   parsePlainText('衛(wèi)生')  →  { type: 'root', children: [{ type: 'text', value: '衛(wèi)生' }] }
 */
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type { VFile } from 'vfile';
import { composeEdits, lineStarts, pointAt, type Edit } from './change-record.ts';
import { parseBody } from '../parse-body.ts';
import { MESSAGE_SOURCE, type Point, type Script } from '../types.ts';

export interface TextSegment {
  type: 'text';
  value: string;
  data?: {
    /** The segment is a whole Markdown paragraph (lines from start to end), so line rules may apply. */
    wholeLines?: boolean;
    /** The segment is the blank space between two Markdown paragraphs. */
    gap?: boolean;
  };
}

export interface RawSegment {
  type: 'raw';
  value: string;
}

export type Segment = TextSegment | RawSegment;

export interface NormaliseRoot {
  type: 'root';
  children: Segment[];
  /**
   * The Markdown syntax tree the segments were cut from (MDX bodies only). When no stage edits the
   * text, it is also the tree of the output, and the pipeline reuses it instead of parsing again.
   */
  mdast?: MdastRoot;
}

/** One paragraph's script, as detected before conversion; `line` is its first line in the input. */
export interface ParagraphScript {
  line: number;
  script: Script;
}

/** What the stages share on `file.data.normalise`. */
export interface NormaliseState {
  /** `text` for imported plain text, `markdown` for an MDX body. */
  mode: 'text' | 'markdown';
  /** The decoded input, as given. */
  input: string;
  /** The current text: the input with every stage so far applied. */
  text: string;
  /** Every edit so far, composed into input coordinates. */
  edits: Edit[];
  /** The script of the input, once the script stage has run. */
  sourceScript: Script;
  paragraphs: ParagraphScript[];
  /** Line starts of the input, computed on first use. */
  inputLines?: number[];
}

export function normaliseState(file: VFile): NormaliseState {
  const state = file.data.normalise as NormaliseState | undefined;
  if (!state || typeof state !== 'object' || !('edits' in state)) {
    throw new Error(
      'normalise stages must run in the normaliser (normaliseText/normaliseMarkdown), which sets up file.data.normalise',
    );
  }
  return state;
}

export function initialState(input: string, mode: NormaliseState['mode']): NormaliseState {
  return { mode, input, text: input, edits: [], sourceScript: 'simplified', paragraphs: [] };
}

/** Local edits of one segment: offsets into the segment's value. */
export type SegmentEditor = (value: string, segment: TextSegment, index: number, offset: number) => Edit[] | undefined;

/**
 * Run `editor` over every text segment (or those `filter` accepts), apply its edits to the segments and
 * fold them into the change record. Edits must be sorted and must not overlap.
 */
export function editSegments(
  tree: NormaliseRoot,
  file: VFile,
  editor: SegmentEditor,
  filter: (segment: TextSegment) => boolean = () => true,
): void {
  const state = normaliseState(file);
  const global: Edit[] = [];
  let offset = 0;
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const segment = children[index]!;
    const length = segment.value.length;
    if (segment.type === 'text' && filter(segment)) {
      const edits = editor(segment.value, segment, index, offset);
      if (edits && edits.length > 0) {
        const parts: string[] = [];
        let last = 0;
        for (const edit of edits) {
          parts.push(segment.value.slice(last, edit.start), edit.after);
          last = edit.end;
          global.push(
            offset === 0
              ? edit
              : { rule: edit.rule, start: edit.start + offset, end: edit.end + offset, after: edit.after },
          );
        }
        parts.push(segment.value.slice(last));
        segment.value = parts.join('');
      }
    }
    offset += length;
  }
  if (global.length === 0) return;
  state.edits = composeEdits(state.edits, global, state.text);
  state.text = children.length === 1 ? children[0]!.value : children.map((c) => c.value).join('');
}

/** Offset in the current text → offset in the input (the start of an edit, inside an edit's output). */
export function inputOffset(state: NormaliseState, offset: number): number {
  let delta = 0;
  for (const edit of state.edits) {
    const outStart = edit.start + delta;
    if (offset < outStart) break;
    if (offset < outStart + edit.after.length) return edit.start;
    delta += edit.after.length - (edit.end - edit.start);
  }
  return offset - delta;
}

/**
 * A mapper from offsets in the current text to input points, for offsets given in increasing order
 * (linear over a whole pass, where `inputPoint` is linear per call).
 */
export function inputPointMapper(state: NormaliseState): (offset: number) => Point {
  const edits = state.edits;
  state.inputLines ??= lineStarts(state.input);
  const lines = state.inputLines;
  let k = 0;
  let delta = 0;
  return (offset) => {
    while (k < edits.length) {
      const edit = edits[k]!;
      const outStart = edit.start + delta;
      if (offset < outStart) break;
      if (offset < outStart + edit.after.length) return pointAt(lines, edit.start);
      delta += edit.after.length - (edit.end - edit.start);
      k++;
    }
    return pointAt(lines, offset - delta);
  };
}

/** The input point of an offset in the current text. */
export function inputPoint(state: NormaliseState, offset: number): Point {
  state.inputLines ??= lineStarts(state.input);
  return pointAt(state.inputLines, inputOffset(state, offset));
}

/**
 * Report a problem found at `start..end` of the current text, placed in the input.
 * `fatal`: true for errors, false for warnings.
 */
export function reportAt(file: VFile, start: number, end: number, reason: string, ruleId: string, fatal = false): void {
  const state = normaliseState(file);
  const place = { start: inputPoint(state, start), end: inputPoint(state, end) };
  const message = file.message(reason, { place, ruleId, source: MESSAGE_SOURCE });
  message.fatal = fatal;
}

/** unified parser for plain text: the whole file is one editable segment. */
export function parsePlainText(value: string): NormaliseRoot {
  return { type: 'root', children: [{ type: 'text', value }] };
}

/** unified compiler: the segments joined back together. */
export function compileSegments(tree: NormaliseRoot): string {
  return tree.children.length === 1 ? tree.children[0]!.value : tree.children.map((c) => c.value).join('');
}

/** Inside a text node's source: escapes, entities and container prefixes of continuation lines stay raw. */
export const MARKDOWN_PROTECTED = /\\[\s\S]|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});|\r?\n[ \t>]*/gi;

/** Node types whose text is prose; everything else in an MDX body is syntax and kept as written. */
const PROSE_PARENTS = new Set([
  'paragraph',
  'heading',
  'link',
  'linkReference',
  'emphasis',
  'strong',
  'delete',
  'tableCell',
  'listItem',
  'blockquote',
  'root',
  'mdxJsxTextElement',
  'mdxJsxFlowElement',
]);

/**
 * unified parser for an MDX body: text nodes of prose become editable segments (minus escapes and the
 * container prefixes of continuation lines), all else stays raw. The blank lines between two top-level
 * paragraphs are editable `gap` segments, so that a paragraph split by a page break can be rejoined.
 * A body that does not parse is all raw: the checks report the syntax error; nothing is normalised.
 */
export function parseMarkdownSegments(value: string): NormaliseRoot {
  // micromark drops a byte-order mark, which would shift every position: keep it as a segment of its own.
  if (value.charCodeAt(0) === 0xfeff) {
    const rest = parseMarkdownSegments(value.slice(1));
    return { type: 'root', children: [{ type: 'text', value: '\uFEFF' }, ...rest.children] };
  }
  let mdast: MdastRoot;
  try {
    mdast = parseBody(value);
  } catch {
    return { type: 'root', children: value ? [{ type: 'raw', value }] : [] };
  }
  const ranges: Array<{ start: number; end: number; data?: TextSegment['data'] }> = [];
  collectText(mdast, undefined, value, ranges);
  // Gaps between consecutive top-level paragraphs.
  const top = mdast.children;
  for (let k = 0; k + 1 < top.length; k++) {
    const a = top[k]!;
    const b = top[k + 1]!;
    if (a.type !== 'paragraph' || b.type !== 'paragraph') continue;
    const start = a.position?.end.offset;
    const end = b.position?.start.offset;
    if (start === undefined || end === undefined) continue;
    if (/^\n[ \t]*\n$/.test(value.slice(start, end))) ranges.push({ start, end, data: { gap: true } });
  }
  ranges.sort((x, y) => x.start - y.start);
  const children: Segment[] = [];
  let last = 0;
  for (const range of ranges) {
    if (range.start < last) continue;
    if (range.start > last) children.push({ type: 'raw', value: value.slice(last, range.start) });
    const segment: TextSegment = { type: 'text', value: value.slice(range.start, range.end) };
    if (range.data) segment.data = range.data;
    children.push(segment);
    last = range.end;
  }
  if (last < value.length) children.push({ type: 'raw', value: value.slice(last) });
  return { type: 'root', children, mdast };
}

function collectText(
  node: MdastNodes,
  parent: MdastNodes | undefined,
  source: string,
  ranges: Array<{ start: number; end: number; data?: TextSegment['data'] }>,
): void {
  if (node.type === 'text') {
    if (!parent || !PROSE_PARENTS.has(parent.type)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || end <= start) return;
    const slice = source.slice(start, end);
    const wholeParagraph = parent.type === 'paragraph' && parent.children.length === 1;
    if (slice === node.value) {
      const lineStart = start === 0 || source[start - 1] === '\n';
      const lineEnd = end === source.length || source[end] === '\n' || source[end] === '\r';
      ranges.push({ start, end, data: wholeParagraph && lineStart && lineEnd ? { wholeLines: true } : undefined });
      return;
    }
    let last = start;
    for (const match of slice.matchAll(MARKDOWN_PROTECTED)) {
      const at = start + match.index;
      if (at > last) ranges.push({ start: last, end: at });
      last = at + match[0].length;
    }
    if (end > last) ranges.push({ start: last, end });
    return;
  }
  if (node.type === 'link' || node.type === 'linkReference') {
    // Autolinks show their URL as text: leave it.
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (
      only?.type === 'text' &&
      node.type === 'link' &&
      (only.value === node.url || `mailto:${only.value}` === node.url)
    )
      return;
  }
  if ('children' in node) {
    for (const child of node.children as MdastNodes[]) collectText(child, node, source, ranges);
  }
}
