/**
 * 发文字号 and 成文日期 in GB/T 9704-2012 form (rules `doc-number` and `dates`):
 * the year in 〔〕 (§7.2.4), the serial number without leading zeros and without 第;
 * dates with Arabic numerals, the year in full, month and day without leading zeros (§7.3.5.3).
 */
import type { TextPattern } from '../../patterns.ts';

/** A correct 发文字号: 武卫字〔2023〕4号. */
export const DOC_NUMBER_FORM = /^[\u4e00-\u9fff]{1,12}〔\d{4}〕[1-9]\d{0,4}号$/;

/**
 * The year-and-serial part of a 发文字号 after its 机关代字, in any brackets, with or without 第 and
 * leading zeros: [2023]第04号, （2023）4号, 〔2023〕4号. Only the part from the bracket on is matched,
 * since the 机关代字 cannot be told from the Chinese text before it.
 */
export const DOC_NUMBER_LOOSE: TextPattern = Object.freeze({
  id: 'doc-number-loose',
  pattern: /(?<=[\u4e00-\u9fff])[[［【（(〔]\d{4}[\]］】）)〕]第?\d{1,5}号/g,
  example: '武卫字[2023]第04号',
  label: '发文字号',
});

/** A date written in words, 2023年1月4日; the year is optional (1月10日前). */
export const CHINESE_DATE: TextPattern = Object.freeze({
  id: 'chinese-date',
  pattern: /(?<!\d)(?:(\d{4})[ \t]{0,2}年[ \t]{0,2})?(\d{1,2})[ \t]{0,2}月[ \t]{0,2}(\d{1,2})[ \t]{0,2}日/g,
  example: '2023年1月10日前',
  label: '日期',
});

/** Rewrite a 发文字号, or its bracket-and-serial part, into GB/T 9704 form: 武卫字[2023]第04号 → 武卫字〔2023〕4号. */
export const CANONICAL_DOC_NUMBER_PATTERN = /^([\u4e00-\u9fff]{0,12})[[［【（(〔](\d{4})[\]］】）)〕]第?0*(\d{1,5})号$/;

export function canonicalDocNumber(value: string): string {
  const match = CANONICAL_DOC_NUMBER_PATTERN.exec(value.trim());
  if (!match) return value;
  return `${match[1]}〔${match[2]}〕${match[3]}号`;
}
