/**
 * Character rules of the normaliser's first stage: invisible characters, space variants, full-width
 * Latin letters and digits, line endings. Each rule replaces what its `pattern` (a character class or a
 * short alternative, no groups) matches.
 */
export interface CharacterRule {
  /** Rule id, as recorded in the change record. */
  id: string;
  /** What the rule does, for readers of the change record. */
  description: string;
  /** Regular expression source, without capturing groups. */
  pattern: string;
  /** What a match becomes. */
  replace: (match: string) => string;
  /** An input and its output. */
  example: readonly [string, string];
}

const toHalfWidth = (match: string): string => {
  let out = '';
  for (let i = 0; i < match.length; i++) out += String.fromCharCode(match.charCodeAt(i) - 0xfee0);
  return out;
};

export const CHARACTER_RULES: readonly CharacterRule[] = Object.freeze([
  {
    id: 'byte-order-mark',
    description: '删除字节顺序标记（BOM，U+FEFF）',
    pattern: '\\uFEFF',
    replace: () => '',
    example: ['\uFEFF通知', '通知'],
  },
  {
    id: 'zero-width',
    description: '删除零宽字符（U+200B–U+200D、U+2060）',
    pattern: '[\\u200B-\\u200D\\u2060]+',
    replace: () => '',
    example: ['卫\u200B生', '卫生'],
  },
  {
    id: 'soft-hyphen',
    description: '删除软连字符（U+00AD）',
    pattern: '\\u00AD+',
    replace: () => '',
    example: ['健\u00AD康', '健康'],
  },
  {
    id: 'non-breaking-space',
    description: '不换行空格改为普通空格',
    pattern: '[\\u00A0\\u2007\\u202F]',
    replace: () => ' ',
    example: ['2023\u00A0年', '2023 年'],
  },
  {
    id: 'fullwidth-alphanumeric',
    description: '全角英文字母和数字改为半角（Ａ１ → A1）',
    pattern: '[\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A]+',
    replace: toHalfWidth,
    example: ['ＷＨＯ２０２３', 'WHO2023'],
  },
  {
    id: 'line-ending',
    description: 'Windows 和旧 Mac 换行符（CRLF、CR）改为 LF',
    pattern: '\\r\\n?',
    replace: () => '\n',
    example: ['第一行\r\n第二行', '第一行\n第二行'],
  },
]);

/**
 * Characters that may change under Unicode NFC: combining marks, Hangul jamo, compatibility
 * ideographs and a few singletons. A line with none of them is already NFC, so the stage normalises only
 * lines that have one.
 */
export const NFC_SUSPECTS =
  /[\u0300-\u036F\u0374\u037E\u0387\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0900-\u0DFF\u0F00-\u0FFF\u1100-\u11FF\u1AB0-\u1AFF\u1DC0-\u1DFF\u1F00-\u1FFF\u2000\u2001\u20D0-\u20FF\u2126\u212A\u212B\u2329\u232A\u3099\u309A\uF900-\uFAFF\uFB1D-\uFB4F]|\uD87E[\uDC00-\uDE1F]/;

/** The replacement character: what a decoder leaves for bytes it could not read. Kept and reported. */
export const REPLACEMENT_CHARACTER = '\uFFFD';
