/**
 * Query normalisation for search, shared by the browser and the build (no DOM, no Node).
 *
 *   foldQuery(' 李 靜　')            →  '李 靜'
 *   docNumberKey('武卫字[2023]4号')   →  '武卫字〔2023〕4号'
 *   nameKey('阿依古丽 · 买买提')      →  '阿依古丽买买提'
 *
 * Traditional → simplified conversion happens before these (see `convert.ts`), and only when
 * `needsSimplification` says the query has a character that needs it.
 */
import { DOC_NUMBER_IN_QUERY, DOC_NUMBER_QUERY, HAN_PADDING, NAME_SEPARATORS, STOP_WORDS } from './patterns.ts';
import { indexedWords } from './segment.ts';
import { TRADITIONAL_BITMAP, TRADITIONAL_OUTSIDE } from './traditional-chars.ts';
import { BITMAP_END, BITMAP_START } from './traditional-chars-range.ts';

const bitmap = Uint8Array.from(atob(TRADITIONAL_BITMAP), (char) => char.charCodeAt(0));
const outside = new Set(TRADITIONAL_OUTSIDE);

/** Whether `char` is one that traditional → simplified conversion changes. */
export function isTraditionalChar(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code < BITMAP_START || code > BITMAP_END) return outside.has(char);
  const bit = code - BITMAP_START;
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** Whether `text` has a character that traditional → simplified conversion would change. */
export function needsSimplification(text: string): boolean {
  for (const char of text) if (isTraditionalChar(char)) return true;
  return false;
}

/** Full-width letters, digits and brackets to ASCII (NFKC), lower case, runs of spaces collapsed. */
export function foldQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();
}

/** Spaces between Han characters removed: they are padding (李 静), not word breaks. */
export function joinHan(text: string): string {
  return text.replace(HAN_PADDING.pattern, '');
}

/** The key a name or unit is looked up by: folded, without spaces or name separators. */
export function nameKey(text: string): string {
  return foldQuery(text).replace(NAME_SEPARATORS.pattern, '');
}

/** A document number in GB/T 9704 form, if the whole text is one: 武卫字2023年4号 → 武卫字〔2023〕4号. */
export function docNumberKey(text: string): string | null {
  const match = DOC_NUMBER_QUERY.pattern.exec(foldQuery(text).replace(/ /g, ''));
  if (!match) return null;
  return `${match[1]}〔${match[2] ?? match[3]}〕${match[4]}号`;
}

/**
 * The text handed to Pagefind: folded, padding removed, every document number in GB/T 9704 form
 * (Pagefind drops the brackets and matches agency code, year and serial as words, as it indexed
 * them), cut into words as the index was cut (`segment.ts`), without function words
 * (`STOP_WORDS`) when other words remain. A query in quotes ("先进个人", “先进个人”) is a phrase:
 * its words must stand together as the index has them (`indexedWords`), handed on in `"…"`.
 */
export function pagefindTerm(folded: string): string {
  const phrase = PHRASE.exec(folded.trim());
  if (phrase) {
    const words = indexedWords(docNumbersInForm(joinHan(phrase[1]!)));
    return words.length > 0 ? `"${words.join(' ')}"` : '';
  }
  const text = docNumbersInForm(joinHan(folded));
  const words = segmentWords(text);
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return (kept.length > 0 ? kept : words).join(' ');
}

/**
 * Other ways to cut a query's long words, for when no page has the words as the query was cut:
 * the browser's segmenter cuts `卫生院` alone as one word, but in `桂山镇卫生院` a page has `卫生 院`.
 * Each word of three Han characters or more is cut once at each place (`卫生 院`, `卫 生院`), the others
 * kept; at most `max` terms.
 */
export function otherCuts(term: string, max = 8): string[] {
  if (term.startsWith('"')) return [];
  const words = term.split(' ').filter(Boolean);
  const out: string[] = [];
  words.forEach((word, i) => {
    const chars = [...word];
    if (chars.length < 3 || !/^\p{Script=Han}+$/u.test(word)) return;
    for (let at = chars.length - 1; at >= 1; at--) {
      const cut = [...words.slice(0, i), chars.slice(0, at).join(''), chars.slice(at).join(''), ...words.slice(i + 1)];
      out.push(cut.join(' '));
    }
  });
  return [...new Set(out)].slice(0, max);
}

/** A whole query in straight, curly or corner quotes. */
const PHRASE = /^["“「『]([^"“”「」『』]+)["”」』]$/u;

/** Every document number in `text` in GB/T 9704 form: 武卫字[2023]4号 → 武卫字〔2023〕4号. */
function docNumbersInForm(text: string): string {
  return text.replace(
    DOC_NUMBER_IN_QUERY.pattern,
    (_whole, code: string, bracketYear?: string, bareYear?: string, serial?: string) =>
      `${code}〔${bracketYear ?? bareYear}〕${serial}号`,
  );
}

/** Words of a text as the browser's (and Pagefind's query) segmenter cuts them, without punctuation. */
export function segmentWords(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
}

/**
 * The keys to look up in the names index, best first: the whole query (a name typed with padding
 * or separators), then each space-separated word of two characters or more.
 */
export function lookupKeys(folded: string): string[] {
  const keys = [docNumberKey(folded), nameKey(folded)];
  const words = folded.split(' ');
  if (words.length > 1) for (const word of words) if ([...word].length >= 2) keys.push(nameKey(word));
  return [...new Set(keys.filter((key): key is string => Boolean(key)))];
}
