/**
 * Word spacing shared by the search index and its queries (no DOM, no Node): the build writes the
 * indexed copy of every page with its Chinese text cut into words by `Intl.Segmenter` and joined by
 * spaces, and the browser cuts queries with the same segmenter, so both sides agree on the words
 * (Pagefind's own Chinese index is cut by jieba, its queries by the browser: issue 7). The browser
 * takes the spaces out again before it shows text from the index.
 *
 *   spaceWords('获评先进个人（2023年）')      →  '获 评 先进 个人 （ 2023 年 ）'
 *   spaceWords('在医院的工作')               →  '在 医院的 工作'
 *   unspaceWords('获评 <mark>先进</mark> 个人')  →  '获评<mark>先进</mark>个人'
 *
 * Function words (`STOP_WORDS`: 的, 了, 在 …) stay joined to the Han word before them: on their own
 * they would be the longest posting lists of the index (的 about 37 times on every write-up), one
 * index chunk each that outweighs the rest; queries leave them out, and `医院` still finds `医院的`
 * (Pagefind matches words by prefix). The text, and so the excerpts, keep every character.
 */
import { STOP_WORDS } from './patterns.ts';

/**
 * Characters that are written without spaces around them: Han, CJK punctuation (、。〔〕「」),
 * full-width forms (，：（）), and the quotes, dashes and dots Chinese text shares with Latin.
 * A word boundary next to one of them gets a space; a space next to one is taken out for display.
 */
const WIDE = /[\p{Script=Han}\u3001-\u303f\uff00-\uffef\u2014\u2018-\u201f\u2026\u00b7]/u;
const SPACE = /\s/u;
const HAN = /\p{Script=Han}/u;

/**
 * `Intl.Segmenter` slows down more than linearly on long strings (400 K characters took minutes):
 * longer texts are cut after sentence punctuation into pieces of about this many characters first.
 */
const PIECE = 512;
const SENTENCE_END = /[。！？；\n]/u;

let cachedSegmenter: Intl.Segmenter | undefined;

function segmenter(): Intl.Segmenter {
  cachedSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return cachedSegmenter;
}

/** Whether `char` is written without spaces around it (see `WIDE`). */
export function isWide(char: string): boolean {
  return WIDE.test(char);
}

/** Whether a space belongs between `before` and `after`, two characters at a word boundary. */
function spaceBetween(before: string, after: string): boolean {
  return !SPACE.test(before) && !SPACE.test(after) && (isWide(before) || isWide(after));
}

/**
 * `text` with `separator` at every word boundary next to a Han character or CJK punctuation.
 * Nothing else changes: removing the separators gives `text` back.
 */
export function spaceWords(text: string, separator = ' '): string {
  const positions = separatorPositions(text);
  if (positions.length === 0) return text;
  const out: string[] = [];
  let last = 0;
  for (const position of positions) {
    out.push(text.slice(last, position), separator);
    last = position;
  }
  out.push(text.slice(last));
  return out.join('');
}

/** Where `spaceWords` puts its separators: offsets into `text` (UTF-16), ascending. */
export function separatorPositions(text: string): number[] {
  const positions: number[] = [];
  if (!hasWide(text)) return positions;
  let offset = 0;
  let last = '';
  for (const piece of pieces(text)) {
    for (const { segment, index } of segmenter().segment(piece)) {
      const glued = STOP_WORDS.has(segment) && HAN.test(last);
      if (last && !glued && spaceBetween(last, firstChar(segment, 0))) positions.push(offset + index);
      last = lastChar(segment, segment.length);
    }
    offset += piece.length;
  }
  return positions;
}

/**
 * The words of `text` at the positions the index has them: `Intl.Segmenter`'s words without
 * punctuation, and without the function words `spaceWords` joins to the word before. A phrase
 * query in these words matches where the page has the phrase.
 */
export function indexedWords(text: string): string[] {
  const words: string[] = [];
  let last = '';
  for (const piece of pieces(text)) {
    for (const { segment, isWordLike } of segmenter().segment(piece)) {
      const glued = STOP_WORDS.has(segment) && HAN.test(last);
      if (isWordLike && !glued) words.push(segment);
      last = lastChar(segment, segment.length);
    }
  }
  return words;
}

function hasWide(text: string): boolean {
  for (const char of text) if (isWide(char)) return true;
  return false;
}

/** `text` cut after sentence punctuation into pieces of about `PIECE` characters (see there). */
function* pieces(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > PIECE) {
    let end = start + PIECE;
    while (end < text.length && end < start + 4 * PIECE && !SENTENCE_END.test(text[end - 1]!)) end++;
    yield text.slice(start, end);
    start = end;
  }
  yield text.slice(start);
}

/**
 * Text from the index without the spaces `spaceWords` put in: every run of spaces next to a Han
 * character or CJK punctuation goes, looking through `<mark>` tags, which stay. Spaces between
 * Latin words stay; a space an author typed next to Han text goes too (李 静 → 李静).
 * `html` is text or HTML whose only tags are `<mark>` and `</mark>`.
 */
export function unspaceWords(html: string): string {
  return html.replace(/ +/g, (spaces: string, offset: number) => {
    const before = charBefore(html, offset);
    const after = charAfter(html, offset + spaces.length);
    return before && after && spaceBetween(before, after) ? '' : spaces;
  });
}

function charBefore(html: string, end: number): string {
  let i = end;
  while (i > 0 && html[i - 1] === '>') {
    const open = html.lastIndexOf('<', i - 1);
    if (open < 0) break;
    i = open;
  }
  return lastChar(html, i);
}

function charAfter(html: string, start: number): string {
  let i = start;
  while (i < html.length && html[i] === '<') {
    const close = html.indexOf('>', i);
    if (close < 0) break;
    i = close + 1;
  }
  return firstChar(html, i);
}

/** The character (code point) starting at `start`, or `''` at the end. */
function firstChar(text: string, start: number): string {
  const code = text.codePointAt(start);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The character (code point) ending just before `end`, or `''` at the start. */
function lastChar(text: string, end: number): string {
  if (end <= 0) return '';
  const low = text.charCodeAt(end - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? end - 2 : end - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}
