/**
 * 发文字号 (document numbers), read in every bracket people print and written back in the form of
 * GB/T 9704-2012 §7.2.4: agency code, the year in hexagonal brackets 〔〕, the serial, 号.
 *
 *   parseDocNumber('卫人秘(2009)378号')  →  { agencyCode: '卫人秘', year: 2009, serial: 378, … }
 *   formatDocNumber(parseDocNumber('新卫[2010]11號')!)  →  '新卫〔2010〕11号'
 *
 * The serial keeps its printed digits (`002`), so the number printed is the number found.
 */
import { toAsciiDigits } from './chinese-numerals.ts';

export interface DocNumber {
  /** 机关代字, e.g. `武卫字`, `沪卫宣传`. */
  agencyCode: string;
  /** The year, e.g. `2023`. */
  year: number;
  /** The serial as a number, e.g. `4`. */
  serial: number;
  /** The serial's digits as printed, e.g. `002`. */
  serialText: string;
  /** The whole number as printed. */
  printed: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
}

const OPEN = '〔［\\[（(【﹝〖〈<｛{';
const CLOSE = '〕］\\]）)】﹞〗〉>｝}';
/** Agency codes are short runs of Han characters (rarely with a Latin letter); 1–10 of them. */
const DOC_NUMBER_PATTERN = new RegExp(
  `(?<![\\p{Script=Han}])([\\p{Script=Han}A-Za-z]{1,10}?)[ \\t\\u3000]*[${OPEN}][ \\t\\u3000]*([12][0-9]{3}|[１２][０-９]{3})[ \\t\\u3000]*[${CLOSE}][ \\t\\u3000]*第?[ \\t\\u3000]*([0-9０-９]{1,5})[ \\t\\u3000]*[号號]`,
  'gu',
);

/** Words that run into an agency code in prose (印发了武卫字〔2023〕4号) and are not part of it. */
const LEADING_WORDS = /^(?:.*(?:根据|按照|依据|依照|印发|下发|转发|参照|执行|见|文件|的|了|和|与|及|以))/u;

function read(match: RegExpMatchArray): DocNumber | null {
  let agencyCode = match[1]!;
  const stripped = agencyCode.replace(LEADING_WORDS, '');
  if (stripped.length > 0) agencyCode = stripped;
  const year = Number(toAsciiDigits(match[2]!));
  if (year < 1949 || year > 2100) return null;
  const serialText = toAsciiDigits(match[3]!);
  const start = match.index! + (match[1]!.length - agencyCode.length);
  return {
    agencyCode,
    year,
    serial: Number(serialText),
    serialText,
    printed: match.input!.slice(start, match.index! + match[0].length),
    start,
    end: match.index! + match[0].length,
  };
}

/** Every document number in `text`, in order. */
export function findDocNumbers(text: string): DocNumber[] {
  const found: DocNumber[] = [];
  for (const match of text.matchAll(DOC_NUMBER_PATTERN)) {
    const number = read(match);
    if (number) found.push(number);
  }
  return found;
}

/** Read a document number printed on its own; `null` if `text` is not one. */
export function parseDocNumber(text: string): DocNumber | null {
  const trimmed = text.trim();
  const [first] = findDocNumbers(trimmed);
  if (!first || first.start !== 0 || first.end !== trimmed.length) return null;
  return first;
}

/** GB/T 9704 form: `武卫字〔2023〕4号`. */
export function formatDocNumber(number: Pick<DocNumber, 'agencyCode' | 'year' | 'serialText'>): string {
  return `${number.agencyCode}〔${number.year}〕${number.serialText}号`;
}

/** Normalise a printed document number to GB/T 9704 form, or `null` if it is not one. */
export function normaliseDocNumber(text: string): string | null {
  const parsed = parseDocNumber(text);
  return parsed ? formatDocNumber(parsed) : null;
}
