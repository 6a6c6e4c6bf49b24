/**
 * Script conversion tables for the browser, cut down to the site: search only ever needs to turn a
 * query into characters the site uses, and to show the site's own text in traditional script.
 *
 *   search/to-simplified.json   OpenCC t2s (TSPhrases, TSCharacters) whose simplified side is on the site
 *   search/to-traditional.json  OpenCC s2t characters (STCharacters, TWVariants) for characters on the site
 *
 * Each holds the glossary's pairs (protected terms, applied before OpenCC) and OpenCC dictionary
 * groups in `from to|from to` form, for `ConverterFactory` from `opencc-js/core`.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';

/** What one file holds. */
export interface ConversionTable {
  /** `[form, replacement]`, longest form first: glossary terms, kept from OpenCC. */
  glossary: Array<[string, string]>;
  /** OpenCC dictionary groups, applied one after another. */
  dicts: string[][];
}

export interface GlossaryEntry {
  simplified: string;
  traditional?: string | undefined;
  variants?: readonly string[] | undefined;
}

/** Han characters seen on the site, marked as pages are read. */
export class CharacterSet {
  readonly #seen = new Uint8Array(0x40000);

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (code >= 0x3400 && code < 0x40000) this.#seen[code] = 1;
    }
  }

  has(char: string): boolean {
    return this.#seen[char.codePointAt(0)!] === 1;
  }

  hasAll(text: string): boolean {
    for (const char of text) if (!this.has(char)) return false;
    return true;
  }
}

function pairs(dict: string): Array<[string, string]> {
  return dict.split('|').map((pair) => {
    const space = pair.indexOf(' ');
    return [pair.slice(0, space), pair.slice(space + 1)];
  });
}

function serialise(list: Array<[string, string]>): string {
  return list.map(([from, to]) => `${from} ${to}`).join('|');
}

const longestFirst = (map: Map<string, string>) =>
  [...map].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));

export function conversionTables(
  site: CharacterSet,
  glossary: readonly GlossaryEntry[],
): { toSimplified: ConversionTable; toTraditional: ConversionTable } {
  const glossaryToSimplified = new Map<string, string>();
  const glossaryToTraditional = new Map<string, string>();
  for (const term of glossary) {
    for (const form of [term.simplified, term.traditional, ...(term.variants ?? [])]) {
      if (form) glossaryToSimplified.set(form, term.simplified);
    }
    glossaryToTraditional.set(term.simplified, term.traditional ?? term.simplified);
  }
  // OpenCC takes the first candidate; keep a pair when that candidate can be found on the site.
  const first = (to: string) => to.split(' ')[0]!;
  const phrases = pairs(TSPhrases).filter(([, to]) => site.hasAll(first(to)));
  const characters = pairs(TSCharacters).filter(([from, to]) => first(to) !== from && site.has(first(to)));
  const toTraditional = pairs(STCharacters).filter(([from, to]) => first(to) !== from && site.has(from));
  return {
    toSimplified: {
      glossary: longestFirst(glossaryToSimplified),
      dicts: [[serialise(phrases), serialise(characters)]],
    },
    toTraditional: {
      glossary: longestFirst(glossaryToTraditional),
      dicts: [[serialise(toTraditional)], [TWVariants]],
    },
  };
}
