/**
 * A stage of the normaliser (in the order of `normalisePlugins`): scrape noise. Removes what template sites and document-sharing sites wrap
 * around a document (site names, breadcrumbs, share bars, document info, page counters, "展开阅读全文",
 * copyright and ICP lines: see data/scrape-noise.ts), removes the
 * page-chunk markers that cut words in half ("…围\n\n2、绕…" → "…围绕…"), and rejoins paragraphs that a
 * page break split in the middle of a sentence.
 *
 *   '九九範文幫\n\n位置:首頁 > 工作報告\n\n**市衛生局先進事蹟'  →  '**市衛生局先進事蹟'
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from './change-record.ts';
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
import {
  FURNITURE_RULES,
  KEEP_LINE,
  NAV_MAX_LENGTH,
  NAV_SEPARATORS,
  NAV_SHARE,
  NAV_WORDS,
  PROSE_LONG_LINE,
  PROSE_MIN_LENGTH,
  PROSE_PUNCTUATION,
  REGION_MIN_NAMES,
  REGION_NAMES,
  REGION_SHARE,
  REGION_SUFFIXES,
  WEAK_MAX_LENGTH,
} from './data/site-furniture.ts';
import { editSegments, type NormaliseRoot, type TextSegment } from './tree.ts';

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

/** What a line is, for the noise rules. */
type LineClass =
  | { kind: 'blank' }
  /** Removed: `rule` is its rule id. */
  | { kind: 'noise'; rule: string }
  /** Navigation (menus, link bars, region filters): removed at the head or the tail of a page. */
  | { kind: 'nav'; rule: string }
  /** A short bare line: removed only between furniture at the head or the tail of a page. */
  | { kind: 'weak' }
  /** Never removed by position (dates, bylines, headings, signatures, medium lines). */
  | { kind: 'keep' }
  /** A line of prose: the head of a page ends before the first, its tail starts after the last. */
  | { kind: 'prose' };

/**
 * Whole noise lines, with the blank lines after them (and, at the end of the text, the blank lines
 * before them), and noise at the end of a line. In plain text (`text`), also site furniture by its
 * shape and position (see data/site-furniture.ts).
 */
function noiseEdits(value: string, text: boolean): Edit[] | undefined {
  const lines = splitLines(value);
  const tailNoise = tailFinder(value);
  const tails = lines.map((line) => tailNoise(line));
  const texts = lines.map((line, k) => value.slice(line.start, tails[k] ? tails[k]!.start : line.end).trim());
  // The page header: lines before a breadcrumb near the top.
  let headerEnd = -1;
  if (text) {
    let seen = 0;
    for (let k = 0; k < lines.length && seen < HEADER_LINES; k++) {
      if (isBlank(value, lines[k]!)) continue;
      seen++;
      if (BREADCRUMB.pattern.test(texts[k]!)) {
        headerEnd = k;
        break;
      }
    }
  }
  const classes = lines.map((line, k) => classify(value, line, texts[k]!, !tails[k], k < headerEnd, text));
  if (text) placeFurniture(classes, headerEnd);

  const edits: Edit[] = [];
  let k = 0;
  while (k < lines.length) {
    const line = lines[k]!;
    const first = classes[k]!;
    if (first.kind !== 'noise') {
      if (tails[k] && first.kind !== 'blank') edits.push(tails[k]!);
      k++;
      continue;
    }
    // A run: this noise line, then noise or blank lines.
    const rules = [first.rule];
    let j = k + 1;
    while (j < lines.length) {
      const next = classes[j]!;
      if (next.kind === 'blank') {
        j++;
        continue;
      }
      if (next.kind !== 'noise') break;
      if (!rules.includes(next.rule)) rules.push(next.rule);
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

/** A line on its own: noise by a rule, or what its shape says (plain text only). */
function classify(
  value: string,
  line: Line,
  text: string,
  whole: boolean,
  inHeader: boolean,
  shape: boolean,
): LineClass {
  if (isBlank(value, line)) return { kind: 'blank' };
  if (whole && tooLong(value, line)) {
    if (shape && isRegionList(text)) return { kind: 'nav', rule: 'region-list' };
    return { kind: 'prose' };
  }
  const rule = matchingRule(text, LINE_RULES, inHeader);
  if (rule) return { kind: 'noise', rule: rule.id };
  if (!shape) return { kind: 'prose' };
  if (text.length <= MAX_NOISE_LINE) {
    const furniture = FURNITURE_RULES.find((candidate) => candidate.pattern.test(text));
    if (furniture) return { kind: 'noise', rule: furniture.id };
  }
  const punctuated = PROSE_PUNCTUATION.test(text);
  if (isRegionList(text)) return { kind: 'nav', rule: 'region-list' };
  if (text.length >= PROSE_LONG_LINE || (punctuated && text.length >= PROSE_MIN_LENGTH)) return { kind: 'prose' };
  if (KEEP_LINE.test(text)) return { kind: 'keep' };
  if (!punctuated && isNavigation(text)) return { kind: 'nav', rule: 'navigation' };
  if (!punctuated && text.length <= WEAK_MAX_LENGTH) return { kind: 'weak' };
  return { kind: 'keep' };
}

/**
 * Furniture by position: short bare lines above a breadcrumb (the site's header); navigation before the
 * first line of prose and after the last; short bare lines between furniture there, and after
 * furniture at the end of the page.
 */
function placeFurniture(classes: LineClass[], headerEnd: number): void {
  for (let k = 0; k < headerEnd; k++) {
    const line = classes[k]!;
    if (line.kind === 'weak' || line.kind === 'nav') classes[k] = { kind: 'noise', rule: 'page-header' };
  }
  const firstProse = classes.findIndex((line) => line.kind === 'prose');
  if (firstProse === -1) return;
  let lastProse = classes.length - 1;
  while (classes[lastProse]!.kind !== 'prose') lastProse--;
  const promote = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const line = classes[k]!;
      if (line.kind === 'nav') classes[k] = { kind: 'noise', rule: line.rule };
    }
  };
  promote(0, firstProse);
  promote(lastProse + 1, classes.length);
  // Runs of short bare lines, with the furniture (or the region's end) on either side.
  const between = (from: number, to: number, openEnd: boolean) => {
    let k = from;
    while (k < to) {
      if (classes[k]!.kind !== 'weak') {
        k++;
        continue;
      }
      let j = k;
      while (j < to && (classes[j]!.kind === 'weak' || classes[j]!.kind === 'blank')) j++;
      let before = k - 1;
      while (before >= from && classes[before]!.kind === 'blank') before--;
      const above = before >= from && classes[before]!.kind === 'noise';
      const below = j < to ? classes[j]!.kind === 'noise' : openEnd;
      if (above && below) {
        for (let m = k; m < j; m++)
          if (classes[m]!.kind === 'weak') classes[m] = { kind: 'noise', rule: 'between-furniture' };
      }
      k = j;
    }
  };
  between(0, firstProse, false);
  between(lastProse + 1, classes.length, true);
}

const NAV_WORD_SET = new Set(NAV_WORDS);
const REGION_WORD_SET = new Set([...REGION_NAMES, ...REGION_SUFFIXES]);
const REGION_NAME_SET = new Set(REGION_NAMES);

/**
 * How a text is covered by words of a set, longest first from each position: the characters covered,
 * and the words of `counted` found.
 */
function cover(
  text: string,
  words: ReadonlySet<string>,
  counted?: ReadonlySet<string>,
): { share: number; count: number } {
  let covered = 0;
  let count = 0;
  let k = 0;
  while (k < text.length) {
    let length = Math.min(COVER_LONGEST, text.length - k);
    while (length > 0 && !words.has(text.slice(k, k + length))) length--;
    if (length > 0) {
      if (counted?.has(text.slice(k, k + length))) count++;
      covered += length;
      k += length;
    } else k++;
  }
  return { share: text.length === 0 ? 0 : covered / text.length, count };
}

const COVER_LONGEST = Math.max(...[...NAV_WORDS, ...REGION_NAMES, ...REGION_SUFFIXES].map((word) => word.length));

/** Whether a short line is made mostly of navigation words (separators aside). */
function isNavigation(text: string): boolean {
  const bare = text.replace(NAV_SEPARATORS, '');
  if (bare.length === 0 || bare.length > NAV_MAX_LENGTH) return false;
  return cover(bare, NAV_WORD_SET).share >= NAV_SHARE;
}

/** Whether a line is a site's region filter: nothing but many names of regions. */
function isRegionList(text: string): boolean {
  if (text.length > MAX_REGION_LINE) return false;
  const bare = text.replace(NAV_SEPARATORS, '');
  const { share, count } = cover(bare, REGION_WORD_SET, REGION_NAME_SET);
  return count >= REGION_MIN_NAMES && share >= REGION_SHARE;
}

const MAX_REGION_LINE = 2000;

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

/** Punctuation inside a sentence. */
const CLAUSE_PUNCTUATION = /[，、；：。！？,;:!?]/;

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
  // A list of names that ends with a whole item (`甲市、乙市、丙市`), then a short cell (`山 西`): a table, not a sentence.
  if (/、[^、。，,；;\s]{1,10}$/u.test(head) && tail.split('\n', 1)[0]!.replace(/\s/gu, '').length <= 6) return false;
  // A title or a caption has no clause punctuation: a sentence long enough to be split has some.
  if (!CLAUSE_PUNCTUATION.test(head)) return false;
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
  // The paragraph before each break as the output will have it: the paragraphs already joined to it
  // (`joined`), then the text since the last join. Deciding on the joined paragraph makes a second pass
  // decide as the first did.
  let joined = '';
  let paragraphStart = 0;
  for (let match = PARAGRAPH_BREAK.exec(value); match; match = PARAGRAPH_BREAK.exec(value)) {
    const breakEnd = match.index + match[0].length;
    let nextEnd = value.indexOf('\n', breakEnd);
    if (nextEnd === -1) nextEnd = value.length;
    if (isSplitSentence(joined + value.slice(paragraphStart, match.index), value.slice(breakEnd, nextEnd), minLength)) {
      // Join the words: the spaces around the break go with it.
      let start = match.index;
      while (start > paragraphStart && isSpaceCode(value.charCodeAt(start - 1))) start--;
      let end = breakEnd;
      while (end < nextEnd && isSpaceCode(value.charCodeAt(end))) end++;
      edits.push({ rule: 'page-break-join', start, end, after: '' });
      joined += value.slice(paragraphStart, start);
      paragraphStart = end;
    } else {
      joined = '';
      paragraphStart = breakEnd;
    }
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
