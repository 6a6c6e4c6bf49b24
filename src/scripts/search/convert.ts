/**
 * Script converters for search, loaded on demand so that most queries download neither:
 *
 *   await loadToSimplified()   →  (text) => text in simplified (for a query with 靜, 醫 …)
 *   await loadToTraditional()  →  (text) => text in Taiwan traditional (results on /zh-hant/)
 *
 * Both are built from opencc-js's core and single dictionaries rather than its presets: the
 * query side needs OpenCC's t2s tables (TSPhrases, TSCharacters, ≈ 40 KB), the display side the
 * character table and Taiwan variants (≈ 35 KB) instead of the 1 MB phrase table. Result titles
 * and excerpts are short; the pages themselves are converted at build time with the full tables.
 */
export type Convert = (text: string) => string;

let toSimplified: Promise<Convert> | undefined;
let toTraditional: Promise<Convert> | undefined;

export function loadToSimplified(): Promise<Convert> {
  toSimplified ??= Promise.all([
    import('opencc-js/core'),
    import('opencc-js/dict/TSPhrases'),
    import('opencc-js/dict/TSCharacters'),
  ]).then(([core, phrases, characters]) => core.ConverterFactory([[phrases.default, characters.default]]));
  return toSimplified;
}

export function loadToTraditional(): Promise<Convert> {
  toTraditional ??= Promise.all([
    import('opencc-js/core'),
    import('opencc-js/dict/STCharacters'),
    import('opencc-js/dict/TWVariants'),
  ]).then(([core, characters, variants]) => core.ConverterFactory([[characters.default], [variants.default]]));
  return toTraditional;
}
