/**
 * Every pattern the checks use, in one list, so that the regex-safety test can run each of them
 * on adversarial input (long runs of one character, nested brackets, alternating scripts).
 */
import { CANONICAL_DOC_NUMBER_PATTERN, CHINESE_DATE, DOC_NUMBER_FORM, DOC_NUMBER_LOOSE } from './doc-numbers.ts';
import type { TextPattern } from '../../patterns.ts';
import { PLACEHOLDER_PATTERNS } from './placeholders.ts';
import { PRIVACY_PATTERNS } from './privacy.ts';
import { PINYIN_READING, REPLACEMENT_CHARACTER } from './residue.ts';
import { BROKEN_YEAR } from './spun-text.ts';
import { CSS_URL, DECODED_MARKUP } from './unsafe-markup.ts';

export const CHECK_PATTERNS: readonly TextPattern[] = Object.freeze([
  ...PLACEHOLDER_PATTERNS,
  ...PRIVACY_PATTERNS,
  BROKEN_YEAR,
  PINYIN_READING,
  REPLACEMENT_CHARACTER,
  DOC_NUMBER_LOOSE,
  CHINESE_DATE,
  DECODED_MARKUP,
  CSS_URL,
  { id: 'doc-number-form', pattern: DOC_NUMBER_FORM, example: '武卫字〔2023〕4号', label: '发文字号' },
  {
    id: 'doc-number-canonical',
    pattern: CANONICAL_DOC_NUMBER_PATTERN,
    example: '武卫字[2023]第04号',
    label: '发文字号',
  },
]);
