/**
 * The shared reading of a document that the extraction stages work from: its lines with their
 * offsets, where the main text ends and the attachments begin, and small text helpers. Built once
 * per file and kept on `file.data.extractModel`.
 *
 *   documentModel('武卫字〔2023〕4号\n关于…的通知\n…\n附件1：\n…')
 *     →  { lines: [...], attachmentsStart: 42, … }
 */
import type { VFile } from 'vfile';
import { parseDate, type DateMatch } from '../../lib/dates.ts';
import { ORG_SUFFIXES } from './data/extraction.ts';
import { MESSAGE_SOURCE } from '../types.ts';

export interface ModelLine {
  /** 0-based line index. */
  index: number;
  /** The line without its line break and surrounding white space. */
  text: string;
  /** The line as it is in the text (leading tabs kept: tables depend on them). */
  raw: string;
  /** Offset of the line's first character in the text. */
  start: number;
}

export interface DocumentModel {
  text: string;
  lines: ModelLine[];
  /** Index of the first line of the attachments (a `附件1` heading after the main text), or `lines.length`. */
  attachmentsStart: number;
}

/** A heading that starts an attachment's own text: `附件1：`, `附件2`, `附件：` alone on its line. */
const ATTACHMENT_HEADING = /^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[:：]?$/u;

export function documentModel(text: string): DocumentModel {
  const lines: ModelLine[] = [];
  let start = 0;
  const parts = text.split('\n');
  for (let index = 0; index < parts.length; index++) {
    const raw = parts[index]!.replace(/\r$/, '');
    lines.push({ index, text: raw.trim(), raw, start });
    start += parts[index]!.length + 1;
  }
  let attachmentsStart = lines.length;
  for (const line of lines) {
    if (line.index > 2 && ATTACHMENT_HEADING.test(line.text)) {
      // `附件：` whose list was lost, followed by the signature and 成文日期, is the main text's 附件说明.
      const next = lines.slice(line.index + 1, line.index + 8).filter((l) => l.text !== '');
      if (next.slice(0, 4).some((l, i) => i > 0 && standaloneDate(l.text) && isOrgName(next[i - 1]!.text))) continue;
      attachmentsStart = line.index;
      break;
    }
  }
  return { text, lines, attachmentsStart };
}

/** The model of a file, built on first use. */
export function modelOf(file: VFile): DocumentModel {
  const data = file.data as { extractModel?: DocumentModel };
  if (!data.extractModel || data.extractModel.text !== String(file.value)) {
    data.extractModel = documentModel(String(file.value ?? ''));
  }
  return data.extractModel;
}

/** Line and column (1-based) of an offset. */
export function pointAt(model: DocumentModel, offset: number): { line: number; column: number } {
  let low = 0;
  let high = model.lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (model.lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  const line = model.lines[low] ?? { start: 0, index: 0 };
  return { line: line.index + 1, column: offset - line.start + 1 };
}

/** Report a guess or a problem of extraction on the file, at an offset of its text. */
export function extractMessage(
  file: VFile,
  model: DocumentModel,
  reason: string,
  ruleId: string,
  offset: number,
  fatal: boolean | null = false,
): void {
  const message = file.message(reason, { place: pointAt(model, offset), ruleId, source: MESSAGE_SOURCE });
  message.fatal = fatal;
}

/** Remove the spaces print layout puts between Chinese characters: `提升医疗服务 十大举措` → `提升医疗服务十大举措`. */
export function closeCjkSpaces(text: string): string {
  return text
    .replace(/(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])/gu, '')
    .replace(/[ \t\u3000]+/gu, ' ')
    .trim();
}

const ORG_SUFFIX_PATTERN = new RegExp(`(?:${[...ORG_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})$`, 'u');

/** Whether `text` reads as an organisation's name: Han characters (and brackets) ending in 局, 委员会, 医院… */
export function isOrgName(text: string): boolean {
  const value = closeCjkSpaces(text);
  if (value.length < 3 || value.length > 40) return false;
  if (!/^[\p{Script=Han}（）()·0-9a-zA-Z*＊]+$/u.test(value)) return false;
  if (/^(?:关于|根据|为了|附件|各)/u.test(value)) return false;
  return ORG_SUFFIX_PATTERN.test(value);
}

/** A date printed alone on its line (成文日期): `2023年1月4日`, `二〇二三年一月四日`. */
export function standaloneDate(text: string): DateMatch | null {
  // A seal or signature note may follow the date: 2023年1月4日（盖章）.
  const printed = text
    .replace(/\s+/g, '')
    .replace(/^中华(?=民国)/u, '')
    .replace(/[（(](?:盖章|印章|公章|签章|章)[）)]$/u, '');
  const date = parseDate(printed);
  return date && date.day !== null && !date.yearInferred ? date : null;
}

/** Split a list on ，、；, but never inside brackets: `各县（市、区）卫健委，市直各医院` → two items. */
export function splitOutsideBrackets(text: string, separators = /[，,、；;]/u): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if ('（(【[〔《“'.includes(c)) depth++;
    else if ('）)】]〕》”'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(c)) {
      items.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter(Boolean);
}
