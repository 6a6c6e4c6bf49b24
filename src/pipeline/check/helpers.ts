/**
 * What the `remark-check-*` rules share: reporting a message the house way, finding the
 * position of a match inside a text node, walking the text of a tree and the strings of a
 * frontmatter.
 */
import type { Image, Nodes, Root, Table } from 'mdast';
import type { VFile } from 'vfile';
import { mapToSource } from '../normalise/normalise.ts';
import { MESSAGE_SOURCE, type Change, type Collection } from '../types.ts';

export interface Place {
  start: { line: number; column: number; offset?: number };
  end: { line: number; column: number; offset?: number };
}

export type PointLike = { line: number; column: number; offset?: number };

/** At most this many messages of one rule in one file; a hostile or broken file could otherwise produce thousands. */
export const MAX_MESSAGES_PER_RULE = 100;

const reported = new WeakMap<VFile, Map<string, number>>();

/** Add a message: `fatal` true for an error, false for a warning, undefined for info. */
export function report(
  file: VFile,
  reason: string,
  options: {
    place: Place | PointLike;
    ruleId: string;
    fatal: boolean | undefined;
    actual?: string;
    expected?: string[];
  },
): void {
  let counts = reported.get(file);
  if (!counts) reported.set(file, (counts = new Map()));
  const count = (counts.get(options.ruleId) ?? 0) + 1;
  counts.set(options.ruleId, count);
  if (count > MAX_MESSAGES_PER_RULE + 1) return;
  if (count === MAX_MESSAGES_PER_RULE + 1) {
    reason = `同类问题超过 ${MAX_MESSAGES_PER_RULE} 处，其余不再逐一列出；请先改正以上各处，再重新检查`;
    options = { place: options.place, ruleId: options.ruleId, fatal: options.fatal };
  }
  const message = file.message(reason, { place: options.place, ruleId: options.ruleId, source: MESSAGE_SOURCE });
  message.fatal = options.fatal;
  if (options.actual !== undefined) message.actual = options.actual;
  if (options.expected !== undefined) message.expected = options.expected;
}

/** A text-bearing node with a position. */
export interface TextNode {
  type: string;
  value: string;
  position?: { start: PointLike; end: PointLike };
}

/**
 * The place of `value.slice(start, end)` of a text node, counting lines inside the value.
 * Exact when the source has no escapes or entities before the match; otherwise close.
 */
export function placeInText(node: TextNode, start: number, end: number): Place {
  const origin = node.position?.start ?? { line: 1, column: 1, offset: 0 };
  return { start: pointAt(node.value, origin, start), end: pointAt(node.value, origin, end) };
}

function pointAt(value: string, origin: PointLike, index: number): PointLike {
  let line = origin.line;
  let lineStart = -1;
  for (let i = value.indexOf('\n'); i !== -1 && i < index; i = value.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  const column = lineStart === -1 ? origin.column + index : index - lineStart;
  return origin.offset === undefined ? { line, column } : { line, column, offset: origin.offset + index };
}

/** The node's own place, or the start of the document. */
export function placeOf(node: { position?: { start: PointLike; end: PointLike } } | undefined): Place {
  if (node?.position) return { start: node.position.start, end: node.position.end };
  return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** The nodes the rules look at, gathered in one walk of the tree and shared by every rule. */
export interface TreeIndex {
  /** Text an editor wrote: text, inline code and code blocks, in document order. */
  text: TextNode[];
  /** Every node, in document order (for mdx-safety). */
  all: Nodes[];
  tables: Table[];
  images: Image[];
}

const indexes = new WeakMap<Root, TreeIndex>();

/** The tree's index; one walk per tree, however many rules ask (unist-util-visit is the slow part otherwise). */
export function indexTree(tree: Root): TreeIndex {
  let index = indexes.get(tree);
  if (index) return index;
  index = { text: [], all: [], tables: [], images: [] };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    index.all.push(node);
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') index.text.push(node as TextNode);
    else if (node.type === 'table') index.tables.push(node);
    else if (node.type === 'image') index.images.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  indexes.set(tree, index);
  return index;
}

/** Visit every piece of text an editor wrote in the body: text, inline code and code blocks. */
export function visitText(tree: Root, visitor: (node: TextNode) => void): void {
  for (const node of indexTree(tree).text) visitor(node);
}

/** One string in the frontmatter with its path: `{ path: ['subject', 'name'], value: '李静' }`. */
export interface FrontmatterString {
  path: (string | number)[];
  value: string;
}

/** Every string value in the frontmatter, depth first, skipping the keys in `skip` (at any depth). */
export function frontmatterStrings(
  data: unknown,
  skip: ReadonlySet<string> = new Set(),
  path: (string | number)[] = [],
): FrontmatterString[] {
  const out: FrontmatterString[] = [];
  const walk = (value: unknown, at: (string | number)[]) => {
    if (typeof value === 'string') out.push({ path: at, value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...at, index]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) if (!skip.has(key)) walk(item, [...at, key]);
    }
  };
  walk(data, path);
  return out;
}

/** What a frontmatter check gets: the file, its frontmatter and where each field is written. */
export interface FrontmatterInput {
  file: VFile;
  collection: Collection;
  /** The validated frontmatter, or the raw one when validation failed. */
  data: Record<string, unknown>;
  /** Whether `data` passed the schema. */
  valid: boolean;
  /** Where a field is written in the file (line and column of its key). */
  locate(path: ReadonlyArray<PropertyKey>): PointLike;
}

/** A check of frontmatter fields; positions are in the whole file. */
export type FrontmatterCheck = (input: FrontmatterInput) => void;

/** The field path as an editor reads it: `quotaTables[0].rows[6].counts[1]`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

/**
 * Move a message found in the normalised body to the place the editor wrote it, through the
 * normaliser's change record (`mapToSource`). Positions stay body-relative.
 */
export function mapMessageToSource(
  message: { place?: unknown; line?: number | null; column?: number | null },
  changes: readonly Change[],
): void {
  if (changes.length === 0 || !message.place) return;
  const place = message.place as Place | PointLike;
  const map = (point: PointLike): PointLike => {
    const mapped = mapToSource(changes, point);
    return mapped.offset >= 0 ? mapped : { line: mapped.line, column: mapped.column };
  };
  if ('start' in place) {
    message.place = { start: map(place.start), end: map(place.end) };
    message.line = (message.place as Place).start.line;
    message.column = (message.place as Place).start.column;
  } else {
    message.place = map(place);
    message.line = (message.place as PointLike).line;
    message.column = (message.place as PointLike).column;
  }
}
