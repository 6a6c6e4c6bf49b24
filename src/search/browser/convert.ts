/**
 * Script converters for search, loaded on demand so that most queries download neither:
 *
 *   await loadToSimplified()   →  (text) => text in simplified (for a query with 靜, 醫 …)
 *   await loadToTraditional()  →  (text) => text in Taiwan traditional (results on /zh-hant/)
 *
 * Both run OpenCC (`opencc-js/core`) on tables the build cut down to the characters the site uses
 * (`search/to-simplified.json`, `search/to-traditional.json`, see
 * `src/search/build/conversion.ts`), with the site's glossary applied first: a protected
 * term (鍾乾, 於梅) becomes its paired form and is kept from OpenCC, which would write 钟干, 于梅.
 */
export type Convert = (text: string) => string;

/** One table as the build writes it. */
interface ConversionTable {
  glossary: Array<[string, string]>;
  dicts: string[][];
}

const loaded = new Map<string, Promise<Convert>>();

function load(base: string, name: string): Promise<Convert> {
  let converter = loaded.get(name);
  if (!converter) {
    converter = Promise.all([
      import('opencc-js/core'),
      fetch(`${base}search/${name}.json`).then((response) => {
        if (!response.ok) throw new Error(`${name}.json: HTTP ${response.status}`);
        return response.json() as Promise<ConversionTable>;
      }),
    ])
      .then(([core, table]) => protect(core.ConverterFactory(...table.dicts), table.glossary))
      .catch(() => (text: string) => text);
    loaded.set(name, converter);
  }
  return converter;
}

/** Traditional → simplified, for queries. */
export function loadToSimplified(base = '/'): Promise<Convert> {
  return load(base, 'to-simplified');
}

/** Simplified → Taiwan traditional, for result titles and excerpts on the 繁體 variant. */
export function loadToTraditional(base = '/'): Promise<Convert> {
  return load(base, 'to-traditional');
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
