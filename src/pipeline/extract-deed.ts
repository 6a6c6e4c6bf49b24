/**
 * Extraction, stage 4: what a write-up or a piece of news is about — the subject (a person or a
 * unit) and its unit, the honours it names, and masked words and broken years a reader must check.
 *
 *   示例市卫生局先进事迹 / …被卫生部评为“全国卫生应急先进集体”…荣获河南省文明单位等荣誉称号
 *     →  subject { name: '示例市卫生局', type: 'unit' }, honours ['全国卫生应急先进集体', '河南省文明单位']
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  BROKEN_YEAR,
  DEED_SUBTITLE,
  DEED_TITLE,
  HONOUR_IN_PROSE,
  HONOUR_KEYWORDS,
  HONOUR_VERBS,
  PLACEHOLDER_TOKEN,
} from './data/extraction.ts';
import { matchAll } from './data/patterns.ts';
import { closeCjkSpaces, extractMessage, isOrgName, modelOf, type DocumentModel } from './extract-model.ts';
import { isPersonName, unitWithoutPost } from './extract-roll.ts';
import { extractOf, type ExtractResult } from './extract-types.ts';

export interface Options {
  /** The longest honour title read, in characters. Default 40. */
  maxHonourLength?: number;
}

const DEFAULTS: Readonly<Required<Options>> = Object.freeze({ maxHonourLength: 40 });

/** Stage 4 as a unified plugin. */
export function extractDeed(options: Options = {}) {
  const settings = { ...DEFAULTS, ...options };
  return (_tree: Root, file: VFile): void => {
    const model = modelOf(file);
    const result = extractOf(file);
    result.honours = findHonours(model.text, settings.maxHonourLength);
    result.placeholders = unique(model.text, PLACEHOLDER_TOKEN.pattern);
    result.brokenYears = unique(model.text, BROKEN_YEAR.pattern);
    if (result.kind === 'deed') {
      const subject = findSubject(model, result);
      result.subject = subject?.subject ?? null;
      result.subjectType = subject?.subject.type ?? null;
      result.unit = subject?.unit ?? null;
    }
    for (const token of result.placeholders) {
      extractMessage(
        file,
        model,
        `原文有打码文字“${token}”：导入后需要编辑核实并补全，不能照登`,
        'extract-placeholder',
        model.text.indexOf(token),
        null,
      );
    }
  };
}

function unique(text: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const match of matchAll(pattern, text)) if (!out.includes(match[0])) out.push(match[0]);
  return out;
}

/** Quoted text; single quotes only when not nested in double ones (“‘五好’基层党组织”). */
const QUOTE = /“([^“”\n]{2,60})”|"([^"\n]{2,60})"|「([^「」\n]{2,60})」|『([^『』\n]{2,60})』|‘([^‘’“”\n]{2,60})’/gu;
const quoted = (match: RegExpMatchArray) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';

/** Honour titles: quoted ones in the context of 授予/评为/荣获/称号, and unquoted ones after 荣获…称号 or 评为. */
export function findHonours(text: string, maxLength = DEFAULTS.maxHonourLength): string[] {
  const honours: string[] = [];
  const add = (value: string) => {
    const title = closeCjkSpaces(value)
      .replace(/^(?:了|为|的)/u, '')
      .replace(/(?:等)$/u, '');
    if (title.length < 4 || title.length > maxLength || !HONOUR_KEYWORDS.test(title)) return;
    if (!honours.includes(title)) honours.push(title);
  };
  // Quoted titles, taken as runs: “A”、“B”称号.
  const quotes = [...matchAll(QUOTE, text)];
  let runStart = 0;
  for (let i = 0; i < quotes.length; i++) {
    const quote = quotes[i]!;
    const previous = quotes[i - 1];
    if (!previous || !/^[\s、，,和及与]{0,3}$/u.test(text.slice(previous.index + previous[0].length, quote.index))) {
      runStart = quote.index;
    }
    let runEnd = i;
    while (
      runEnd + 1 < quotes.length &&
      /^[\s、，,和及与]{0,3}$/u.test(
        text.slice(quotes[runEnd]!.index + quotes[runEnd]![0].length, quotes[runEnd + 1]!.index),
      )
    ) {
      runEnd++;
    }
    const last = quotes[runEnd]!;
    const before =
      text
        .slice(Math.max(0, runStart - 40), runStart)
        .split(/[。！？；\n]/u)
        .pop() ?? '';
    const after = text.slice(last.index + last[0].length, last.index + last[0].length + 6);
    if (HONOUR_VERBS.test(before) || /^(?:等)?(?:荣誉|光荣)?(?:称号|荣誉|奖)/u.test(after)) add(quoted(quote));
  }
  for (const rule of HONOUR_IN_PROSE) {
    for (const match of matchAll(rule.pattern, text)) {
      for (const item of match[1]!.split(/[、]/u)) {
        if (/的|作为|进行|要|将|并|工作中|中/u.test(item) && rule.id === 'honour-rated-as') continue;
        add(item);
      }
    }
  }
  return honours;
}

interface FoundSubject {
  subject: { name: string; type: 'person' | 'unit' };
  unit: string | null;
}

/** The subject from the title (`示例市卫生局先进事迹`) or the subtitle (`——记示例医院护士长李静同志`). */
function findSubject(model: DocumentModel, result: ExtractResult): FoundSubject | null {
  const candidates: string[] = [];
  for (const line of model.lines.slice(0, 15)) {
    for (const match of matchAll(DEED_SUBTITLE.pattern, line.text)) candidates.push(match[1]!);
  }
  if (result.title) {
    for (const match of matchAll(DEED_TITLE.pattern, result.title)) candidates.push(match[1]!);
    // 李静：用爱守护生命 · 守护生命的白衣天使——记李静 · 用爱守护生命——李静同志
    const named = /^([\p{Script=Han}]{2,4})[：:]/u.exec(result.title);
    if (named) candidates.push(named[1]!);
    const dashed = /[—－-]{1,2}\s*记?\s*([^—－-]{2,40})$/u.exec(result.title);
    if (dashed) candidates.push(dashed[1]!);
  }
  for (const candidate of candidates) {
    const found = readSubject(closeCjkSpaces(candidate));
    if (found) return found;
  }
  // A write-up that opens with its subject: 李静，女，中共党员，示例县人民医院护士长。
  const opening = model.lines.find((l) => l.text.length > 20);
  const lead = opening ? /^([\p{Script=Han}]{2,3})(?:同志)?[，,]/u.exec(opening.text) : null;
  if (lead && isPersonName(lead[1]!)) {
    const sentence = opening!.text.split(/[。；]/u)[0]!;
    const unit = sentence
      .split(/[，,]/u)
      .map((part) => part.replace(/^(?:现任|系|为|是|任|在)/u, ''))
      .map((part) => unitWithoutPost(part) ?? (isOrgName(part) ? part : null))
      .find((u) => u);
    return { subject: { name: lead[1]!, type: 'person' }, unit: unit ?? null };
  }
  return null;
}

const POSTS =
  /(?:党支部书记|党委书记|副主任医师|主任医师|主管护师|副院长|院长|副主任|主任|护士长|科长|所长|站长|局长|书记|医生|医师|护士|护师|药师|技师|队长|同志)$/u;

export function readSubject(text: string): FoundSubject | null {
  const value = text.replace(/(?:同志)$/u, '');
  if (isOrgName(value)) return { subject: { name: value, type: 'unit' }, unit: null };
  if (isPersonName(value)) return { subject: { name: value, type: 'person' }, unit: null };
  for (const length of [3, 2, 4]) {
    const name = value.slice(-length);
    if (!isPersonName(name)) continue;
    const unit = value.slice(0, -length).replace(POSTS, '').replace(POSTS, '');
    if (isOrgName(unit)) return { subject: { name, type: 'person' }, unit };
  }
  return null;
}
