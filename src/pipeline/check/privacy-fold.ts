/**
 * Fold text for the `privacy` patterns, keeping where each folded character came from, so that a
 * match in the folded text is reported (or masked) at its place in the text as written.
 *
 * - decimal digits of every script (full-width ３, mathematical 𝟑, Arabic-Indic ٣, Devanagari ३…) → 3;
 * - full-width ASCII (＠, ：, ｌｉ) → ASCII;
 * - invisible characters (every Unicode format character: U+200B…U+200F, U+202A…U+202E,
 *   U+2060…U+2064, U+FEFF, soft hyphen; variation selectors, Hangul fillers) → removed;
 * - runs of seven or more Chinese numerals (一三八零零一三八零零零) → digits;
 * - traditional characters of the words the patterns look for (號, 聯繫電話, 歲) → simplified.
 *
 *   foldForPrivacy('１３８\u200b0013８000')  →  { value: '13800138000', start: [0, 1, 2, 4, …], end: [1, 2, 3, 5, …] }
 */
import { matchAll } from '../patterns.ts';
import { CHINESE_NUMERAL_RUN, CHINESE_NUMERALS, TRADITIONAL_FOLD } from './data/privacy.ts';

export interface FoldedText {
  value: string;
  /** For each UTF-16 unit of `value`: the index in the original where its character starts. */
  start: number[];
  /** For each UTF-16 unit of `value`: the index in the original just after its character. */
  end: number[];
}

const INVISIBLE = /^[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u20e3\u3164\ufe00-\ufe0f\uffa0]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<number, string>();

/**
 * The ASCII digit of a decimal digit of any script. Unicode encodes decimal digits in runs of ten
 * from 0 to 9, so the value is the distance from the start of the character's run of digits, mod 10.
 */
function digitOf(codePoint: number): string {
  let digit = digitValues.get(codePoint);
  if (digit === undefined) {
    let start = codePoint;
    while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    digit = String((codePoint - start) % 10);
    digitValues.set(codePoint, digit);
  }
  return digit;
}

export function foldForPrivacy(text: string): FoldedText {
  const numerals = new Map<number, string>();
  for (const run of matchAll(CHINESE_NUMERAL_RUN.pattern, text)) {
    for (let i = run.index; i < run.index + run[0].length; i++) {
      const digit = CHINESE_NUMERALS[text[i]!];
      if (digit) numerals.set(i, digit);
    }
  }
  let value = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const char = text.slice(i, i + size);
    let out: string;
    if (numerals.has(i)) out = numerals.get(i)!;
    else if (codePoint < 0x80) out = char;
    else if (codePoint >= 0x4e00 && codePoint <= 0x9fff) out = TRADITIONAL_FOLD[char] ?? char;
    else if (INVISIBLE.test(char)) out = '';
    else if (DECIMAL_DIGIT.test(char)) out = digitOf(codePoint);
    else if (codePoint >= 0xff01 && codePoint <= 0xff5e) out = String.fromCharCode(codePoint - 0xfee0);
    else out = TRADITIONAL_FOLD[char] ?? char;
    for (let k = 0; k < out.length; k++) {
      start.push(i);
      end.push(i + size);
    }
    value += out;
    i += size;
  }
  return { value, start, end };
}

/** `text` without its invisible characters (the same set `invisibleCharacters` reports). */
export function withoutInvisible(text: string): string {
  let out = '';
  for (const char of text) if (char.codePointAt(0)! < 0x80 || !INVISIBLE.test(char)) out += char;
  return out;
}

/** Whether the text has a character that folding removes: a bidi control, a zero-width character. */
export function invisibleCharacters(text: string): string[] {
  const found: string[] = [];
  for (const char of text) if (char.codePointAt(0)! >= 0x80 && INVISIBLE.test(char)) found.push(char);
  return found;
}
