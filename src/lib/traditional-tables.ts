/**
 * OpenCC's simplified → traditional conversion (`s2tw`, `s2hk`) compiled into compact tables, for
 * converting whole sites: the counterpart of the normaliser's fast t→s path in `src/pipeline/normalise/script.ts`.
 *
 *   const tables = compileTraditionalTables('tw');
 *   convertWithTables(tables, '头发发现后来')  →  '頭髮發現後來'
 *
 * opencc-js converts in three steps: split the text into words by longest match against the phrase
 * dictionaries (unmatched characters form runs), convert each word with the phrase + character
 * dictionaries, then run the result through the regional variant dictionaries. The tables give the
 * same result in one pass over the text:
 *
 * - a table per UTF-16 unit says whether the character changes, may start a phrase, may start a
 *   regional variant phrase, or needs opencc-js's own route (compatibility ideographs, which OpenCC
 *   normalises first; ideographic description sequences; characters outside the BMP);
 * - a character in a run becomes its two-step character conversion, looked up in a table;
 * - phrases are matched in a trie kept in typed arrays, and a phrase's conversion is computed once;
 * - a run where a regional variant phrase may start (喫茶, 張棟樑…) is converted as opencc-js does;
 * - glossary spellings are found in the same pass (`convertInto`), the text between them converted
 *   stretch by stretch, as `toTraditional` in `src/pipeline/normalise/script.ts` does.
 *
 * Property tests hold the result equal to opencc-js's `Converter({ from: 'cn', to })` and to
 * `toTraditional` (test/lib/traditional-tables.test.ts).
 */
import { Buffer } from 'node:buffer';
import { Locale, Trie, type DictLike } from 'opencc-js';

export type TraditionalVariant = 'tw' | 'hk';

/** The character changes (its conversion is in `chars`). */
const CHANGES = 1;
/** A phrase of the segmentation dictionaries starts with this character. */
const PHRASE = 2;
/** The character's first-step conversion starts a regional variant phrase. */
const VARIANT = 4;
/** Only opencc-js's own converter handles this character correctly. */
const SLOW = 8;
/** A glossary spelling starts with this character (in a converter's own copy of the flags). */
const TERM = 16;

/**
 * A trie of phrases over UTF-16 units, in typed arrays: the first level is a table by unit, deeper
 * edges live in one open-addressing hash table. (opencc-js's trie of nested Maps costs a cache miss
 * or two per character; this costs about one lookup in a small array.)
 */
class PhraseTrie {
  /** The node of each first unit, or -1. */
  readonly root = new Int32Array(0x10000).fill(-1);
  /** Edge slots of four numbers, in one cache line with three others: parent (-1 if free), unit, child. */
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  /** A phrase's dictionary conversion, by the node where it ends. */
  readonly values: Array<string | undefined>;
  /** A phrase's full conversion (value, then regional variants), filled on first use. */
  readonly outs: Array<string | undefined>;
  private size = 0;

  constructor(maxEdges: number) {
    let bits = 10;
    while (1 << bits < maxEdges * 2) bits++;
    this.slots = new Int32Array(4 << bits).fill(-1);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    // Dense arrays (a node per edge, plus first units), so that lookups stay on the fast path.
    this.values = new Array<string | undefined>(maxEdges + 0x10000).fill(undefined);
    this.outs = new Array<string | undefined>(maxEdges + 0x10000).fill(undefined);
  }

  /** The child of `node` by `unit`, or -1. */
  child(node: number, unit: number): number {
    const slots = this.slots;
    for (let h = Math.imul(Math.imul(node, 0x9e3779b1) ^ unit, 0x85ebca6b) >>> this.shift; ; h = (h + 1) & this.mask) {
      const parent = slots[h * 4]!;
      if (parent === node && slots[h * 4 + 1] === unit) return slots[h * 4 + 2]!;
      if (parent === -1) return -1;
    }
  }

  add(phrase: string, value: string): void {
    let node = this.root[phrase.charCodeAt(0)]!;
    if (node === -1) node = this.root[phrase.charCodeAt(0)] = this.size++;
    for (let i = 1; i < phrase.length; i++) {
      const unit = phrase.charCodeAt(i);
      let next = this.child(node, unit);
      if (next === -1) {
        let h = Math.imul(Math.imul(node, 0x9e3779b1) ^ unit, 0x85ebca6b) >>> this.shift;
        while (this.slots[h * 4] !== -1) h = (h + 1) & this.mask;
        next = this.size++;
        this.slots[h * 4] = node;
        this.slots[h * 4 + 1] = unit;
        this.slots[h * 4 + 2] = next;
      }
      node = next;
    }
    this.values[node] = value;
  }
}

export interface TraditionalTables {
  variant: TraditionalVariant;
  /** Flags per UTF-16 unit. */
  kinds: Uint8Array;
  /** A changing character's full conversion (always one UTF-16 unit). */
  chars: Uint16Array;
  /** A character's first-step (dictionary) conversion, as a UTF-16 unit; 0 when unchanged. */
  firstStep: Uint16Array;
  /** The first two units of every regional variant phrase, as `first << 16 | second`. */
  variantPairs: Set<number>;
  /** The phrases of the segmentation dictionaries (two units or more each). */
  phrases: PhraseTrie;
  /** The regional variant dictionaries (phrases and characters) as opencc-js loads them. */
  variants: Trie;
  /** opencc-js's converter, for text the tables do not cover; built on first use. */
  reference: (text: string) => string;
}

interface OpenCCConfig {
  normalizationChain: DictLike[][];
  segmentation: DictLike[];
  conversionChain: DictLike[][];
}

/** Each entry of a dictionary; opencc-js keeps the first candidate of an entry ("from to other…"). */
function forEachEntry(dict: DictLike, callback: (from: string, to: string) => void): void {
  if (typeof dict !== 'string') {
    for (const [from, to] of dict) callback(from, to);
    return;
  }
  for (let start = 0; start < dict.length;) {
    let end = dict.indexOf('|', start);
    if (end === -1) end = dict.length;
    const space = dict.indexOf(' ', start);
    const candidate = dict.indexOf(' ', space + 1);
    callback(dict.slice(start, space), dict.slice(space + 1, candidate === -1 || candidate > end ? end : candidate));
    start = end + 1;
  }
}

/** Entries of a dictionary group with opencc-js's precedence: an earlier dictionary wins a key. */
function groupEntries(group: readonly DictLike[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const dict of group.slice().reverse()) forEachEntry(dict, (from, to) => map.set(from, to));
  return map;
}

function isBmpOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}

const compiled = new Map<TraditionalVariant, TraditionalTables>();

/** The tables for a variant, compiled once per thread. */
export function compileTraditionalTables(variant: TraditionalVariant): TraditionalTables {
  const cached = compiled.get(variant);
  if (cached) return cached;
  const config = (Locale as unknown as { configs: Record<string, OpenCCConfig> }).configs[`s2${variant}`]!;
  const [dictionary, regional] = config.conversionChain as [DictLike[], DictLike[]];
  if (config.conversionChain.length !== 2) throw new Error(`opencc-js s2${variant}: unexpected conversion chain`);

  const kinds = new Uint8Array(0x10000);
  const chars = new Uint16Array(0x10000);
  const firstStep = new Uint16Array(0x10000);
  for (let c = 0xd800; c <= 0xdfff; c++) kinds[c]! |= SLOW;
  for (let c = 0x2ff0; c <= 0x2fff; c++) kinds[c]! |= SLOW;
  for (const group of config.normalizationChain) {
    for (const dict of group) forEachEntry(dict, (from) => (kinds[from.charCodeAt(0)]! |= SLOW));
  }

  // The segmentation dictionaries are the phrase dictionaries of the first step, so a word found by
  // segmentation converts to its value in the first step's dictionaries (the whole word matches).
  const phraseCount = config.segmentation.length;
  if (!config.segmentation.every((dict, i) => dict === dictionary[i])) {
    throw new Error(`opencc-js s2${variant}: segmentation is not the first step's phrase dictionaries`);
  }
  let maxEdges = 0;
  for (const dict of config.segmentation) forEachEntry(dict, (from) => (maxEdges += from.length - 1));
  const phrases = new PhraseTrie(maxEdges);
  // Loaded last to first, so that an earlier dictionary's value for a phrase wins (as opencc-js does).
  for (const dict of config.segmentation.slice().reverse()) {
    forEachEntry(dict, (from, to) => {
      if (from.length < 2) throw new Error(`opencc-js s2${variant}: single-character segmentation entry ${from}`);
      // Phrases with characters outside the BMP only match text that takes the slow route.
      if (!isBmpOnly(from)) return;
      kinds[from.charCodeAt(0)]! |= PHRASE;
      phrases.add(from, to);
    });
  }
  // The rest of the first step's dictionaries: characters. (A phrase there that segmentation did
  // not know could match inside a run, which the tables do not model.)
  for (const dict of dictionary.slice(phraseCount).reverse()) {
    forEachEntry(dict, (from, to) => {
      if (from.length === 1) {
        if (to.length === 1 && isBmpOnly(to)) firstStep[from.charCodeAt(0)] = to.charCodeAt(0);
        else kinds[from.charCodeAt(0)]! |= SLOW;
      } else if (isBmpOnly(from) || from.length > 2) {
        throw new Error(`opencc-js s2${variant}: phrase ${from} among the characters`);
      }
    });
  }

  const variants = new Trie();
  variants.loadDictGroup(regional as never);
  const variantPairs = new Set<number>();
  const variantStarts = new Set<number>();
  const variantChars = new Map<number, string>();
  for (const [from, to] of groupEntries(regional)) {
    if (from.length === 1) {
      variantChars.set(from.charCodeAt(0), to);
      continue;
    }
    // (Shifted, not multiplied: a key that fits 31 bits is a small integer, not a boxed number.)
    variantPairs.add((from.charCodeAt(0) << 16) | from.charCodeAt(1));
    variantStarts.add(from.charCodeAt(0));
  }

  // A character alone: its first step, then the regional variant of that (phrases need two).
  for (let c = 0; c < 0x10000; c++) {
    if (kinds[c]! & SLOW) continue;
    const step = firstStep[c] || c;
    if (variantStarts.has(step)) kinds[c]! |= VARIANT;
    const out = variantChars.get(step);
    if (out !== undefined && (out.length !== 1 || !isBmpOnly(out))) kinds[c]! |= SLOW;
    else {
      const unit = out === undefined ? step : out.charCodeAt(0);
      if (unit !== c) {
        kinds[c]! |= CHANGES;
        chars[c] = unit;
      }
    }
  }

  let reference: ((text: string) => string) | undefined;
  const tables: TraditionalTables = {
    variant,
    kinds,
    chars,
    firstStep,
    variantPairs,
    phrases,
    variants,
    reference: (text) => {
      reference ??= openccReference(variant);
      return reference(text);
    },
  };
  compiled.set(variant, tables);
  return tables;
}

function openccReference(variant: TraditionalVariant): (text: string) => string {
  // Imported lazily in effect: the converter's tries are only built for text that needs them.
  const config = (Locale as unknown as { configs: Record<string, OpenCCConfig> }).configs[`s2${variant}`]!;
  const normalise = new Trie();
  normalise.loadDictGroup(config.normalizationChain[0] as never);
  const segmentation = new Trie();
  segmentation.loadDictGroup(config.segmentation as never);
  const chain = config.conversionChain.map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group as never);
    return trie;
  });
  return (text) => {
    let out = '';
    for (const segment of segmentation.segment(normalise.convert(text))) {
      let converted = segment;
      for (const trie of chain) converted = trie.convert(converted);
      out += converted;
    }
    return out;
  };
}

/**
 * Text being built as UTF-16 units, decoded to a string once at the end: cheaper than joining
 * thousands of one-character pieces.
 */
export class Utf16Output {
  units: Uint16Array;
  length = 0;
  private bytes: Buffer;

  constructor(capacity = 1 << 16) {
    this.units = new Uint16Array(capacity);
    this.bytes = Buffer.from(this.units.buffer, this.units.byteOffset, this.units.byteLength);
  }

  /** Make room for `extra` more units. */
  reserve(extra: number): void {
    if (this.length + extra <= this.units.length) return;
    const grown = new Uint16Array(Math.max(this.units.length * 2, this.length + extra));
    grown.set(this.units.subarray(0, this.length));
    this.units = grown;
  }

  pushRange(text: string, start: number, end: number): void {
    this.reserve(end - start);
    const units = this.units;
    let n = this.length;
    for (let i = start; i < end; i++) units[n++] = text.charCodeAt(i);
    this.length = n;
  }

  pushString(text: string): void {
    this.pushRange(text, 0, text.length);
  }

  /** `pushRange`, with long pieces copied by Buffer's native string writer. */
  pushSlice(text: string, start: number, end: number): void {
    if (end - start < 64) {
      this.pushRange(text, start, end);
      return;
    }
    this.reserve(end - start);
    if (this.bytes.buffer !== this.units.buffer) {
      this.bytes = Buffer.from(this.units.buffer, this.units.byteOffset, this.units.byteLength);
    }
    this.bytes.write(text.slice(start, end), this.length * 2, 'utf16le');
    this.length += end - start;
  }

  /** The text from `start` on, removed from the output. */
  take(start = 0): string {
    if (this.bytes.buffer !== this.units.buffer) {
      this.bytes = Buffer.from(this.units.buffer, this.units.byteOffset, this.units.byteLength);
    }
    const text = this.bytes.toString('utf16le', start * 2, this.length * 2);
    this.length = start;
    return text;
  }
}

interface GlossaryNode {
  next: Map<number, GlossaryNode> | undefined;
  /** The term's traditional form, when a spelling ends here. */
  replacement: string | undefined;
}

/** Protected terms: every spelling of a term, mapped to the form written instead of its conversion. */
export interface GlossaryTable {
  /** 1 for every UTF-16 unit a spelling starts with. */
  starts: Uint8Array;
  spellings: Map<number, GlossaryNode>;
  /** The tables' flags with `TERM` added where a spelling starts, by tables. */
  flags: Map<TraditionalTables, Uint8Array>;
}

function flagsWithTerms(tables: TraditionalTables, glossary: GlossaryTable): Uint8Array {
  let flags = glossary.flags.get(tables);
  if (!flags) {
    flags = tables.kinds.slice();
    for (let c = 0; c < 0x10000; c++) if (glossary.starts[c]) flags[c]! |= TERM;
    glossary.flags.set(tables, flags);
  }
  return flags;
}

/** The table of `replacements` (spelling → written form). */
export function compileGlossary(replacements: ReadonlyMap<string, string>): GlossaryTable | undefined {
  if (replacements.size === 0) return undefined;
  const starts = new Uint8Array(0x10000);
  const spellings = new Map<number, GlossaryNode>();
  for (const [spelling, replacement] of replacements) {
    if (spelling.length === 0) continue;
    starts[spelling.charCodeAt(0)] = 1;
    let level = spellings;
    let node: GlossaryNode | undefined;
    for (let i = 0; i < spelling.length; i++) {
      const c = spelling.charCodeAt(i);
      node = level.get(c);
      if (!node) {
        node = { next: undefined, replacement: undefined };
        level.set(c, node);
      }
      if (i < spelling.length - 1) level = node.next ??= new Map();
    }
    node!.replacement = replacement;
  }
  return { starts, spellings, flags: new Map() };
}

interface Found {
  start: number;
  end: number;
  replacement: string;
}

/**
 * The first glossary spelling in `text[from..end)`, the longest where several start at the same
 * place (what a regular expression of the spellings, longest first, finds); `end` if none.
 */
function nextTerm(glossary: GlossaryTable, text: string, from: number, end: number, found: Found): number {
  for (let i = from; i < end; i++) {
    if (glossary.starts[text.charCodeAt(i)] !== 0 && termAt(glossary, text, i, end, found)) return i;
  }
  return end;
}

/** Whether a spelling (the longest) starts at `i` and ends by `end`; if so, it is put in `found`. */
function termAt(glossary: GlossaryTable, text: string, i: number, end: number, found: Found): boolean {
  let node = glossary.spellings.get(text.charCodeAt(i));
  let matched = false;
  for (let j = i + 1; node; j++) {
    if (node.replacement !== undefined) {
      found.start = i;
      found.end = j;
      found.replacement = node.replacement;
      matched = true;
    }
    if (j >= end || !node.next) break;
    node = node.next.get(text.charCodeAt(j));
  }
  return matched;
}

/** The first place in `text[from..to)` where a spelling ending by `end` starts (put in `found`), or -1. */
function termWithin(
  flags: Uint8Array,
  glossary: GlossaryTable,
  text: string,
  from: number,
  to: number,
  end: number,
  found: Found,
): number {
  for (let i = from; i < to; i++) {
    if (flags[text.charCodeAt(i)]! & TERM && termAt(glossary, text, i, end, found)) return i;
  }
  return -1;
}

const term: Found = { start: 0, end: 0, replacement: '' };
const sharedOutput = new Utf16Output();

/**
 * Append the conversion of `text[start..end)` to `out`: glossary spellings become their written
 * form, the stretches between them are converted each on its own (as `toTraditional` does).
 */
export function convertInto(
  tables: TraditionalTables,
  glossary: GlossaryTable | undefined,
  text: string,
  start: number,
  end: number,
  out: Utf16Output,
): void {
  const flags = glossary ? flagsWithTerms(tables, glossary) : tables.kinds;
  let from = start;
  while (from < end) {
    let stop = convertStretch(tables, flags, glossary, text, from, end, out);
    if (stop === -1) {
      // opencc-js's own route, for the stretch up to the next glossary spelling.
      stop = glossary ? nextTerm(glossary, text, from, end, term) : end;
      out.pushString(tables.reference(text.slice(from, stop)));
    }
    if (stop === end) return;
    out.pushString(term.replacement);
    from = term.end;
  }
}

/** The string form of `convertInto`. */
export function convertWithTables(
  tables: TraditionalTables,
  text: string,
  glossary?: GlossaryTable,
  start = 0,
  end = text.length,
): string {
  const out = sharedOutput;
  const mark = out.length;
  convertInto(tables, glossary, text, start, end, out);
  return out.take(mark);
}

/** The longest phrase at `text[i..]` that ends by `end`: its node (or -1), its end in `found.end`. */
function matchPhrase(phrases: PhraseTrie, text: string, i: number, end: number, found: { end: number }): number {
  if (i + 1 >= end) return -1;
  let node = phrases.child(phrases.root[text.charCodeAt(i)]!, text.charCodeAt(i + 1));
  let best = -1;
  for (let j = i + 2; node !== -1; j++) {
    if (phrases.values[node] !== undefined) {
      best = node;
      found.end = j;
    }
    if (j >= end) break;
    node = phrases.child(node, text.charCodeAt(j));
  }
  return best;
}

const phraseEnd = { end: 0 };

/**
 * Append opencc-js's conversion of `text[start..)` to `out`, up to `end` or to the first glossary
 * spelling: returns where it stopped (a spelling starts there unless it is `end`; the spelling is in
 * `term`), or -1, having appended nothing, when the text needs opencc-js's own route.
 *
 * As in `toTraditional`, the text before a spelling is converted on its own, as if it ended there.
 */
function convertStretch(
  tables: TraditionalTables,
  flags: Uint8Array,
  glossary: GlossaryTable | undefined,
  text: string,
  start: number,
  end: number,
  out: Utf16Output,
): number {
  const { chars, phrases, firstStep, variantPairs } = tables;
  const mark = out.length;
  out.reserve(end - start);
  let units = out.units;
  let n = mark;
  let i = start;
  let limit = end;
  while (i < limit) {
    const c = text.charCodeAt(i);
    const kind = flags[c]!;
    if (kind === 0) {
      units[n++] = c;
      i++;
      continue;
    }
    if (kind & SLOW) {
      out.length = mark;
      return -1;
    }
    if (kind & TERM && termAt(glossary!, text, i, end, term)) {
      limit = i;
      break;
    }
    if (kind & PHRASE) {
      const node = matchPhrase(phrases, text, i, limit, phraseEnd);
      if (node !== -1) {
        const phraseStop = phraseEnd.end;
        if (glossary) {
          const cut = termWithin(flags, glossary, text, i + 1, phraseStop, end, term);
          if (cut !== -1) {
            // It reaches into a glossary spelling: convert again from the start, the stretch now
            // ending where the spelling starts (earlier runs may end elsewhere then).
            limit = cut;
            i = start;
            n = mark;
            continue;
          }
        }
        const converted = (phrases.outs[node] ??= tables.variants.convert(phrases.values[node]!));
        i = phraseStop;
        out.length = n;
        out.reserve(converted.length + limit - i);
        units = out.units;
        for (let k = 0; k < converted.length; k++) units[n++] = converted.charCodeAt(k);
        continue;
      }
    }
    if (kind & VARIANT && i + 1 < limit) {
      const next = text.charCodeAt(i + 1);
      if (variantPairs.has(((firstStep[c] || c) << 16) | (firstStep[next] || next))) {
        // A regional variant phrase may start here: convert the rest of the run as opencc-js does.
        const runEnd = findRunEnd(tables, text, i + 1, limit);
        if (runEnd < 0) {
          out.length = mark;
          return -1;
        }
        if (glossary) {
          const cut = termWithin(flags, glossary, text, i + 1, runEnd, end, term);
          if (cut !== -1) {
            // It reaches into a glossary spelling: convert again from the start, the stretch now
            // ending where the spelling starts (earlier runs may end elsewhere then).
            limit = cut;
            i = start;
            n = mark;
            continue;
          }
        }
        const converted = tables.variants.convert(firstStepOf(tables, text, i, runEnd));
        i = runEnd;
        out.length = n;
        out.reserve(converted.length + limit - i);
        units = out.units;
        for (let k = 0; k < converted.length; k++) units[n++] = converted.charCodeAt(k);
        continue;
      }
    }
    units[n++] = kind & CHANGES ? chars[c]! : c;
    i++;
  }
  out.length = n;
  return limit;
}

/** Where the run of unmatched characters that goes on at `i` ends: the next phrase, or `end`; -1 if slow. */
function findRunEnd(tables: TraditionalTables, text: string, i: number, end: number): number {
  const { kinds, phrases } = tables;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = kinds[c]!;
    if (kind & SLOW) return -1;
    if (kind & PHRASE && matchPhrase(phrases, text, i, end, { end: 0 }) !== -1) return i;
  }
  return end;
}

function firstStepOf(tables: TraditionalTables, text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(tables.firstStep[c] || c);
  }
  return out;
}
