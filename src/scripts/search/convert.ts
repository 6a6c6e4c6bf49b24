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
let glossary: Promise<GlossaryTables> | undefined;

/** `search/glossary.json`, written at build from `content/glossary.yaml`. */
interface GlossaryTables {
  toSimplified: Array<[string, string]>;
  toTraditional: Array<[string, string]>;
}

function loadGlossary(base: string): Promise<GlossaryTables> {
  glossary ??= fetch(`${base}search/glossary.json`)
    .then((response) => (response.ok ? (response.json() as Promise<GlossaryTables>) : null))
    .catch(() => null)
    .then((tables) => tables ?? { toSimplified: [], toTraditional: [] });
  return glossary;
}

/**
 * Traditional → simplified for queries. Terms of the site's glossary are replaced by their
 * simplified form and kept from OpenCC, which would turn 鍾乾 into 钟干 and 於梅 into 于梅.
 */
export function loadToSimplified(base = '/'): Promise<Convert> {
  toSimplified ??= Promise.all([
    import('opencc-js/core'),
    import('opencc-js/dict/TSPhrases'),
    import('opencc-js/dict/TSCharacters'),
    loadGlossary(base),
  ]).then(([core, phrases, characters, tables]) =>
    protect(core.ConverterFactory([[phrases.default, characters.default]]), tables.toSimplified),
  );
  return toSimplified;
}

/** Simplified → Taiwan traditional for result titles and excerpts on the 繁體 variant. */
export function loadToTraditional(base = '/'): Promise<Convert> {
  toTraditional ??= Promise.all([
    import('opencc-js/core'),
    import('opencc-js/dict/STCharacters'),
    import('opencc-js/dict/TWVariants'),
    loadGlossary(base),
  ]).then(([core, characters, variants, tables]) =>
    protect(core.ConverterFactory([[characters.default], [variants.default]]), tables.toTraditional),
  );
  return toTraditional;
}

/** `convert`, except that the glossary's forms become the paired form, unconverted. */
export function protect(convert: Convert, pairs: ReadonlyArray<readonly [string, string]>): Convert {
  if (pairs.length === 0) return convert;
  const replacement = new Map(pairs);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = [...replacement.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escape).join('|'), 'gu');
  return (text) => {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      out += convert(text.slice(last, match.index)) + replacement.get(match[0])!;
      last = match.index + match[0].length;
    }
    return out + convert(text.slice(last));
  };
}
