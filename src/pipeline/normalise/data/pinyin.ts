/**
 * What a pinyin reading left by a converter looks like: one syllable with a tone mark or a tone number,
 * in ASCII or full-width parentheses, right after the character it reads: 衛(wèi), 會（huì）, 设(she4).
 */

/** A parenthesised run of Latin letters (tone marks included) and an optional tone number. */
export const READING_CANDIDATE = /[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềḿńňǹ]{1,7})([1-5]?)[)）]/g;

/** Tone-marked vowels and their base letters. */
const TONE_MARKS: Readonly<Record<string, string>> = Object.freeze({
  ā: 'a',
  á: 'a',
  ǎ: 'a',
  à: 'a',
  ē: 'e',
  é: 'e',
  ě: 'e',
  è: 'e',
  ế: 'ê',
  ề: 'ê',
  ī: 'i',
  í: 'i',
  ǐ: 'i',
  ì: 'i',
  ō: 'o',
  ó: 'o',
  ǒ: 'o',
  ò: 'o',
  ū: 'u',
  ú: 'u',
  ǔ: 'u',
  ù: 'u',
  ǖ: 'ü',
  ǘ: 'ü',
  ǚ: 'ü',
  ǜ: 'ü',
  ḿ: 'm',
  ń: 'n',
  ň: 'n',
  ǹ: 'n',
});

/** The shape of a Mandarin syllable: initial, then final (ü also written v). Anchored, no nesting. */
export const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|üe|ue|ve|ün|vn|a|o|e|i|u|ü|v|ê)$|^(?:m|n|ng|hm|hng)$/;

export interface Reading {
  /** The syllable without tone. */
  base: string;
  /** Whether it carried a tone (mark or number). */
  toned: boolean;
}

/**
 * Whether `letters` (+ `toneNumber`) reads as one pinyin syllable with a tone. Lower case only: (WHO),
 * (Ai) and (bus) are not readings.
 */
export function parseReading(letters: string, toneNumber: string): Reading | undefined {
  if (letters !== letters.toLowerCase()) return undefined;
  let base = '';
  let marks = 0;
  for (const char of letters) {
    const plain = TONE_MARKS[char];
    if (plain) {
      marks++;
      base += plain;
    } else {
      base += char;
    }
  }
  if (marks > 1 || (marks === 1 && toneNumber)) return undefined;
  if (marks === 0 && !toneNumber) return undefined;
  if (!SYLLABLE.test(base)) return undefined;
  return { base, toned: true };
}

/** Examples for the table test: input, output. */
export const PINYIN_EXAMPLES: ReadonlyArray<readonly [string, string]> = Object.freeze([
  ['衛(wèi)生', '衛生'],
  ['會（huì）議', '會議'],
  ['建設(shè)', '建設'],
  ['设(she4)计', '设计'],
  ['（一）评选范围', '（一）评选范围'],
  ['(1)', '(1)'],
  ['（雪堰、五院）', '（雪堰、五院）'],
  ['世界卫生组织(WHO)', '世界卫生组织(WHO)'],
  ['我院(所)', '我院(所)'],
  ['乘坐(bus)', '乘坐(bus)'],
]);
