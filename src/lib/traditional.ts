/**
 * Simplified → traditional for the 繁體 reading variant, with protected glossary terms kept as
 * `content/glossary.yaml` writes them (names are where automatic conversion goes wrong):
 *
 *   const toHant = createTraditionalConverter({ variant: 'tw', glossary });
 *   toHant('钟乾在乾溪镇卫生院')  →  '鍾乾在乾溪鎮衛生院'   (not 鐘乾…干溪)
 *
 * The result is `toTraditional(text, { variant, glossary })` of `src/pipeline/normalise/script.ts` (a property test
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
  // As `toTraditional` in src/pipeline/normalise/script.ts: every spelling of a term (simplified, traditional,
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

/**
 * Taiwan usage that OpenCC's character conversion (`s2tw`) leaves mainland: corner brackets for
 * quotation marks (“”→「」, ‘’→『』) and the words Taiwan writes differently (搜索→搜尋, 数据→資料).
 * Given to the page converter as glossary terms after the site's own, so a site term still wins.
 *
 *   createTraditionalConverter({ glossary: regionalUsage('tw') })('“搜索”数据')  →  '「搜尋」資料'
 */
export const TAIWAN_USAGE: readonly ProtectedTerm[] = Object.freeze(
  (
    [
      ['“', '「'],
      ['”', '」'],
      ['‘', '『'],
      ['’', '』'],
      ['搜索', '搜尋'],
      ['数据', '資料'],
      ['信息', '資訊'],
      ['网络', '網路'],
      ['软件', '軟體'],
      ['视频', '影片'],
      ['打印', '列印'],
      ['默认', '預設'],
    ] as const
  ).map(([simplified, traditional]) => ({ simplified, traditional, variants: [] })),
);

/** The usage terms of a variant (none for Hong Kong, whose usage OpenCC's `s2hk` already follows). */
export function regionalUsage(variant: TraditionalVariant): readonly ProtectedTerm[] {
  return variant === 'tw' ? TAIWAN_USAGE : [];
}

/** OpenCC's `s2tw` / `s2hk`, exactly as opencc-js's `Converter({ from: 'cn', to: variant })`, fast. */
export function fastOpenCC(variant: TraditionalVariant): (text: string) => string {
  const tables = compileTraditionalTables(variant);
  return (text) => convertWithTables(tables, text);
}
