/**
 * Chinese script: detect simplified, traditional or mixed text, and convert between them with the
 * dictionaries of OpenCC (opencc-js), phrase by phrase, keeping protected glossary terms as the glossary
 * says.
 *
 *   detectScript('衛生健康委員會')                      →  'traditional'
 *   toSimplified('鍾南山院士', [{ simplified: '钟南山', traditional: '鍾南山', … }])  →  '钟南山院士'
 *   toTraditional('钟南山院士', { variant: 'hk', glossary })                          →  '鍾南山院士'
 *
 * Traditional → simplified (OpenCC `t2s`) runs on a fast path written for the normaliser: the same
 * dictionaries and the same longest-match rule as opencc-js, but with a table lookup for characters that
 * start no phrase, and with the edits it makes reported one by one so that they can be recorded.
 * Taiwan and Hong Kong sources (`tw2s`, `hk2s`) and the reverse direction use opencc-js converters.
 * Each converter is built once, on first use.
 */
import OpenCC, { Trie, type DictLike } from 'opencc-js';
import type { GlossaryTerm } from '../../model/schemas/glossary.ts';
import { applyEdits, type Edit } from './change-record.ts';

/** The project's script names (see src/pipeline/types.ts). */
export type { Script } from '../types.ts';
import type { Script } from '../types.ts';

/** Where traditional text comes from: OpenCC standard (`t`), Taiwan (`tw`) or Hong Kong (`hk`). */
export type TraditionalSource = 't' | 'tw' | 'hk';

/** The traditional standards the site can show: Taiwan or Hong Kong. */
export type TraditionalVariant = 'tw' | 'hk';

/** OpenCC's dictionaries, as opencc-js bundles them ("from to|from to|…"). */
const TS_PHRASES = dictText(OpenCC.Locale.to.cn![0]![0]!);
const TS_CHARACTERS = dictText(OpenCC.Locale.to.cn![0]![1]!);
const ST_CHARACTERS = dictText(OpenCC.Locale.from.cn![0]![1]!);
const TW_VARIANTS = dictText(OpenCC.Locale.to.tw![0]![1]!);
const CJK_COMPATIBILITY = dictText(
  (OpenCC.Locale.configs?.t2s as { normalizationChain?: DictLike[][] } | undefined)?.normalizationChain?.[0]?.[0] ?? '',
);

function dictText(dict: DictLike): string {
  return typeof dict === 'string' ? dict : dict.map(([from, to]) => `${from} ${to}`).join('|');
}

type Glossary = readonly Pick<GlossaryTerm, 'simplified' | 'traditional' | 'variants'>[];

// ---------------------------------------------------------------------------------------------------
// Detection

const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;
let scriptTable: Uint8Array | undefined;

function forEachEntry(dict: string, callback: (from: string, to: string) => void): void {
  let start = 0;
  while (start < dict.length) {
    let end = dict.indexOf('|', start);
    if (end === -1) end = dict.length;
    const space = dict.indexOf(' ', start);
    if (space !== -1 && space < end) callback(dict.slice(start, space), dict.slice(space + 1, end));
    start = end + 1;
  }
}

/** For each BMP character: 1 if only traditional, 2 if only simplified, 0 if both or neither. */
function scripts(): Uint8Array {
  if (scriptTable) return scriptTable;
  const table = new Uint8Array(0x10000);
  forEachEntry(TS_CHARACTERS, (from, to) => {
    if (from.length === 1 && !to.split(' ').includes(from)) table[from.charCodeAt(0)]! |= TRADITIONAL_ONLY;
  });
  // Simplified only: what Taiwan's standard writes otherwise. (OpenCC's own standard also rewrites
  // variants such as 群 → 羣 that Taiwan and Hong Kong text uses as written; those tell nothing.)
  // (A character's Taiwan form is its OpenCC form, then Taiwan's variant of that: what s2tw does.)
  const taiwanVariants = new Map<string, string>();
  forEachEntry(TW_VARIANTS, (from, to) => taiwanVariants.set(from, to.split(' ')[0]!));
  forEachEntry(ST_CHARACTERS, (from, to) => {
    if (from.length !== 1) return;
    const standard = to.split(' ')[0]!;
    if ((taiwanVariants.get(standard) ?? standard) !== from) table[from.charCodeAt(0)]! |= SIMPLIFIED_ONLY;
  });
  for (let c = 0; c < table.length; c++) if (table[c] === 3) table[c] = 0;
  scriptTable = table;
  return table;
}

/** Counts of characters found only in traditional and only in simplified script. */
export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

export function countScript(text: string, start = 0, end = text.length): ScriptCounts {
  const table = scripts();
  let traditional = 0;
  let simplified = 0;
  for (let i = start; i < end; i++) {
    const kind = table[text.charCodeAt(i)];
    if (kind === TRADITIONAL_ONLY) traditional++;
    else if (kind === SIMPLIFIED_ONLY) simplified++;
  }
  return { traditional, simplified };
}

/**
 * Classify counts: a script wins when the other makes up less than a tenth of the telling characters
 * (stray 裡 in simplified text is a typo, not a mixed document); text without telling characters is
 * simplified, the site's script.
 */
export function classifyScript({ traditional, simplified }: ScriptCounts): Script {
  if (traditional === 0) return 'simplified';
  if (simplified === 0) return 'traditional';
  const total = traditional + simplified;
  if (simplified < total * 0.1) return 'traditional';
  if (traditional < total * 0.1) return 'simplified';
  return 'mixed';
}

/** The script `text` is written in. */
export function detectScript(text: string): Script {
  return classifyScript(countScript(text));
}

// ---------------------------------------------------------------------------------------------------
// Traditional → simplified, fast path (OpenCC t2s)

const CHAR = 1;
const PHRASE = 2;
const SLOW = 4;

interface FastConverter {
  kinds: Uint8Array;
  chars: Array<string | undefined>;
  trie: Trie;
  /** Length of the longest phrase, in UTF-16 units. */
  longest: number;
  /** The first two UTF-16 units of every phrase, as `first * 65536 + second`. */
  pairs: Set<number>;
}

let fastT2s: FastConverter | undefined;

function fastConverter(): FastConverter {
  if (fastT2s) return fastT2s;
  const trie = new Trie();
  trie.loadDictGroup([TS_PHRASES, TS_CHARACTERS]);
  const kinds = new Uint8Array(0x10000);
  const chars: Array<string | undefined> = new Array(0x10000);
  let longest = 1;
  const pairs = new Set<number>();
  const addPhrase = (from: string): void => {
    const c = from.charCodeAt(0);
    longest = Math.max(longest, from.length);
    // Phrases that start outside the BMP take opencc-js's own route.
    kinds[c]! |= c >= 0xd800 && c <= 0xdbff ? SLOW : PHRASE;
    pairs.add(c * 65536 + from.charCodeAt(1));
  };
  // Later dictionaries in the group override earlier ones only for identical keys; mirror loadDictGroup
  // (which loads in reverse) by letting phrases mark their first character and characters fill the table.
  forEachEntry(TS_CHARACTERS, (from, to) => {
    if (from.length === 1) {
      kinds[from.charCodeAt(0)]! |= CHAR;
      chars[from.charCodeAt(0)] = to;
    } else {
      addPhrase(from);
    }
  });
  forEachEntry(TS_PHRASES, (from, to) => {
    const c = from.charCodeAt(0);
    if (from.length === 1) {
      kinds[c]! |= CHAR;
      chars[c] = to;
    } else {
      addPhrase(from);
    }
  });
  // Compatibility ideographs and ideographic description sequences take opencc-js's own route.
  forEachEntry(CJK_COMPATIBILITY, (from) => {
    kinds[from.charCodeAt(0)]! |= SLOW;
  });
  for (let c = 0x2ff0; c <= 0x2fff; c++) kinds[c]! |= SLOW;
  fastT2s = { kinds, chars, trie, longest, pairs };
  return fastT2s;
}

/**
 * Append to `edits` what OpenCC t2s changes in `text[start..end)` (offsets of `text`), and count the
 * telling characters into `counts` on the way. Neighbouring changed characters are recorded as one edit.
 * Returns false (and appends nothing) when the range needs the slow path.
 */
function fastSimplify(
  text: string,
  start: number,
  end: number,
  rule: string,
  edits: Edit[],
  counts: ScriptCounts,
): boolean {
  const { kinds, chars, trie, longest, pairs } = fastConverter();
  const table = scripts();
  const first = edits.length;
  let traditional = 0;
  let simplified = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const script = table[c];
    if (script === TRADITIONAL_ONLY) traditional++;
    else if (script === SIMPLIFIED_ONLY) simplified++;
    const kind = kinds[c]!;
    if (kind === 0) {
      i++;
      continue;
    }
    if (kind & SLOW) {
      edits.length = first;
      return false;
    }
    if (kind & PHRASE && i + 1 < end && pairs.has(c * 65536 + text.charCodeAt(i + 1))) {
      // Match in place unless a phrase could run past the end of the range.
      const near = i + longest >= end;
      const match = near ? trie.matchPrefix(text.slice(i, end), 0) : trie.matchPrefix(text, i);
      if (match) {
        const matchEnd = near ? i + match.end : match.end;
        pushDiff(text, i, matchEnd, match.value, rule, edits);
        for (let k = i + 1; k < matchEnd; k++) {
          const more = table[text.charCodeAt(k)];
          if (more === TRADITIONAL_ONLY) traditional++;
          else if (more === SIMPLIFIED_ONLY) simplified++;
        }
        i = matchEnd;
        continue;
      }
    }
    if (kind & CHAR) {
      const to = chars[c]!;
      if (to.length !== 1 || to.charCodeAt(0) !== c) pushEdit(text, i, i + 1, to, rule, edits);
    }
    i++;
  }
  counts.traditional += traditional;
  counts.simplified += simplified;
  return true;
}

/** Record that `text[from..to)` becomes `after`, trimmed to the characters that differ. */
export function pushDiff(text: string, from: number, to: number, after: string, rule: string, edits: Edit[]): void {
  if (to - from === after.length) {
    // Like for like: record each run of differing characters.
    let k = 0;
    while (k < after.length) {
      if (text.charCodeAt(from + k) === after.charCodeAt(k)) {
        k++;
        continue;
      }
      let e = k + 1;
      while (e < after.length && text.charCodeAt(from + e) !== after.charCodeAt(e)) e++;
      // Keep surrogate pairs whole.
      let s = k;
      if (s > 0 && isLowSurrogate(after.charCodeAt(s))) s--;
      if (e < after.length && isLowSurrogate(after.charCodeAt(e))) e++;
      pushEdit(text, from + s, from + e, after.slice(s, e), rule, edits);
      k = e;
    }
    return;
  }
  let head = 0;
  while (head < after.length && from + head < to && text.charCodeAt(from + head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < after.length - head &&
    to - tail > from + head &&
    text.charCodeAt(to - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  if (head > 0 && isLowSurrogate(after.charCodeAt(head))) head--;
  if (tail > 0 && isLowSurrogate(after.charCodeAt(after.length - tail))) tail--;
  if (from + head === to - tail && head === after.length - tail) return;
  pushEdit(text, from + head, to - tail, after.slice(head, after.length - tail), rule, edits);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Changes closer than this many unchanged Chinese characters are recorded as one edit (衛生廳 → 卫生厅,
 * not 衛 → 卫 and 廳 → 厅): the record stays readable, and small enough to keep for big files.
 * Punctuation, digits and line breaks always separate edits.
 */
export const MERGE_GAP = 4;

function pushEdit(text: string, start: number, end: number, after: string, rule: string, edits: Edit[]): void {
  const last = edits[edits.length - 1];
  if (last && last.rule === rule && start - last.end <= MERGE_GAP && start >= last.end) {
    let han = true;
    for (let k = last.end; k < start && han; k++) {
      const c = text.charCodeAt(k);
      han = c >= 0x3400 && c <= 0x9fff;
    }
    if (han) {
      const between = text.slice(last.end, start);
      last.end = end;
      last.after += between + after;
      return;
    }
  }
  edits.push({ rule, start, end, after });
}

// ---------------------------------------------------------------------------------------------------
// opencc-js converters, built once

const converters = new Map<string, (text: string) => string>();

function converter(from: string, to: string): (text: string) => string {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to });
    converters.set(key, convert);
  }
  return convert;
}

/**
 * Record what a whole-string converter changes in `text[start..end)`: character by character when it
 * keeps the length, else line by line.
 */
function diffConverted(
  text: string,
  start: number,
  end: number,
  convert: (s: string) => string,
  rule: string,
  edits: Edit[],
): void {
  const whole = convert(text.slice(start, end));
  if (whole.length === end - start) {
    pushDiff(text, start, end, whole, rule, edits);
    return;
  }
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    if (lineEnd > lineStart) {
      const line = text.slice(lineStart, lineEnd);
      const converted = convert(line);
      if (converted !== line) pushDiff(text, lineStart, lineEnd, converted, rule, edits);
    }
    lineStart = lineEnd + 1;
  }
}

// ---------------------------------------------------------------------------------------------------
// Glossary

interface GlossaryMatcher {
  pattern: RegExp;
  replacement: Map<string, string>;
}

const matchers = new WeakMap<object, Map<string, GlossaryMatcher | null>>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for the glossary's spellings, longest first, each mapped to its form in `direction`. */
function glossaryMatcher(glossary: Glossary, direction: 'simplified' | 'traditional'): GlossaryMatcher | null {
  if (glossary.length === 0) return null;
  let byDirection = matchers.get(glossary);
  if (!byDirection) {
    byDirection = new Map();
    matchers.set(glossary, byDirection);
  }
  if (byDirection.has(direction)) return byDirection.get(direction)!;
  const replacement = new Map<string, string>();
  for (const term of glossary) {
    const traditional = term.traditional ?? term.simplified;
    const target = direction === 'simplified' ? term.simplified : traditional;
    for (const spelling of [term.simplified, traditional, ...(term.variants ?? [])]) {
      if (spelling && !replacement.has(spelling)) replacement.set(spelling, target);
    }
  }
  const keys = [...replacement.keys()].sort((a, b) => b.length - a.length);
  const matcher =
    keys.length === 0 ? null : { pattern: new RegExp(keys.map(escapeRegExp).join('|'), 'g'), replacement };
  byDirection.set(direction, matcher);
  return matcher;
}

/** Call `convert` on the stretches between glossary terms and `term` on each term. */
function splitByGlossary(
  text: string,
  start: number,
  end: number,
  matcher: GlossaryMatcher | null,
  convert: (from: number, to: number) => void,
  term: (from: number, to: number, replacement: string) => void,
): void {
  if (!matcher) {
    convert(start, end);
    return;
  }
  // Search only the stretch: a search from `start` through the whole text, once per stretch, is quadratic.
  const pattern = matcher.pattern;
  const stretch = text.slice(start, end);
  pattern.lastIndex = 0;
  let last = start;
  for (let match = pattern.exec(stretch); match; match = pattern.exec(stretch)) {
    const matchStart = start + match.index;
    const matchEnd = matchStart + match[0].length;
    if (matchStart > last) convert(last, matchStart);
    term(matchStart, matchEnd, matcher.replacement.get(match[0])!);
    last = matchEnd;
  }
  if (last < end) convert(last, end);
}

// ---------------------------------------------------------------------------------------------------
// Public conversions

export interface SimplifyOptions {
  /** Where the traditional text comes from. Default: `t` (OpenCC standard, fastest). */
  from?: TraditionalSource;
  /** Protected terms. */
  glossary?: Glossary;
  /** Rule id for conversions (default `script`) and for glossary terms (default `script-glossary`). */
  rule?: string;
  glossaryRule?: string;
}

/**
 * The edits that convert `text[start..end)` to simplified script, in `text`'s offsets, appended to
 * `edits` in order, and the counts of telling characters in that range. Glossary terms become their
 * `simplified` form.
 */
export function simplifyEdits(
  text: string,
  edits: Edit[],
  options: SimplifyOptions = {},
  start = 0,
  end = text.length,
): ScriptCounts {
  const counts: ScriptCounts = { traditional: 0, simplified: 0 };
  const from = options.from ?? 't';
  const rule = options.rule ?? 'script';
  const glossaryRule = options.glossaryRule ?? 'script-glossary';
  const matcher = glossaryMatcher(options.glossary ?? [], 'simplified');
  splitByGlossary(
    text,
    start,
    end,
    matcher,
    (a, b) => {
      if (from === 't' && fastSimplify(text, a, b, rule, edits, counts)) return;
      const found = countScript(text, a, b);
      counts.traditional += found.traditional;
      counts.simplified += found.simplified;
      diffConverted(text, a, b, converter(from, 'cn'), rule, edits);
    },
    (a, b, replacement) => {
      const found = countScript(text, a, b);
      counts.traditional += found.traditional;
      counts.simplified += found.simplified;
      if (text.slice(a, b) !== replacement) pushDiff(text, a, b, replacement, glossaryRule, edits);
    },
  );
  return counts;
}

/** Convert `text` to simplified script; glossary terms are written as the glossary says. */
export function toSimplified(text: string, glossary: Glossary = [], from: TraditionalSource = 't'): string {
  const edits: Edit[] = [];
  simplifyEdits(text, edits, { from, glossary });
  return applyEdits(text, edits);
}

export interface TraditionalOptions {
  /** Taiwan (`tw`, default) or Hong Kong (`hk`) standard. */
  variant?: TraditionalVariant;
  glossary?: Glossary;
}

/**
 * Convert simplified `text` to traditional script (Taiwan or Hong Kong standard), for the site's 繁體
 * reading variant. Glossary terms become their `traditional` form (their simplified form when the
 * glossary gives none).
 */
export function toTraditional(text: string, options: TraditionalOptions = {}): string {
  const convert = converter('cn', options.variant ?? 'tw');
  const matcher = glossaryMatcher(options.glossary ?? [], 'traditional');
  if (!matcher) return convert(text);
  const parts: string[] = [];
  splitByGlossary(
    text,
    0,
    text.length,
    matcher,
    (a, b) => parts.push(convert(text.slice(a, b))),
    (_a, _b, replacement) => parts.push(replacement),
  );
  return parts.join('');
}

/** The edits that convert simplified `text[start..end)` to traditional script. */
export function traditionaliseEdits(
  text: string,
  edits: Edit[],
  options: TraditionalOptions & { rule?: string } = {},
  start = 0,
  end = text.length,
): void {
  const rule = options.rule ?? 'script';
  const convert = converter('cn', options.variant ?? 'tw');
  splitByGlossary(
    text,
    start,
    end,
    glossaryMatcher(options.glossary ?? [], 'traditional'),
    (a, b) => diffConverted(text, a, b, convert, rule, edits),
    (a, b, replacement) => {
      if (text.slice(a, b) !== replacement) pushDiff(text, a, b, replacement, 'script-glossary', edits);
    },
  );
}

/** opencc-js's own converter, for tests that compare the fast path with it. */
export function openccConverter(from: string, to: string): (text: string) => string {
  return converter(from, to);
}
