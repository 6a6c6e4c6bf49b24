/**
 * Simplified → traditional for the 繁體 reading variant, with protected glossary terms kept as
 * `content/glossary.yaml` writes them (names are where automatic conversion goes wrong):
 *
 *   const toHant = createTraditionalConverter({ variant: 'tw', glossary });
 *   toHant('钟乾在乾溪镇卫生院')  →  '鍾乾在乾溪鎮衛生院'   (not 鐘乾…干溪)
 *
 * The result is `toTraditional(text, { variant, glossary })` of `src/lib/script.ts` (a property test
 * holds them equal), made fast for whole sites: one converter per build, OpenCC's word conversions
 * memoised, and short strings (navigation, labels) memoised because every page repeats them.
 */
import { ConverterFactory, Locale, Trie } from 'opencc-js';

export type TraditionalVariant = 'tw' | 'hk';

export interface ProtectedTerm {
  simplified: string;
  traditional?: string | undefined;
  /** Other spellings of the term; they too become its traditional form. */
  variants?: readonly string[] | undefined;
}

export interface TraditionalOptions {
  /** Taiwan (`tw`) or Hong Kong (`hk`) standard. Default `tw`. */
  variant?: TraditionalVariant;
  /** Terms written as given instead of converted. */
  glossary?: readonly ProtectedTerm[];
}

/** Strings up to this length are memoised. */
const MEMO_MAX_LENGTH = 64;
const MEMO_MAX_SIZE = 50_000;

export function createTraditionalConverter(options: TraditionalOptions = {}): (text: string) => string {
  const convert = fastOpenCC(options.variant ?? 'tw');
  // As `toTraditional` in src/lib/script.ts: every spelling of a term (simplified, traditional,
  // variants) becomes its traditional form; the longest spelling wins.
  const replacement = new Map<string, string>();
  for (const term of options.glossary ?? []) {
    const traditional = term.traditional ?? term.simplified;
    for (const spelling of [term.simplified, traditional, ...(term.variants ?? [])]) {
      if (spelling && !replacement.has(spelling)) replacement.set(spelling, traditional);
    }
  }
  const spellings = [...replacement.keys()].sort((a, b) => b.length - a.length);
  const pattern = spellings.length > 0 ? new RegExp(spellings.map(escapeRegExp).join('|'), 'g') : undefined;
  const memo = new Map<string, string>();

  const convertProtected = (text: string): string => {
    if (!pattern) return convert(text);
    pattern.lastIndex = 0;
    if (!pattern.test(text)) return convert(text);
    pattern.lastIndex = 0;
    let out = '';
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      out += convert(text.slice(last, match.index)) + replacement.get(match[0])!;
      last = match.index + match[0].length;
    }
    return out + convert(text.slice(last));
  };

  return (text: string): string => {
    if (!HAS_HAN.test(text)) return text;
    if (text.length > MEMO_MAX_LENGTH) return convertProtected(text);
    let result = memo.get(text);
    if (result === undefined) {
      result = convertProtected(text);
      if (memo.size >= MEMO_MAX_SIZE) memo.clear();
      memo.set(text, result);
    }
    return result;
  };
}

const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87e][\udc00-\udfff]/;

/** Characters the normalisation step of OpenCC touches: CJK Compatibility Ideographs (+ Supplement). */
const COMPATIBILITY = /[\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/;

/** The segment memo stops growing here; segments are words, so a build fills it long before. */
const SEGMENT_MEMO_MAX = 200_000;

interface OpenCCConfig {
  normalizationChain?: unknown[];
  segmentation?: string[];
  conversionChain: string[][];
}

/**
 * OpenCC's `s2tw` / `s2hk` exactly as `Converter({ from: 'cn', to })` does it — normalise, split
 * into words by longest match, run each word through the dictionary chain — but with each word's
 * conversion memoised. Text is mostly words that repeat, so after warm-up a conversion is one
 * segmentation pass and map lookups (several times faster than opencc-js's converter; a property
 * test holds the two equal).
 */
export function fastOpenCC(variant: TraditionalVariant): (text: string) => string {
  const config = (Locale as unknown as { configs: Record<string, OpenCCConfig> }).configs[`s2${variant}`]!;
  const normalise = ConverterFactory(...(config.normalizationChain as never[]));
  const segmentation = new Trie();
  segmentation.loadDictGroup(config.segmentation as never);
  const chain = config.conversionChain.map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group as never);
    return trie;
  });
  const memo = new Map<string, string>();
  const convertSegment = (segment: string): string => {
    let out = memo.get(segment);
    if (out === undefined) {
      out = segment;
      for (const trie of chain) out = trie.convert(out);
      if (memo.size < SEGMENT_MEMO_MAX) memo.set(segment, out);
    }
    return out;
  };
  return (text: string): string => {
    const input = COMPATIBILITY.test(text) ? normalise(text) : text;
    const segments = segmentation.segment(input);
    let out = '';
    for (const segment of segments) out += convertSegment(segment);
    return out;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
