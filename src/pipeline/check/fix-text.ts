/**
 * The fixes `deeds check --fix` may apply: only those that cannot change meaning.
 *
 * - `punctuation-width`: half-width punctuation between Chinese characters becomes full-width
 *   (社区,服务 → 社区，服务; 卫生院(医院) → 卫生院（医院）), in the body only, never in code;
 * - `doc-number`: a 发文字号 gets GB/T 9704 brackets, no 第, no leading zeros
 *   (武卫字[2023]第04号 → 武卫字〔2023〕4号), in the body and in the `docNumber` field.
 *
 *   fixSource('---\ndocNumber: 武卫字[2023]4号\n---\n社区,服务')
 *     → value '---\ndocNumber: 武卫字〔2023〕4号\n---\n社区，服务', two changes
 */
import { canonicalDocNumber, DOC_NUMBER_LOOSE } from './data/doc-numbers.ts';
import { matchAll } from '../patterns.ts';

export interface TextFix {
  rule: 'punctuation-width' | 'doc-number';
  /** 1-based line and column in the original text. */
  line: number;
  column: number;
  before: string;
  after: string;
}

export interface FixResult {
  value: string;
  fixes: TextFix[];
}

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const FULL_WIDTH: Readonly<Record<string, string>> = Object.freeze({
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '.': '。',
});

/** Punctuation between Han characters (one space either side is dropped), or after one at the end of a line: 社区, 服务 / 如下: */
const BETWEEN_HAN = new RegExp(
  `(?<=[${HAN}])[ \\t]?[,;:?!][ \\t]?(?=[${HAN}“‘（])|(?<=[${HAN}])[,;:?!.][ \\t]*(?=\\r?$)|(?<=[${HAN}])\\.(?=[${HAN}])`,
  'gm',
);
/** Brackets around Chinese after a Chinese character: 卫生院(医院). */
const HAN_PARENTHESES = new RegExp(`(?<=[${HAN}])\\(([${HAN}][^()\\n]{0,60})\\)`, 'g');

interface Edit {
  start: number;
  end: number;
  after: string;
  rule: TextFix['rule'];
}

export function fixSource(source: string): FixResult {
  const edits: Edit[] = [];
  const { bodyStart, docNumber } = frontmatterInfo(source);
  if (docNumber) {
    const canonical = canonicalDocNumber(docNumber.value);
    if (canonical !== docNumber.value)
      edits.push({ start: docNumber.start, end: docNumber.end, after: canonical, rule: 'doc-number' });
  }
  for (const [start, end] of proseRanges(source, bodyStart)) {
    const text = source.slice(start, end);
    for (const match of matchAll(BETWEEN_HAN, text)) {
      const mark = match[0].trim();
      edits.push({
        start: start + match.index,
        end: start + match.index + match[0].length,
        after: FULL_WIDTH[mark]!,
        rule: 'punctuation-width',
      });
    }
    for (const match of matchAll(HAN_PARENTHESES, text)) {
      edits.push({ start: start + match.index, end: start + match.index + 1, after: '（', rule: 'punctuation-width' });
      const close = start + match.index + match[0].length - 1;
      edits.push({ start: close, end: close + 1, after: '）', rule: 'punctuation-width' });
    }
    for (const match of matchAll(DOC_NUMBER_LOOSE.pattern, text)) {
      const canonical = canonicalDocNumber(match[0]);
      if (canonical !== match[0])
        edits.push({
          start: start + match.index,
          end: start + match.index + match[0].length,
          after: canonical,
          rule: 'doc-number',
        });
    }
  }
  return applyEdits(source, edits);
}

function applyEdits(source: string, edits: Edit[]): FixResult {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const fixes: TextFix[] = [];
  let cursor = 0;
  let line = 1;
  let lineStart = 0;
  for (const edit of edits) {
    if (edit.start < cursor) continue; // overlapping: keep the first
    for (let i = source.indexOf('\n', cursor); i !== -1 && i < edit.start; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    parts.push(source.slice(cursor, edit.start), edit.after);
    fixes.push({
      rule: edit.rule,
      line,
      column: edit.start - lineStart + 1,
      before: source.slice(edit.start, edit.end),
      after: edit.after,
    });
    cursor = edit.end;
  }
  parts.push(source.slice(cursor));
  return { value: parts.join(''), fixes };
}

/** Where the body starts, and the `docNumber:` value of the frontmatter with its offsets. */
function frontmatterInfo(source: string): {
  bodyStart: number;
  docNumber?: { value: string; start: number; end: number };
} {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(source);
  if (!open) return { bodyStart: 0 };
  const close = /^---[ \t]*$/m.exec(source.slice(open[0].length));
  if (!close) return { bodyStart: source.length };
  const yamlEnd = open[0].length + close.index;
  const bodyStart = yamlEnd + close[0].length;
  const yaml = source.slice(open[0].length, yamlEnd);
  const field = /^docNumber:[ \t]*([^\n]*)$/m.exec(yaml);
  if (!field) return { bodyStart };
  let value = field[1]!.replace(/[ \t\r]+$/, '');
  let start = open[0].length + field.index + field[0].length - field[1]!.length;
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    value = value.slice(1, -1);
    start++;
  }
  return { bodyStart, docNumber: { value, start, end: start + value.length } };
}

/** Ranges of the body that are prose: not fenced code, not inline code, not JSX tags. */
function proseRanges(source: string, from: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let inFence = false;
  let offset = from;
  for (const line of source.slice(from).split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (/^ {0,3}(?:```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    // Skip inline code and tags within the line.
    let cursor = 0;
    for (const match of matchAll(/`[^`\n]*`|<[^<>\n]*>/g, line)) {
      if (match.index > cursor) ranges.push([start + cursor, start + match.index]);
      cursor = match.index + match[0].length;
    }
    if (cursor < line.length) ranges.push([start + cursor, start + line.length]);
  }
  return ranges;
}
