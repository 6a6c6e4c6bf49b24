/**
 * Simplified → traditional for the 繁體 reading variant, with protected glossary terms kept as
 * `content/glossary.yaml` writes them (names are where automatic conversion goes wrong):
 *
 *   const toHant = createTraditionalConverter({ variant: 'tw', glossary });
 *   toHant('钟乾在乾溪镇卫生院')  →  '鍾乾在乾溪鎮衛生院'   (not 鐘乾…干溪)
 *
 * One converter is built per build and reused; short strings (navigation, labels) are memoised
 * because every page repeats them.
 */
import { Converter } from 'opencc-js';

export type TraditionalVariant = 'tw' | 'hk';

export interface ProtectedTerm {
  simplified: string;
  traditional?: string | undefined;
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
  const convert = Converter({ from: 'cn', to: options.variant ?? 'tw' });
  const terms = [...(options.glossary ?? [])].filter((t) => t.simplified).sort((a, b) => b.simplified.length - a.simplified.length);
  const replacement = new Map(terms.map((t) => [t.simplified, t.traditional ?? t.simplified]));
  const pattern = terms.length > 0 ? new RegExp(terms.map((t) => escapeRegExp(t.simplified)).join('|'), 'g') : undefined;
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

const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
