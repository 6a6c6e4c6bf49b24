/**
 * Chinese numerals as printed in notices and dates, to numbers:
 *
 *   parseChineseNumber('二〇二三')  →  2023      (digit by digit, as years are written)
 *   parseChineseNumber('一千零五十') →  1050      (positional, as counts are written)
 *   parseChineseNumber('十二')      →  12
 *
 * Financial forms (壹贰叁, 拾佰仟) and full-width digits are accepted. Anything else gives `null`:
 * a value that cannot be read is not guessed.
 */

const DIGITS: Readonly<Record<string, number>> = Object.freeze({
  〇: 0,
  '○': 0,
  '◯': 0,
  零: 0,
  Ｏ: 0,
  О: 0,
  o: 0,
  O: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
});

const UNITS: Readonly<Record<string, number>> = Object.freeze({
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
});

const BIG_UNITS: Readonly<Record<string, number>> = Object.freeze({ 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 });

/** Characters that may appear in a Chinese numeral, for building patterns: `[${CHINESE_NUMERAL_CHARS}]+`. */
export const CHINESE_NUMERAL_CHARS = '○〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟貳參陸兩萬';

/** Turn full-width digits into ASCII ones: `２０２３` → `2023`. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Read a number written in Arabic digits, Chinese numerals, or a mix (`3千`). Returns `null` when
 * the text is not a whole number.
 */
export function parseChineseNumber(text: string): number | null {
  const value = toAsciiDigits(text.trim());
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value);
  if ([...value].every((c) => c in DIGITS)) return parseDigitString(value);
  return parsePositional(value);
}

/** `二〇二三` → 2023: each character one digit. */
function parseDigitString(value: string): number {
  let result = 0;
  for (const c of value) result = result * 10 + DIGITS[c]!;
  return result;
}

/** `一千零五十` → 1050, `十二` → 12, `三万五千` → 35000. */
function parsePositional(value: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of value) {
    if (c in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[c] !== 0) return null;
      digit = DIGITS[c]!;
      continue;
    }
    if (/\d/.test(c)) {
      if (digit !== null) digit = digit * 10 + Number(c);
      else digit = Number(c);
      continue;
    }
    if (c in UNITS) {
      const unit = UNITS[c]!;
      if (unit >= lastUnit) return null;
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      continue;
    }
    if (c in BIG_UNITS) {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * BIG_UNITS[c]!;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}

/**
 * Read a count such as `8`, `八`, `十二`, `１５`. Same as {@link parseChineseNumber}, but never a
 * digit-by-digit reading for multi-character Chinese numerals without units (`二三` is not 23 here).
 */
export function parseCount(text: string): number | null {
  const value = toAsciiDigits(text.trim());
  if (/^\d+$/.test(value)) return Number(value);
  if ([...value].length > 1 && [...value].every((c) => c in DIGITS)) return null;
  return parseChineseNumber(value);
}
