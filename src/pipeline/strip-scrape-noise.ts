/**
 * Stage 2 of the normaliser: scrape noise. Removes what template sites and document-sharing sites wrap
 * around a document (site names, breadcrumbs, share bars, document info, page counters, "展开阅读全文",
 * copyright and ICP lines: see data/scrape-noise.ts), removes the
 * page-chunk markers that cut words in half ("…围\n\n2、绕…" → "…围绕…"), and rejoins paragraphs that a
 * page break split in the middle of a sentence.
 *
 *   '九九範文幫\n\n位置:首頁 > 工作報告\n\n**市衛生局先進事蹟'  →  '**市衛生局先進事蹟'
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from '../lib/change-record.ts';
import {
  CONTINUATION_STARTS,
  ENUMERATION,
  HEADER_LINES,
  HEADING_ENDINGS,
  HEADING_STARTS,
  NOISE_RULES,
  SENTENCE_END,
  type NoiseRule,
} from './data/scrape-noise.ts';
import { editSegments, type NormaliseRoot, type TextSegment } from './normalise-tree.ts';

export interface Options {
  /** `text` for plain text (all rules), `markdown` for an MDX body (whole-paragraph noise and rejoining only). */
  mode?: 'text' | 'markdown';
  /** Minimum length of a paragraph that a page break may have split. Default: 20. */
  minSplitLength?: number;
}

const defaults: Readonly<Required<Options>> = Object.freeze({ mode: 'text', minSplitLength: 20 });

const LINE_RULES = NOISE_RULES.filter((rule) => rule.kind === 'line');
const TAIL_RULES = NOISE_RULES.filter((rule) => rule.kind === 'tail');
const BREADCRUMB = NOISE_RULES.find((rule) => rule.id === 'breadcrumb')!;

export const stripScrapeNoise: Plugin<[Options?], NormaliseRoot> = function (options) {
  const settings = { ...defaults, ...options };
  return (tree: NormaliseRoot, file: VFile) => {
    if (settings.mode === 'text') {
      editSegments(tree, file, (value) => noiseEdits(value, true));
      editSegments(tree, file, chunkMarkerEdits);
      editSegments(tree, file, (value) => pageBreakEdits(value, settings.minSplitLength));
    } else {
      editSegments(
        tree,
        file,
        (value) => noiseEdits(value, false),
        (segment) => segment.data?.wholeLines === true,
      );
      editSegments(
        tree,
        file,
        (_value, segment, index) => gapEdits(tree, segment, index, settings.minSplitLength),
        (segment) => segment.data?.gap === true,
      );
    }
  };
};

interface Line {
  start: number;
  /** End of the line's text (before its line break). */
  end: number;
  /** Start of the next line (after the line break), or the text's end. */
  next: number;
}

function splitLines(value: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = value.indexOf('\n', start);
    if (end === -1) {
      lines.push({ start, end: value.length, next: value.length });
      return lines;
    }
    lines.push({ start, end, next: end + 1 });
    start = end + 1;
  }
}

function isBlank(value: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000) return false;
  }
  return true;
}

function matchingRule(text: string, rules: readonly NoiseRule[], inHeader: boolean): NoiseRule | undefined {
  if (text.length === 0 || text.length > MAX_NOISE_LINE) return undefined;
  return rules.find((rule) => (rule.where !== 'header' || inHeader) && rule.pattern.test(text));
}

/**
 * Whole noise lines, with the blank lines after them (and, at the end of the text, the blank lines
 * before them), and noise at the end of a line.
 */
function noiseEdits(value: string, detectHeader: boolean): Edit[] | undefined {
  const lines = splitLines(value);
  // The page header: lines before a breadcrumb near the top.
  let headerEnd = -1;
  if (detectHeader) {
    let seen = 0;
    for (let k = 0; k < lines.length && seen < HEADER_LINES; k++) {
      if (isBlank(value, lines[k]!)) continue;
      seen++;
      if (BREADCRUMB.pattern.test(value.slice(lines[k]!.start, lines[k]!.end).trim())) {
        headerEnd = k;
        break;
      }
    }
  }
  const edits: Edit[] = [];
  const tailNoise = tailFinder(value);
  let k = 0;
  while (k < lines.length) {
    const line = lines[k]!;
    const tail = tailNoise(line);
    if (!tail && tooLong(value, line)) {
      k++;
      continue;
    }
    const text = value.slice(line.start, tail ? tail.start : line.end).trim();
    const rule = matchingRule(text, LINE_RULES, k < headerEnd);
    if (!rule) {
      if (tail) edits.push(tail);
      k++;
      continue;
    }
    // A run: this noise line, then noise or blank lines.
    const rules = [rule.id];
    let j = k + 1;
    while (j < lines.length) {
      const next = lines[j]!;
      if (isBlank(value, next)) {
        j++;
        continue;
      }
      const nextTail = tailNoise(next);
      const nextRule = matchingRule(
        value.slice(next.start, nextTail ? nextTail.start : next.end).trim(),
        LINE_RULES,
        j < headerEnd,
      );
      if (!nextRule) break;
      if (!rules.includes(nextRule.id)) rules.push(nextRule.id);
      j++;
    }
    let start = line.start;
    let end = j < lines.length ? lines[j]!.start : value.length;
    if (j >= lines.length) {
      // The run ends the text: take the line breaks before it too.
      end = value.length;
      while (start > 0 && (value[start - 1] === '\n' || value[start - 1] === ' ' || value[start - 1] === '\t')) start--;
      const previous = edits[edits.length - 1];
      if (previous && previous.end > start) start = previous.end;
    }
    edits.push({ rule: rules.map((id) => `scrape-noise/${id}`).join('+'), start, end, after: '' });
    k = j;
  }
  return edits;
}

/**
 * A finder of noise at the end of a line (a site's summary appended to the last page), for lines taken
 * in order: each rule's marker is searched for once per text, not once per line.
 */
function tailFinder(value: string): (line: Line) => Edit | undefined {
  const next = TAIL_RULES.map((rule) => (rule.marker === undefined ? 0 : value.indexOf(rule.marker)));
  return (line) => {
    for (let k = 0; k < TAIL_RULES.length; k++) {
      const rule = TAIL_RULES[k]!;
      if (rule.marker !== undefined) {
        while (next[k]! !== -1 && next[k]! < line.start) next[k] = value.indexOf(rule.marker, next[k]! + 1);
        if (next[k] === -1 || next[k]! >= line.end) continue;
      }
      const match = rule.pattern.exec(value.slice(line.start, line.end));
      if (match) return { rule: `scrape-noise/${rule.id}`, start: line.start + match.index, end: line.end, after: '' };
    }
    return undefined;
  };
}

/** Whether a line is too long to be noise: site furniture is short. */
function tooLong(value: string, line: Line): boolean {
  if (line.end - line.start <= MAX_NOISE_LINE) return false;
  let start = line.start;
  let end = line.end;
  while (start < end && /\s/.test(value[start]!)) start++;
  while (end > start && /\s/.test(value[end - 1]!)) end--;
  return end - start > MAX_NOISE_LINE;
}

const MAX_NOISE_LINE = 300;

/** A paragraph break: a line break, optional blank lines. */
export const PARAGRAPH_BREAK = /\n[ \t\u3000]*\n(?:[ \t\u3000]*\n){0,8}/g;

interface Paragraph {
  start: number;
  end: number;
}

function paragraphs(value: string): Paragraph[] {
  const result: Paragraph[] = [];
  let start = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let match = PARAGRAPH_BREAK.exec(value); match; match = PARAGRAPH_BREAK.exec(value)) {
    result.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  result.push({ start, end: value.length });
  return result;
}

/**
 * Document-sharing sites cut the text into page-sized chunks numbered "1、", "2、"… at the start of
 * paragraphs, often in the middle of a word. A run of such markers from 1, each chunk long and each
 * cut (not ending a sentence), is removed and the chunks joined.
 */
function chunkMarkerEdits(value: string): Edit[] | undefined {
  const paras = paragraphs(value);
  const markers: Array<{ para: number; number: number; length: number }> = [];
  for (let k = 0; k < paras.length; k++) {
    const match = /^(\d{1,3})、/.exec(value.slice(paras[k]!.start, paras[k]!.start + 4));
    if (match) markers.push({ para: k, number: Number(match[1]), length: match[0].length });
  }
  const first = markers.findIndex((marker) => marker.number === 1);
  if (first === -1) return undefined;
  const run = [markers[first]!];
  for (let k = first + 1; k < markers.length && markers[k]!.number === run.length + 1; k++) run.push(markers[k]!);
  if (run.length < 2) return undefined;
  for (let k = 1; k < run.length; k++) {
    // The chunk before each marker: from the previous marker's paragraph to this one, long and cut.
    const previous = paras[run[k]!.para - 1]!;
    const chunkStart = paras[run[k - 1]!.para]!.start;
    const text = value.slice(previous.start, previous.end).trimEnd();
    if (previous.end - chunkStart < 80 || (SENTENCE_END.test(text) && !/[(（]$/.test(text))) return undefined;
  }
  const edits: Edit[] = [];
  for (let k = 0; k < run.length; k++) {
    const para = paras[run[k]!.para]!;
    if (k === 0) {
      edits.push({ rule: 'page-chunk-marker', start: para.start, end: para.start + run[k]!.length, after: '' });
      continue;
    }
    const previous = paras[run[k]!.para - 1]!;
    let cut = previous.end;
    while (cut > previous.start && /[ \t]/.test(value[cut - 1]!)) cut--;
    edits.push({ rule: 'page-chunk-marker', start: cut, end: para.start + run[k]!.length, after: '' });
  }
  return edits;
}

const HAN_END = /[\u3400-\u9FFF\uF900-\uFAFF]$/;
const HAN_START = /^[\u3400-\u9FFF\uF900-\uFAFF]/;

/**
 * Whether a paragraph break between `before` (the whole paragraph) and `after` (its next line) is a page
 * break inside a sentence: the paragraph before ends in a Chinese character (not a title word), is long enough to be prose, and the
 * one after starts with a Chinese character that begins no heading or list item. After an enumerated
 * item, only a short tail ("誉。") or a particle (的…) continues it.
 */
export function isSplitSentence(before: string, after: string, minLength: number): boolean {
  const head = before.trimEnd();
  const tail = after.trimStart();
  if (!HAN_END.test(head) || !HAN_START.test(tail)) return false;
  if (HEADING_ENDINGS.test(head) || ENUMERATION.test(tail) || HEADING_STARTS.test(tail)) return false;
  // Tables and laid-out lines (signatures, dates padded with spaces) are not prose.
  if (head.includes('\t') || tail.includes('\t') || /[ \u3000]{3}/.test(head.slice(head.lastIndexOf('\n') + 1)))
    return false;
  if (CONTINUATION_STARTS.test(tail)) return true;
  if (head.trim().length < minLength) return false;
  if (ENUMERATION.test(head)) {
    const firstLine = tail.split('\n', 1)[0]!;
    return firstLine.length <= 30 && /[。！？]$/.test(firstLine);
  }
  return true;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}

function pageBreakEdits(value: string, minLength: number): Edit[] | undefined {
  const edits: Edit[] = [];
  PARAGRAPH_BREAK.lastIndex = 0;
  let paragraphStart = 0;
  for (let match = PARAGRAPH_BREAK.exec(value); match; match = PARAGRAPH_BREAK.exec(value)) {
    const breakEnd = match.index + match[0].length;
    let nextEnd = value.indexOf('\n', breakEnd);
    if (nextEnd === -1) nextEnd = value.length;
    if (isSplitSentence(value.slice(paragraphStart, match.index), value.slice(breakEnd, nextEnd), minLength)) {
      // Join the words: the spaces around the break go with it.
      let start = match.index;
      while (start > paragraphStart && isSpaceCode(value.charCodeAt(start - 1))) start--;
      let end = breakEnd;
      while (end < nextEnd && isSpaceCode(value.charCodeAt(end))) end++;
      edits.push({ rule: 'page-break-join', start, end, after: '' });
    }
    paragraphStart = breakEnd;
  }
  return edits;
}

/** In an MDX body: the blank lines between two paragraphs a page break split. */
function gapEdits(tree: NormaliseRoot, gap: TextSegment, index: number, minLength: number): Edit[] | undefined {
  const before = neighbourText(tree, index, -1);
  const after = neighbourText(tree, index, 1);
  if (!isSplitSentence(before, after, minLength)) return undefined;
  return [{ rule: 'page-break-join', start: 0, end: gap.value.length, after: '' }];
}

/** The paragraph before a gap (back to the previous blank line), or the line after it. */
function neighbourText(tree: NormaliseRoot, index: number, direction: -1 | 1): string {
  let text = '';
  for (let k = index + direction; k >= 0 && k < tree.children.length; k += direction) {
    const segment = tree.children[k]!;
    if (segment.type === 'text' && segment.data?.gap) break;
    const value = segment.value;
    if (direction === -1) {
      let afterBlank = -1;
      for (const blank of value.matchAll(/\n[ \t]*\n/g)) afterBlank = blank.index + blank[0].length;
      if (afterBlank !== -1) {
        text = value.slice(afterBlank) + text;
        break;
      }
      text = value + text;
    } else {
      const breakAt = value.indexOf('\n');
      if (breakAt !== -1) {
        text += value.slice(0, breakAt);
        break;
      }
      text += value;
    }
  }
  return text;
}
