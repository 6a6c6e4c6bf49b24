/**
 * The shape of a data-driven pattern: an id to name it in diagnostics and tests, a regular
 * expression (global, linear: no nested quantifiers), and an example it must match.
 */
export interface TextPattern {
  /** A stable kebab-case id: `masked-region`. */
  id: string;
  /** The pattern. Always global (`g`), so that every occurrence is found. */
  pattern: RegExp;
  /** A text the pattern matches, used by the tests and the editors' guide. */
  example: string;
  /** What the match is, in words an editor understands: `打码的地名`. */
  label: string;
}

const globals = new WeakMap<RegExp, RegExp>();

/**
 * Every match of a pattern in `text`. The pattern's global twin is compiled once and reused (a
 * new RegExp per call costs more than the search); `lastIndex` is reset on every call, so an
 * abandoned iteration does not leak into the next.
 */
export function* matchAll(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  let regex = globals.get(pattern);
  if (!regex) {
    regex = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    globals.set(pattern, regex);
  }
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (match[0].length === 0) regex.lastIndex++;
    const resume = regex.lastIndex;
    yield match;
    // A caller that searched with the same pattern in between (nested use) must not derail this one.
    regex.lastIndex = resume;
  }
}

/**
 * Field names of personal data (`性别：`, `| 姓名 | 性别 | 年龄 |`): the privacy check finds them in text and
 * tables (`PRIVATE_FIELD`, src/pipeline/check/data/privacy.ts), extraction marks the forms that ask for them.
 */
export const PRIVATE_FIELD_NAMES: readonly string[] = Object.freeze([
  '性别',
  '年龄',
  '出生年月',
  '出生日期',
  '民族',
  '政治面貌',
  '身份证号',
  '身份证号码',
  '家庭住址',
  '家庭地址',
  '联系电话',
  '手机',
  '手机号码',
]);
