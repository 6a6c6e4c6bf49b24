/**
 * Simplified → traditional for the 繁體 reading variant, with protected glossary terms kept as
 * `content/glossary.yaml` writes them (names are where automatic conversion goes wrong):
 *
 *   const toHant = createTraditionalConverter({ variant: 'tw', glossary });
 *   toHant('钟乾在乾溪镇卫生院')  →  '鍾乾在乾溪鎮衛生院'   (not 鐘乾…干溪)
 *
 * The result is `toTraditional(text, { variant, glossary })` of `src/lib/script.ts` (a property test
 * holds them equal), made fast for whole sites: OpenCC's dictionaries are compiled once per thread
 * into tables (`src/lib/traditional-tables.ts`) and a text is converted in one pass over it.
 */
import {
  compileGlossary,
  compileTraditionalTables,
  convertInto,
  convertWithTables,
  type TraditionalVariant,
  type Utf16Output,
} from './traditional-tables.ts';

export type { TraditionalVariant } from './traditional-tables.ts';

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

export interface TraditionalConverter {
  (text: string): string;
  /** Append the conversion of `text[start..end)` to `out` (for converting whole pages). */
  into(text: string, start: number, end: number, out: Utf16Output): void;
  /** True when text of ASCII characters only always stays as it is (no glossary spelling is ASCII). */
  keepsAscii: boolean;
}

export function createTraditionalConverter(options: TraditionalOptions = {}): TraditionalConverter {
  const tables = compileTraditionalTables(options.variant ?? 'tw');
  // As `toTraditional` in src/lib/script.ts: every spelling of a term (simplified, traditional,
  // variants) becomes its traditional form; the longest spelling wins.
  const replacement = new Map<string, string>();
  for (const term of options.glossary ?? []) {
    const traditional = term.traditional ?? term.simplified;
    for (const spelling of [term.simplified, traditional, ...(term.variants ?? [])]) {
      if (spelling && !replacement.has(spelling)) replacement.set(spelling, traditional);
    }
  }
  const glossary = compileGlossary(replacement);
  const convert = (text: string): string => convertWithTables(tables, text, glossary);
  convert.into = (text: string, start: number, end: number, out: Utf16Output): void =>
    convertInto(tables, glossary, text, start, end, out);
  // OpenCC changes no ASCII character, and none of its phrases is ASCII only.
  convert.keepsAscii = ![...replacement.keys()].some((spelling) => /^[\x00-\x7f]*$/.test(spelling));
  return convert;
}

/** OpenCC's `s2tw` / `s2hk`, exactly as opencc-js's `Converter({ from: 'cn', to: variant })`, fast. */
export function fastOpenCC(variant: TraditionalVariant): (text: string) => string {
  const tables = compileTraditionalTables(variant);
  return (text) => convertWithTables(tables, text);
}
