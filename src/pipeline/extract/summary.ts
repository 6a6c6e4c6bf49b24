/**
 * A write-up's one-line summary (事迹摘要) when its editor wrote none: the first sentence of its first
 * paragraph of prose, as plain text, cut at a comma when it runs long.
 *
 *   湖滨街道是东湖区老旧小区最集中的片区，常住居民中60岁以上老人接近三成。李静在……
 *   → 湖滨街道是东湖区老旧小区最集中的片区，常住居民中60岁以上老人接近三成。
 *
 * Headings, lists, tables and components (`<Note>` 编者按) are passed over: a summary is a sentence
 * of the write-up itself. The body has passed the privacy checks before anything is published, so the
 * sentence carries nothing they would refuse.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface SummaryOptions {
  /** The longest summary, in characters; a longer sentence is cut at its last comma within it. */
  maxLength?: number;
  /** Paragraphs shorter than this (a byline, 编者按) are passed over. */
  minLength?: number;
}

export const SUMMARY_DEFAULTS: Readonly<Required<SummaryOptions>> = Object.freeze({ maxLength: 80, minLength: 12 });

/** Where a sentence ends, with any closing quotation marks or brackets after it. */
const SENTENCE_END = /[。！？!?…]+[”’」』）)]*/u;
/** Where a long sentence may be cut. */
const CLAUSE_BREAK = /[，；：、,;:]/gu;

/** The summary of a write-up's body tree, or `undefined` when it has no paragraph of prose. */
export function deedSummary(tree: Root, options: SummaryOptions = {}): string | undefined {
  const { maxLength, minLength } = { ...SUMMARY_DEFAULTS, ...options };
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = plainText(node);
    if (text.length < minLength) continue;
    return cutSentence(firstSentence(text), maxLength);
  }
  return undefined;
}

function plainText(node: RootContent): string {
  return toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

function firstSentence(text: string): string {
  const end = SENTENCE_END.exec(text);
  return end ? text.slice(0, end.index + end[0].length) : text;
}

/** The sentence itself when it fits; else up to its last clause break within `max`, then “……”. */
export function cutSentence(sentence: string, max: number): string {
  const chars = [...sentence];
  if (chars.length <= max) return sentence;
  const head = chars.slice(0, max - 2).join('');
  let cut = -1;
  for (const match of head.matchAll(CLAUSE_BREAK)) cut = match.index;
  // A clause break in the first third would leave a fragment: cut at the length instead.
  const kept = cut > head.length / 3 ? head.slice(0, cut) : head;
  return `${kept.replace(/[\s，；：、,;:]+$/u, '')}……`;
}

declare module 'vfile' {
  interface DataMap {
    /** On a deed: the summary derived from its body (`deedSummary`); pages prefer the editor's `summary`. */
    summary: string;
  }
}
