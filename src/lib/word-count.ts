/**
 * Count 字数 and 字符数 the way Microsoft Word's 字数统计 does, so that editors see the number
 * they see in Word:
 *
 * - each Han character counts 1, and so does each full-width punctuation mark (，。“”…—);
 * - each run of Latin letters or digits counts 1, whatever its length (`2023`, `CT`, `97.92%`);
 * - spaces and half-width punctuation standing alone count 0.
 *
 * 字符数 (characters, spaces excluded) counts every character that is not white space.
 *
 *   countWords('2023年，李静同志在CT室工作。')  →  { words: 13, characters: 17 }
 */

export interface WordCount {
  /** 字数, as Word counts it. */
  words: number;
  /** 字符数（不计空格）: every character that is not white space. */
  characters: number;
}

/**
 * East Asian ranges that Word counts one by one: CJK ideographs (with extensions and
 * compatibility forms), kana, Hangul, CJK symbols and punctuation, full-width forms, and the
 * punctuation Chinese text uses from the general block (“”‘’—…·).
 */
export const EAST_ASIAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00b7, 0x00b7],
  [0x1100, 0x11ff],
  [0x2013, 0x2015],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2025, 0x2026],
  [0x2e3a, 0x2e3b],
  [0x2e80, 0x2fdf],
  [0x3001, 0x303f],
  [0x3040, 0x31ff],
  [0x3200, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7af],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3134f],
];

/** Whether Word counts this code point as a word of its own. */
export function isEastAsian(codePoint: number): boolean {
  if (codePoint < 0xb7) return false;
  // Most of any write-up: CJK Unified Ideographs.
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return true;
  for (const [low, high] of EAST_ASIAN_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWhiteSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680 ||
    code === 0x85
  );
}

function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

export function countWords(text: string): WordCount {
  let words = 0;
  let characters = 0;
  // Inside a run of non-East-Asian characters: has it a letter or digit yet?
  let runCounts = false;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        index++;
      }
    }
    // From U+3001 on, only U+FEFF is white space: Han text and its punctuation skip the white-space test.
    if ((code < 0x3001 || code === 0xfeff) && isWhiteSpace(code)) {
      if (runCounts) words++;
      runCounts = false;
      continue;
    }
    characters++;
    if (isEastAsian(code)) {
      if (runCounts) words++;
      runCounts = false;
      words++;
      continue;
    }
    if (!runCounts && isLetterOrDigit(code)) runCounts = true;
  }
  if (runCounts) words++;
  return { words, characters };
}

/** `1184` → `1,184`, the way the diagnostics print counts. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
