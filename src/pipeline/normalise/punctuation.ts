/**
 * A stage of the normaliser (in the order of `normalisePlugins`): punctuation and spacing (GB/T 15834-2011). In Chinese context the
 * half-width marks , ; : ? ! ( ) become full-width, but not inside numbers (1,000; 9:30), URLs or Latin
 * runs; straight double quotes around Chinese become “ ”; stray spaces between Chinese characters go,
 * except the padding inside a two-character name standing alone (李 静); the year of a document number
 * goes into 〔 〕 (GB/T 9704-2012 §7.2.4).
 *
 *   '县(市、区)卫健委,要求:"认真落实"'  →  '县（市、区）卫健委，要求：“认真落实”'
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from './change-record.ts';
import { DOC_NUMBER_YEAR, FULL_WIDTH } from './data/punctuation.ts';
import { editSegments, type NormaliseRoot } from './tree.ts';

export interface Options {
  /** Remove stray spaces between Chinese characters. Default: true. */
  spacing?: boolean;
}

const defaults: Readonly<Required<Options>> = Object.freeze({ spacing: true });

export const normalisePunctuation: Plugin<[Options?], NormaliseRoot> = function (options) {
  const settings = { ...defaults, ...options };
  return (tree: NormaliseRoot, file: VFile) => {
    editSegments(
      tree,
      file,
      (value, _segment, index) => withNeighbours(tree, index, value, punctuationEdits),
      (segment) => !segment.data?.gap,
    );
    if (settings.spacing) editSegments(tree, file, spacingEdits, (segment) => !segment.data?.gap);
  };
};

/**
 * Run `editor` on a segment with the rest of its line from the neighbouring segments around it, as
 * context only (in an MDX body, `[衛生](url),` has its comma in another segment than its words).
 */
function withNeighbours(
  tree: NormaliseRoot,
  index: number,
  value: string,
  editor: (text: string) => Edit[] | undefined,
): Edit[] | undefined {
  if (tree.children.length === 1) return editor(value);
  let before = '';
  for (let k = index - 1; k >= 0 && before.length < 32; k--) {
    const text = tree.children[k]!.value;
    const cut = text.lastIndexOf('\n');
    before = text.slice(cut + 1) + before;
    if (cut !== -1) break;
  }
  let after = '';
  for (let k = index + 1; k < tree.children.length && after.length < 32; k++) {
    const text = tree.children[k]!.value;
    const cut = text.indexOf('\n');
    after += cut === -1 ? text : text.slice(0, cut);
    if (cut !== -1) break;
  }
  const edits = editor(before + value + after);
  if (!edits) return edits;
  const start = before.length;
  const end = start + value.length;
  return edits
    .filter((edit) => edit.start >= start && edit.end <= end)
    .map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
}

function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd840 && c <= 0xd87f)
  );
}

/** Han, CJK punctuation, full-width punctuation, curly quotes, dashes and ellipses. */
function isChinese(c: number): boolean {
  return (
    isHan(c) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x00b7
  );
}

/**
 * Marks skipped when looking for context: spaces, double quotes (straight or curly), and the convertible
 * marks in either form, so that the answer is the same before and after conversion.
 */
function isTransparent(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x3000 ||
    c === 0x22 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x3f ||
    c === 0x21 ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0xff0c ||
    c === 0xff1b ||
    c === 0xff1a ||
    c === 0xff1f ||
    c === 0xff01 ||
    c === 0xff08 ||
    c === 0xff09
  );
}

/** How far to look for context: keeps the stage linear on runs of marks and spaces. */
const CONTEXT_REACH = 256;

/** The nearest telling character before `index` on its line, or -1. */
function contextBefore(value: string, index: number, lineStart: number): number {
  for (let i = index - 1; i >= Math.max(lineStart, index - CONTEXT_REACH); i--) {
    const c = value.charCodeAt(i);
    if (!isTransparent(c)) return c;
  }
  return -1;
}

function contextAfter(value: string, index: number, lineEnd: number): number {
  for (let i = index + 1; i < Math.min(lineEnd, index + CONTEXT_REACH); i++) {
    const c = value.charCodeAt(i);
    if (!isTransparent(c)) return c;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** A URL runs to whitespace or the first Chinese character or full-width mark. */
export const URL_BODY = /[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’<>"]*/y;

function hasHan(value: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isHan(value.charCodeAt(i))) return true;
  return false;
}

/** What each UTF-16 unit is to the scan: nothing, a mark to consider, a possible URL start, a line break. */
const MARK = 1;
const URL_START = 2;
const LINE_BREAK = 3;
const SCAN = new Uint8Array(0x10000);
for (const mark of ',;:?!()"（）[【［〔') SCAN[mark.charCodeAt(0)] = MARK;
SCAN[0x68] = URL_START; // h
SCAN[0x77] = URL_START; // w
SCAN[0x0a] = LINE_BREAK;

const OPEN_BRACKETS = new Set(['[', '【', '［', '〔', '(', '（']);

function punctuationEdits(value: string): Edit[] | undefined {
  const edits: Edit[] = [];
  let lineStart = 0;
  let lineEnd = value.indexOf('\n');
  if (lineEnd === -1) lineEnd = value.length;
  // Per line: parentheses (either form) and straight quotes, resolved when the line ends.
  const parens: Array<{ index: number; open: boolean }> = [];
  const quotes: number[] = [];
  const flushLine = (): void => {
    if (parens.length === 0 && quotes.length === 0) return;
    const lineFrom = firstEditOfLine;
    resolveParens(value, parens, lineStart, lineEnd, edits);
    resolveQuotes(value, quotes, edits);
    parens.length = 0;
    quotes.length = 0;
    // Pairs are decided at the end of the line: put the line's edits back in order.
    if (edits.length - lineFrom > 1) {
      const line = edits.splice(lineFrom).sort((a, b) => a.start - b.start);
      for (const edit of line) edits.push(edit);
    }
  };
  let firstEditOfLine = 0;
  const n = value.length;
  for (let index = 0; index < n; index++) {
    const kind = SCAN[value.charCodeAt(index)];
    if (kind === 0) continue;
    if (kind === LINE_BREAK) {
      flushLine();
      lineStart = index + 1;
      lineEnd = value.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = n;
      firstEditOfLine = edits.length;
      continue;
    }
    if (kind === URL_START) {
      const prefix = value.startsWith('http://', index)
        ? 7
        : value.startsWith('https://', index)
          ? 8
          : value.startsWith('www.', index)
            ? 4
            : 0;
      if (prefix === 0) continue;
      // A URL: skip it whole.
      URL_BODY.lastIndex = index + prefix;
      URL_BODY.exec(value);
      index = Math.max(URL_BODY.lastIndex, index + prefix) - 1;
      continue;
    }
    const mark = value[index]!;
    const c = mark.charCodeAt(0);
    if (OPEN_BRACKETS.has(mark)) {
      // The issuer's abbreviation comes first (武卫字), perhaps with stray spaces the spacing rule removes.
      let issuerEnd = index;
      while (issuerEnd > 0 && isSpace(value.charCodeAt(issuerEnd - 1))) issuerEnd--;
      if (issuerEnd > 0 && isHan(value.charCodeAt(issuerEnd - 1))) {
        DOC_NUMBER_YEAR.lastIndex = index;
        const year = DOC_NUMBER_YEAR.exec(value);
        if (year) {
          const replacement = `〔${year[1]}〕`;
          if (year[0] !== replacement) {
            edits.push({ rule: 'doc-number-bracket', start: index, end: index + year[0].length, after: replacement });
          }
          index += year[0].length - 1;
          continue;
        }
      }
      if (mark === '(' || mark === '（') parens.push({ index, open: true });
      continue;
    }
    if (mark === '"') {
      quotes.push(index);
      continue;
    }
    if (mark === ')' || mark === '）') {
      parens.push({ index, open: false });
      continue;
    }
    // , ; : ? !
    const prev = index > lineStart ? value.charCodeAt(index - 1) : -1;
    const next = index + 1 < lineEnd ? value.charCodeAt(index + 1) : -1;
    if ((c === 0x2c || c === 0x3a) && isDigit(prev) && isDigit(next)) continue;
    // Attached to a Latin word, a mark belongs to the Latin run (Hello, world!) unless Chinese follows
    // at once (WHO,中国).
    if (isLatinOrDigit(prev)) {
      if (isHan(next)) {
        edits.push({ rule: 'fullwidth-punctuation', start: index, end: index + 1, after: FULL_WIDTH[mark]! });
      }
      continue;
    }
    const before = contextBefore(value, index, lineStart);
    const after = contextAfter(value, index, lineEnd);
    if ((before !== -1 && isChinese(before)) || (after !== -1 && isChinese(after))) {
      edits.push({ rule: 'fullwidth-punctuation', start: index, end: index + 1, after: FULL_WIDTH[mark]! });
    }
  }
  flushLine();
  return edits;
}

/** Pair parentheses (either form); convert half-width ones in pairs around or beside Chinese. */
function resolveParens(
  value: string,
  parens: Array<{ index: number; open: boolean }>,
  lineStart: number,
  lineEnd: number,
  edits: Edit[],
): void {
  if (parens.length === 0) return;
  // Han characters before each position of the line, so that nested pairs are checked in constant time.
  const hanBefore = new Int32Array(lineEnd - lineStart + 1);
  for (let i = lineStart; i < lineEnd; i++)
    hanBefore[i - lineStart + 1] = hanBefore[i - lineStart]! + (isHan(value.charCodeAt(i)) ? 1 : 0);
  const hasHanBetween = (from: number, to: number): boolean =>
    hanBefore[to - lineStart]! - hanBefore[from - lineStart]! > 0;
  const stack: number[] = [];
  const decided = new Map<number, boolean>();
  for (const paren of parens) {
    if (paren.open) {
      stack.push(paren.index);
      continue;
    }
    const open = stack.pop();
    if (open === undefined) {
      decided.set(paren.index, isChineseContext(value, paren.index, lineStart, lineEnd));
      continue;
    }
    const close = paren.index;
    let convert = hasHanBetween(open + 1, close);
    if (!convert && !(open > lineStart && isLatinOrDigit(value.charCodeAt(open - 1)))) {
      const before = contextBefore(value, open, lineStart);
      const after = contextAfter(value, close, lineEnd);
      convert = (before !== -1 && isChinese(before)) || (after !== -1 && isChinese(after));
    }
    decided.set(open, convert);
    decided.set(close, convert);
  }
  for (const open of stack) decided.set(open, isChineseContext(value, open, lineStart, lineEnd));
  for (const paren of parens) {
    const mark = value[paren.index]!;
    if ((mark === '(' || mark === ')') && decided.get(paren.index)) {
      edits.push({ rule: 'fullwidth-punctuation', start: paren.index, end: paren.index + 1, after: FULL_WIDTH[mark]! });
    }
  }
}

function isChineseContext(value: string, index: number, lineStart: number, lineEnd: number): boolean {
  const before = contextBefore(value, index, lineStart);
  const after = contextAfter(value, index, lineEnd);
  return (before !== -1 && isChinese(before)) || (after !== -1 && isChinese(after));
}

/** Pair straight double quotes on a line; a pair around Chinese becomes “ ”. */
function resolveQuotes(value: string, quotes: number[], edits: Edit[]): void {
  for (let k = 0; k + 1 < quotes.length; k += 2) {
    const open = quotes[k]!;
    const close = quotes[k + 1]!;
    if (!hasHan(value, open + 1, close)) continue;
    edits.push({ rule: 'quotation-marks', start: open, end: open + 1, after: '“' });
    edits.push({ rule: 'quotation-marks', start: close, end: close + 1, after: '”' });
  }
}

export const SPACES_BETWEEN = /[ \u3000]+/g;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

/**
 * Spaces between two Chinese characters (or marks) go, except in a two-character name standing alone
 * (李 静): the extractor needs that padding to find names in lists.
 */
function spacingEdits(value: string): Edit[] | undefined {
  const edits: Edit[] = [];
  SPACES_BETWEEN.lastIndex = 0;
  for (let match = SPACES_BETWEEN.exec(value); match; match = SPACES_BETWEEN.exec(value)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start === 0 || end >= value.length) continue;
    const a = value.charCodeAt(start - 1);
    const b = value.charCodeAt(end);
    if (!isChinese(a) || !isChinese(b)) continue;
    if (isHan(a) && isHan(b) && isPaddedName(value, start - 1, end)) continue;
    edits.push({ rule: 'cjk-space', start, end, after: '' });
  }
  return edits;
}

/** Whether the Han characters at `a` and `b` (with spaces between) stand alone: no Han joins them on either side. */
function isPaddedName(value: string, a: number, b: number): boolean {
  return !continuesHan(value, a - 1, -1) && !continuesHan(value, b + 1, 1);
}

/** Whether a Han character follows from `index` in `direction`, directly or across spaces. */
function continuesHan(value: string, index: number, direction: -1 | 1): boolean {
  let i = index;
  while (i >= 0 && i < value.length && isSpace(value.charCodeAt(i))) i += direction;
  if (i < 0 || i >= value.length) return false;
  return isHan(value.charCodeAt(i));
}
