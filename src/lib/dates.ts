/**
 * Dates as Chinese documents print them, found in text and read into ISO form:
 *
 *   2023年1月4日 · 二〇二三年一月四日 · 2023-01-04 · 2023.1.4 · 2023/1/4     →  2023-01-04
 *   民國107年7月17日 · 107年7月17日 (Republic of China years, 1912 = 民國元年)  →  2018-07-17
 *   9月15日 (month and day only)                                             →  takes the document's year
 *   2021年5月—8月31日 (a range; the end takes the start's year)              →  2021-05 … 2021-08-31
 *
 * A date that cannot be read (20**年, 202223年, 2月30日) is not a date: nothing is guessed.
 */
import { parseChineseNumber, toAsciiDigits } from './chinese-numerals.ts';

/** A date found in text. `day` is null for a month (`2021年5月`). */
export interface DateMatch {
  /** Offset of the first character in the searched text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** The text as printed. */
  text: string;
  year: number;
  month: number;
  day: number | null;
  /** Whether the year was taken from the document rather than printed (`9月15日`). */
  yearInferred: boolean;
  /** `YYYY-MM-DD`, or `YYYY-MM` for a month. */
  iso: string;
}

export interface DateOptions {
  /** The document's year, for dates printed without one. Without it such dates are not returned. */
  year?: number | null;
  /** Also return a month printed without a year (`12月`), for the end of a range. Default false. */
  monthWithoutYear?: boolean;
}

export interface DateRange {
  start: DateMatch;
  end: DateMatch | null;
  /** Offset after the whole range in the searched text. */
  until: number;
}

const CN_DIGIT = '〇○◯零Ｏ一二三四五六七八九';
/** A Chinese-numeral year typed with ASCII zeros for 〇: `二0一一`, `二00九`. */
const CN_YEAR_ASCII_ZERO = `[一二][0０${CN_DIGIT}]{3}`;
const YEAR = `[0-9０-９]{4}|[0-9０-９]{2,3}|[${CN_DIGIT}]{4}|${CN_YEAR_ASCII_ZERO}|[${CN_DIGIT}十百]{1,5}`;
const MONTH = `[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九]`;
const DAY = `[0-9０-９]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]|卅[一]?|廿[一二三四五六七八九]?`;
const GAP = '[ \\t\\u3000]*';

/**
 * One pattern for every printed form. Groups: 1 民国, 2 year, 3 month, 4 day (Chinese form);
 * 5 year, 6 month, 7 day (numeric form); 8 day, 9 month, 10 year (numeric, day first: 13.10.2014). Bounded quantifiers only: no backtracking blow-up.
 */
const DATE_PATTERN = new RegExp(
  [
    `(?<![0-9０-９${CN_DIGIT}十百年])(?:(民[国國]${GAP})?(${YEAR})${GAP}年${GAP})?(?<![0-9０-９])(${MONTH})${GAP}月(?:${GAP}(${DAY})${GAP}[日号號])?`,
    `(?<![0-9０-９.．/-])([12][0-9]{3})${GAP}[-/.．]${GAP}([0-9]{1,2})${GAP}[-/.．]${GAP}([0-9]{1,2})(?![0-9])`,
    // Day first, as some pages print it: 13.10.2014 (two-digit day and month, dots only).
    `(?<![0-9０-９.．/-])([0-3][0-9])\\.([01][0-9])\\.([12][0-9]{3})(?![0-9.．])`,
  ].join('|'),
  'g',
);

/** Read a year as printed; ROC years (民國107年, or a bare 3-digit year) become Gregorian. */
function readYear(printed: string, roc: boolean): number | null {
  // 二0一一: ASCII zeros typed for 〇 in a year of Chinese digits.
  if (/[一二三四五六七八九]/u.test(printed)) printed = printed.replace(/[0０]/gu, '〇');
  const value = parseChineseNumber(printed);
  if (value === null) return null;
  if (roc) return value >= 1 && value <= 200 ? value + 1911 : null;
  const digits = toAsciiDigits(printed);
  if (/^\d{3}$/.test(digits)) return value >= 38 && value <= 200 ? value + 1911 : null;
  if (/^\d{2}$/.test(digits)) return null;
  if (value >= 1900 && value <= 2100) return value;
  return null;
}

function readDay(printed: string): number | null {
  const value = printed.replace(/^卅/, '三十').replace(/^廿/, '二十');
  return parseChineseNumber(value);
}

export function isRealDate(year: number, month: number, day: number | null): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === null) return true;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toIso(year: number, month: number, day: number | null): string {
  const mm = String(month).padStart(2, '0');
  return day === null ? `${year}-${mm}` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** Every date in `text`, in order. Dates without a printed year are returned only if `options.year` is given. */
export function findDates(text: string, options: DateOptions = {}): DateMatch[] {
  const found: DateMatch[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const date = readMatch(match, options);
    if (date) found.push(date);
  }
  return found;
}

function readMatch(match: RegExpMatchArray, options: DateOptions): DateMatch | null {
  const start = match.index!;
  let text = match[0];
  let year: number | null;
  let month: number | null;
  let day: number | null;
  let yearInferred = false;
  if (match[8] !== undefined) {
    year = Number(match[10]);
    month = Number(match[9]);
    day = Number(match[8]);
    if (year < 1900 || year > 2100) return null;
  } else if (match[5] !== undefined) {
    year = Number(match[5]);
    month = Number(match[6]);
    day = Number(match[7]);
    if (year < 1900 || year > 2100) return null;
  } else {
    month = parseChineseNumber(match[3]!);
    day = match[4] !== undefined ? readDay(match[4]) : null;
    if (match[2] !== undefined) {
      year = readYear(match[2], match[1] !== undefined);
      if (year === null) return null;
    } else {
      // A month printed right after a year we could not read (20**年5月, 202223年4月) has no year.
      if (/[年*＊xX×]\s*$/.test(match.input!.slice(Math.max(0, start - 3), start))) return null;
      if (day === null && !options.monthWithoutYear) return null;
      year = options.year ?? null;
      yearInferred = true;
      if (year === null) return null;
    }
  }
  if (month === null || (match[4] !== undefined && day === null)) return null;
  if (!isRealDate(year, month, day)) return null;
  text = text.trimEnd();
  return { start, end: start + text.length, text, year, month, day, yearInferred, iso: toIso(year, month, day) };
}

/** Read one date printed on its own (`2023年1月4日`, `2023-01-04`); `null` if `text` is not exactly a date. */
export function parseDate(text: string, options: DateOptions = {}): DateMatch | null {
  const trimmed = text.trim();
  const [first] = findDates(trimmed, options);
  if (!first || first.start !== 0 || first.end !== trimmed.length) return null;
  return first;
}

/** Characters printed between the two ends of a range. */
const RANGE_SEPARATOR = /^[ \t\u3000]*(?:[—–―－~～-]{1,2}|至|到|一)[ \t\u3000]*/;
const DAY_ONLY = new RegExp(`^(${DAY})${GAP}[日号號]`);

/**
 * Every date range in `text`: `2021年5月—8月31日`, `9月1日至15日`, `2021年9月1日—9月15日`. A single
 * date is a range without an end. The end takes its year (and month) from the start.
 */
export function findDateRanges(text: string, options: DateOptions = {}): DateRange[] {
  const dates = findDates(text, options);
  const ranges: DateRange[] = [];
  for (let i = 0; i < dates.length; i++) {
    const start = dates[i]!;
    const after = text.slice(start.end, start.end + 40);
    const separator = RANGE_SEPARATOR.exec(after);
    if (!separator) {
      ranges.push({ start, end: null, until: start.end });
      continue;
    }
    const endOffset = start.end + separator[0].length;
    const rest = text.slice(endOffset);
    // The end, read again with the start's year as the document year.
    const [end] = findDates(rest.slice(0, 30), { year: start.year, monthWithoutYear: true });
    if (end && end.start === 0) {
      const next = dates[i + 1];
      if (next && next.start === endOffset) i++;
      let shifted = { ...end, start: endOffset, end: endOffset + end.end };
      // 2023年11月至2月: an end before its start is in the next year.
      if (end.yearInferred && end.iso < start.iso && isRealDate(end.year + 1, end.month, end.day)) {
        shifted = { ...shifted, year: end.year + 1, iso: toIso(end.year + 1, end.month, end.day) };
      }
      ranges.push({ start, end: shifted, until: shifted.end });
      continue;
    }
    const dayOnly = DAY_ONLY.exec(rest);
    if (dayOnly && start.day !== null) {
      const day = readDay(dayOnly[1]!);
      if (day !== null && isRealDate(start.year, start.month, day)) {
        const endDate: DateMatch = {
          start: endOffset,
          end: endOffset + dayOnly[0].length,
          text: dayOnly[0],
          year: start.year,
          month: start.month,
          day,
          yearInferred: true,
          iso: toIso(start.year, start.month, day),
        };
        ranges.push({ start, end: endDate, until: endDate.end });
        continue;
      }
    }
    ranges.push({ start, end: null, until: start.end });
  }
  return ranges;
}

/** The first four-digit year (1900–2100) printed in `text`, e.g. from a doc number `〔2021〕`. */
export function firstYear(text: string): number | null {
  const match = /(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier):
 * `daysBetween('2023-01-04', '2023-01-10')` → 6. Used for 征集中 (days left before a deadline).
 */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  return Math.round(day(to) - day(from));
}
