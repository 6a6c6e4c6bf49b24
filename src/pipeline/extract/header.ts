/**
 * Extraction: the elements of GB/T 9704-2012 that frame a document — title, 发文字号,
 * issuer, 成文日期, 主送机关, 评选年度, attachments, 附注 and 印发机关 — and the kind of document.
 *
 *   武卫字〔2023〕4号 / 关于开展…评选活动的通知 / 各直属医疗卫生单位，…： / … / 常州市武进区卫生健康局 / 2023年1月4日
 *     →  file.data.extract = { docNumber: '武卫字〔2023〕4号', title: '关于开展…的通知', issuer: '常州市武进区卫生健康局', date: '2023-01-04', … }
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { findDates } from '../../lib/dates.ts';
import { findDocNumbers, formatDocNumber } from '../../lib/doc-number.ts';
import {
  ANNOUNCEMENT_FORMULA,
  CONFERRING_BODY,
  DEED_SUBTITLE,
  DEED_TITLE,
  EVALUATION_YEAR,
  PUBLICITY_NOTE,
  ROLL_GENRES,
  TITLE_GENRES,
} from './data/extraction.ts';
import {
  ISSUER_LEAD,
  ISSUER_PATTERNS,
  ISSUER_SUFFIXES,
  LOOSE_SUFFIXES,
  METADATA_LABELS,
  NOT_ISSUER,
  NUMERIC_DATE,
  PAGE_DATE_LABEL,
  PAGE_DATE_PREFIX,
  RANGE_AFTER,
  SITE_OWNER,
  SOURCE_FIELD,
} from './data/header.ts';
import { matchAll } from '../patterns.ts';
import {
  closeCjkSpaces,
  documentModel,
  isOrgName,
  modelOf,
  splitOutsideBrackets,
  standaloneDate,
  type DocumentModel,
  type ModelLine,
} from './model.ts';
import { extractOf, type ExtractResult } from './types.ts';

export interface Options {
  /** How many lines from the top the title and 发文字号 are looked for in. Default 25. */
  headerLines?: number;
}

const DEFAULTS: Readonly<Required<Options>> = Object.freeze({ headerLines: 25 });

const GENRE_END = new RegExp(`(?:${[...TITLE_GENRES].sort((a, b) => b.length - a.length).join('|')})$`, 'u');
const GENRE_ALTERNATION = [...TITLE_GENRES].sort((a, b) => b.length - a.length).join('|');
const INLINE_TITLE = new RegExp(`关于[^\\s\\u3000，。：:；;,！？]{2,70}(?:${GENRE_ALTERNATION})`, 'gu');
/** What may follow a title run into the text: the end, a break, or the recipients up to their colon. */
const AFTER_INLINE_TITLE = /^(?:$|[\s\u3000，。]|(?:各|全|市|省|区|县|州|有关)[^，。：:]{0,40}[：:])/u;

/** A title run into a long line (pages copied from document-sharing sites lose their line breaks). */
function inlineTitle(text: string): { text: string; index: number } | null {
  for (const match of matchAll(INLINE_TITLE, text)) {
    // Try each genre ending from the shortest: 关于…的实施方案 followed by 区级各医疗卫生单位：.
    const run = match[0];
    for (let end = 4; end <= run.length; end++) {
      const candidate = run.slice(0, end);
      if (!GENRE_END.test(candidate)) continue;
      if (AFTER_INLINE_TITLE.test(text.slice(match.index + end))) return { text: candidate, index: match.index };
    }
  }
  return null;
}

interface Found {
  text: string;
  line: number;
  /** Offset in the text, for positions. */
  offset: number;
}

/** As a unified plugin. */
export function extractHeader(options: Options = {}) {
  const settings = { ...DEFAULTS, ...options };
  return (_tree: Root, file: VFile): void => {
    const model = modelOf(file);
    const spacedText = file.data.extractSpacedText;
    const spaced = spacedText ? documentModel(spacedText) : null;
    const { titleLine: _titleLine, ...header } = readHeader(model, settings, spaced);
    Object.assign(extractOf(file), header);
  };
}

/** The header facts of a document, as a pure function of its text. */
export function readHeader(
  model: DocumentModel,
  settings: Required<Options> = DEFAULTS,
  spaced: DocumentModel | null = null,
): Partial<ExtractResult> & { titleLine: number | null } {
  const main = model.lines.slice(0, model.attachmentsStart);
  // The same lines with the spaces between Chinese characters kept (`A部 B委 C局关于…`), where they line up.
  const spacedMain = spacedLines(main, spaced);
  let title = findTitle(main, settings.headerLines);
  const metadata = metadataTable(main);
  const found = findDocNumber(main, title, settings.headerLines) ?? metadata.docNumber;
  const letterhead = found ? spacedLetterhead(spacedMain[found.line]) : null;
  const docNumber = letterhead ? { ...found!, text: letterhead.number } : found;
  const signature = findSignature(main, spacedMain);
  const recipients = findRecipients(main, title);
  const printed = findPrinted(main);
  const kind = classify(model, title?.text ?? null, docNumber !== null, recipients.length > 0);
  // News and write-ups often have a headline that ends in no genre word: the short first line.
  if (!title && kind === 'deed') title = headline(main);
  const issuer =
    signature.issuer ??
    letterhead?.issuer ??
    headerIssuer(main, title, docNumber) ??
    textIssuer(spacedMain, title, kind) ??
    (kind === 'deed' ? conferringBody(main) : null) ??
    (kind === 'deed' ? textIssuer(spacedMain, title, kind, 3) : null) ??
    metadata.issuer;
  const date =
    signature.date ?? metadata.written ?? pageDate(main) ?? metadata.date ?? (kind === 'deed' ? leadDate(main) : null);
  return {
    kind,
    title: title?.text ?? null,
    titleLine: title?.line ?? null,
    docNumber: docNumber ? docNumber.text : null,
    issuer,
    date,
    recipients,
    evaluationYear: evaluationYear(main, title, kind),
    attachments: findAttachments(model),
    publicity: firstMatch(PUBLICITY_NOTE.pattern, main.map((l) => l.text).join('\n')),
    printedBy: printed?.by ?? null,
    printedDate: printed?.date ?? null,
  };
}

interface Metadata {
  written: string | null;
  date: string | null;
  issuer: string | null;
  docNumber: Found | null;
}

/**
 * A government site's metadata table: a row of labels (`索取号 | 发布时间 | 发布机构 | 文件编号`) and the row of
 * values under it, split alike (by `|`, tabs or runs of spaces); an empty value gives nothing.
 */
function metadataTable(lines: readonly ModelLine[]): Metadata {
  const none: Metadata = { written: null, date: null, issuer: null, docNumber: null };
  const cells = (text: string) =>
    text
      .split(/\s*[|｜\t]\s*|[ \u3000]{2,}/u)
      .map((cell) => cell.trim().replace(/[:：]$/u, ''))
      .filter((cell, i, all) => cell !== '' || (i > 0 && i < all.length - 1));
  const head = lines.filter((l) => l.text.trim() !== '').slice(0, 30);
  for (let i = 0; i + 1 < head.length; i++) {
    const labels = cells(head[i]!.text);
    const known = labels.filter((label) => Object.values(METADATA_LABELS).some((pattern) => pattern.test(label)));
    if (labels.length < 2 || known.length < 2) continue;
    const values = cells(head[i + 1]!.text);
    if (values.length !== labels.length) continue;
    const value = (key: keyof typeof METADATA_LABELS) => {
      const at = labels.findIndex((label) => METADATA_LABELS[key].test(label));
      return at >= 0 && values[at] ? values[at]! : null;
    };
    const isoOf = (text: string | null) =>
      text ? (findDates(text).find((d) => d.day !== null && !d.yearInferred)?.iso ?? null) : null;
    const issuer = value('issuer');
    const numberText = value('docNumber');
    const [number] = numberText ? findDocNumbers(numberText) : [];
    return {
      written: isoOf(value('written')),
      date: isoOf(value('date')),
      issuer: issuer && isOrgName(issuer) ? closeCjkSpaces(issuer) : null,
      docNumber: number
        ? { text: formatDocNumber(number), line: head[i + 1]!.index, offset: head[i + 1]!.start }
        : null,
    };
  }
  return none;
}

function firstMatch(pattern: RegExp, text: string): string | null {
  for (const match of matchAll(pattern, text)) return match[0];
  return null;
}

/** Lines that are boilerplate of a web page or a breadcrumb, never a title. */
function isNoise(text: string): boolean {
  return /[>|｜]|[:：]|^(?:位置|当前位置|首页|来源|发布时间|作者|浏览|点击)/u.test(text);
}

function findTitle(lines: readonly ModelLine[], headerLines: number): Found | null {
  const head = lines.filter((l) => l.text !== '').slice(0, headerLines);
  // 1. A title starting with 关于, possibly broken over lines.
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    const text = closeCjkSpaces(line.text);
    const at = text.indexOf('关于');
    if (at === -1 || /[。！？]/u.test(text.slice(0, at))) continue;
    const prefix = text.slice(0, at);
    if (prefix && !isOrgName(prefix) && text.length > 80) {
      const inline = inlineTitle(line.text);
      if (inline) return { text: closeCjkSpaces(inline.text), line: line.index, offset: line.start + inline.index };
      continue;
    }
    let title = text;
    let j = i;
    while (!GENRE_END.test(title) && j + 1 < head.length && j - i < 3) {
      const next = closeCjkSpaces(head[j + 1]!.text);
      if (next.length > 40 || /[。：:；，]/u.test(next)) break;
      title += next;
      j++;
    }
    if (GENRE_END.test(title) && title.length <= 120 && !/[。]/u.test(title)) {
      return { text: title, line: line.index, offset: line.start };
    }
    const inline = inlineTitle(line.text);
    if (inline) return { text: closeCjkSpaces(inline.text), line: line.index, offset: line.start + inline.index };
  }
  // 2. A short line ending in a genre: a roll (…名单), a write-up (…先进事迹).
  for (const line of head) {
    const text = closeCjkSpaces(line.text);
    if (text.length < 4 || text.length > 60 || /[。，,；]/u.test(text) || isNoise(text)) continue;
    if (/^(?:附件|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/u.test(text)) continue;
    if (GENRE_END.test(text) || ROLL_GENRES.test(text) || matches(DEED_TITLE.pattern, text)) {
      return { text, line: line.index, offset: line.start };
    }
  }
  return null;
}

/** The first line, if it is short, has no sentence punctuation, and a paragraph follows it. */
function headline(lines: readonly ModelLine[]): Found | null {
  const [first, ...rest] = lines.filter((l) => l.text !== '');
  // Pages repeat their headline (a title bar, then the article's own): the line after it is the next other one.
  const next = rest.find((l) => !FURNITURE.test(l.text) && l.text !== first?.text);
  if (!first || !next) return null;
  const text = closeCjkSpaces(first.text);
  if (text.length < 6 || text.length > 40 || /[。，,；;：:！？!?]/u.test(text) || isNoise(text)) return null;
  if (standaloneDate(text) || findDocNumbers(text).length > 0 || isOrgName(text)) return null;
  if (next.text.length <= 40) return null;
  return { text, line: first.index, offset: first.start };
}

function matches(pattern: RegExp, text: string): RegExpExecArray | null {
  for (const match of matchAll(pattern, text)) return match;
  return null;
}

function findDocNumber(lines: readonly ModelLine[], title: Found | null, headerLines: number): Found | null {
  const limit = title ? title.line + 4 : (lines[Math.min(headerLines, lines.length) - 1]?.index ?? 0);
  for (const line of lines) {
    if (line.index > limit) break;
    const [number] = findDocNumbers(line.text);
    // In the header the number stands on its own line (or beside 签发人).
    if (number && line.text.length - number.printed.length <= 20) {
      return { text: formatDocNumber(number), line: line.index, offset: line.start };
    }
    // Text copied without line breaks: the number opens the document, before its title.
    if (number && number.start <= 30 && line.text.length > 200 && !/[。，]/u.test(line.text.slice(0, number.start))) {
      return { text: formatDocNumber(number), line: line.index, offset: line.start + number.start };
    }
  }
  // After page furniture (a repeated title, an empty `文件编号：` field): a number alone on its line,
  // before the text begins.
  for (const line of lines.slice(0, headerLines * 2)) {
    if (/[。！？]/u.test(line.text)) break;
    const [number] = findDocNumbers(line.text);
    if (number && line.text.replace(/[\s（）()]/gu, '').length - number.printed.replace(/\s/gu, '').length <= 2) {
      return { text: formatDocNumber(number), line: line.index, offset: line.start };
    }
  }
  return null;
}

/** 成文日期 and the signature above it, at the end of the main text. */
function findSignature(
  lines: readonly ModelLine[],
  spaced: readonly ModelLine[] = lines,
): { issuer: string | null; date: string | null } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.text === '' || /印发|发布|打印|签发/u.test(line.text)) continue;
    let date = standaloneDate(line.text);
    let inlineIssuer: string | null = null;
    if (!date) {
      // `常州市武进区卫生健康局    2023年1月4日` on one line.
      const split = /^(\S.*?)[ \t\u3000]{2,}(\S.*)$/u.exec(line.text);
      if (split && isOrgName(split[1]!)) {
        date = standaloneDate(split[2]!);
        if (date) inlineIssuer = closeCjkSpaces(split[1]!);
      }
    }
    if (!date) continue;
    let issuer = inlineIssuer;
    for (let j = i - 1; j >= 0 && j >= i - 4 && !issuer; j--) {
      const above = lines[j]!.text;
      if (above === '') continue;
      const names = above.split(/[ \t\u3000]{2,}/u).filter(Boolean);
      if (names.length > 0 && names.every((name) => isOrgName(name))) {
        issuer = closeCjkSpaces(names[0]!);
        issuer = jointSignature(lines, spaced, j) ?? issuer;
      } else break;
    }
    return { issuer, date: date.iso };
  }
  // Text copied without line breaks: `…示例市卫生健康委员会 2023年1月4日` at the very end.
  const last = [...lines].reverse().find((l) => l.text !== '');
  if (last && last.text.length > 200) {
    const dates = findDates(last.text.slice(-24));
    const date = dates[dates.length - 1];
    if (date && date.day !== null && !date.yearInferred && /^[\s）)]*$/u.test(last.text.slice(-24).slice(date.end))) {
      const before = last.text.slice(0, last.text.length - 24 + date.start).replace(/[\s\u3000]+$/u, '');
      let issuer: string | null = null;
      for (let length = 3; length <= 30 && length <= before.length; length++) {
        const candidate = before.slice(-length);
        if (/^[。，；：！？\s]/u.test(candidate)) break;
        if (isOrgName(candidate)) issuer = candidate;
      }
      return { issuer, date: date.iso };
    }
  }
  // A labelled date in the header: 发文日期：中华民国107年7月17日.
  for (const line of lines.slice(0, 20)) {
    const labelled = /^(?:发文日期|成文日期|日期)[:：]\s*(.+)$/u.exec(line.text);
    const date = labelled ? standaloneDate(labelled[1]!.replace(/^中华/u, '')) : null;
    if (date) return { issuer: null, date: date.iso };
  }
  return { issuer: null, date: null };
}

/**
 * Several bodies signing together, from the signature line nearest the date (`at`) upwards: one to
 * a line (`示例市卫生局` / `共青团示例市委员会`), or side by side (`示例市委组织部 示例市卫生健康委党组`).
 * Up to three lines, and only when the line above them is not one more name (then they are a list).
 */
function jointSignature(lines: readonly ModelLine[], spaced: readonly ModelLine[], at: number): string | null {
  const names: string[] = [];
  let j = at;
  for (; j >= 0 && at - j < 3; j--) {
    const text = lines[j]!.text;
    if (text === '' || !isOrgName(text.split(/[ \t\u3000]{2,}/u)[0]!)) break;
    const side = sideBySide(spaced[j]!.text);
    names.unshift(
      ...(side ??
        text
          .split(/[ \t\u3000]{2,}/u)
          .filter(Boolean)
          .map(closeCjkSpaces)),
    );
  }
  if (j >= 0 && lines[j]!.text !== '' && isOrgName(lines[j]!.text)) return null;
  return names.length > 1 ? names.join('、') : null;
}

/** Names printed side by side on one line, each a body's name of at least four characters. */
function sideBySide(text: string): string[] | null {
  const parts = text.split(/[ \t\u3000]+/u).filter(Boolean);
  if (parts.length < 2 || !parts.every((part) => part.length >= 4 && isOrgName(part))) return null;
  return parts;
}

/**
 * A letterhead printed in spaced characters on the 发文字号's line, `示 例 省 卫 生 厅 示卫人(2012)56号`:
 * the body, and the number without it (closing the spaces would run the two together).
 */
function spacedLetterhead(line: ModelLine | undefined): { issuer: string; number: string } | null {
  const spaced = /^((?:\p{Script=Han}[ \t\u3000]+){2,39}\p{Script=Han})[ \t\u3000]+(\S.*)$/u.exec(line?.text ?? '');
  if (!spaced) return null;
  const issuer = closeCjkSpaces(spaced[1]!);
  const [number] = findDocNumbers(spaced[2]!);
  if (!number || number.start !== 0 || !isOrgName(issuer) || NOT_ISSUER.test(issuer)) return null;
  return { issuer, number: formatDocNumber(number) };
}

/** The lines of the spaced text where they line up with `lines` (the same text but for spaces). */
function spacedLines(lines: readonly ModelLine[], spaced: DocumentModel | null): ModelLine[] {
  const squeeze = (text: string) => text.replace(/[\s\u3000]+/gu, '');
  return lines.map((line) => {
    const twin = spaced?.lines[line.index];
    return twin && squeeze(twin.text) === squeeze(line.text) ? twin : line;
  });
}

/** The page's publication date: a labelled byline date, the crawler's ` date ` prefix, a dated furniture line. */
function pageDate(lines: readonly ModelLine[]): string | null {
  for (const line of lines) {
    for (const label of matchAll(PAGE_DATE_LABEL.pattern, line.text)) {
      const rest = line.text.slice(label.index + label[0].length);
      const [date] = findDates(rest);
      if (!date || date.start !== 0 || date.day === null || date.yearInferred) continue;
      if (RANGE_AFTER.test(rest.slice(date.end))) continue;
      // A bare 时间：/日期： label only before a date in figures, as bylines print it.
      if (/^[\s|｜】\]]?(?:时间|日期|時間)[:：]/u.test(label[0]) && !NUMERIC_DATE.test(date.text)) continue;
      return date.iso;
    }
  }
  const first = lines.find((l) => l.text !== '');
  if (first) {
    for (const prefix of matchAll(PAGE_DATE_PREFIX.pattern, first.text)) {
      const [date] = findDates(first.text.slice(prefix[0].length));
      if (date && date.start === 0) return date.iso;
    }
  }
  // A short line of furniture with one date in figures: `2020/12/29 18:10`, `示例网 2017-05-07`, `标题 ( 2021-03-02)`.
  for (const line of lines.filter((l) => l.text !== '').slice(0, 40)) {
    const text = line.text;
    if (text.length > 80 || /[。，,；;！？!?|｜]/u.test(text)) continue;
    const dates = findDates(text);
    if (dates.length !== 1) continue;
    const [date] = dates;
    if (date!.day === null || date!.yearInferred || !NUMERIC_DATE.test(date!.text)) continue;
    if (RANGE_AFTER.test(text.slice(date!.end)) || /(?:至|到|[—–~～-])[ \t\u3000]*$/u.test(text.slice(0, date!.start)))
      continue;
    return date!.iso;
  }
  return null;
}

const ISSUER_SUFFIX_PATTERN = new RegExp(`(?:${ISSUER_SUFFIXES.join('|')})$`, 'u');
const LOOSE_SUFFIX_PATTERN = new RegExp(`(?:${LOOSE_SUFFIXES.join('|')})$`, 'u');

/** Whether a part of a run of bodies reads as a body's name (`loose`: also a paper, a site, an association). */
function isIssuerName(part: string, loose: boolean): boolean {
  const value = part.replace(/[《》]/gu, '');
  if (value.length < 3 || value.length > 40 || !/^[\p{Script=Han}（）()·]+$/u.test(value)) return false;
  if (NOT_ISSUER.test(value)) return false;
  return isOrgName(value) || ISSUER_SUFFIX_PATTERN.test(value) || (loose && LOOSE_SUFFIX_PATTERN.test(value));
}

/** A run of bodies (`A、B和C`, `A B C`) as `A、B、C`, or null when a part is not a body's name. */
function splitBodies(run: string, loose: boolean): string | null {
  const text = run.trim().replace(/^由/u, '').replace(ISSUER_LEAD, '').replace(/等$/u, '').trim();
  const parts: string[] = [];
  for (const piece of text.split(/[、\s\u3000]+/u).filter(Boolean)) {
    // `A和B` is two bodies when both halves are names (人力资源和社会保障部 is one).
    const pieces = piece.split(/[和及与]/u);
    if (pieces.length > 1 && pieces.every((p) => isIssuerName(p, loose))) {
      parts.push(...pieces);
      continue;
    }
    if (isIssuerName(piece, loose)) {
      parts.push(piece);
      continue;
    }
    return null;
  }
  if (parts.length === 0 || parts.length > 8) return null;
  return parts.map((part) => part.replace(/^《([^《》]+)》$/u, '$1')).join('、');
}

/**
 * The issuer from the text, when no signature or letterhead names it: the earliest run of bodies that
 * a pattern of the first tier finds (`由A、B主办`, `A、B决定，授予…`), else of the second (`A举行表彰大会`);
 * on a notice, its page's `来源：` field or the site it is printed on. `onlyTier` 3: a news source only.
 */
function textIssuer(lines: readonly ModelLine[], title: Found | null, kind: string, onlyTier?: 3): string | null {
  if (onlyTier === 3) return firstBodies(lines, 3);
  if (kind === 'announcement') {
    const source = sourceField(lines);
    if (source) return source;
  }
  // A notice that forwards another names the forwarded one's issuer in its text, not its own.
  if (!(title && /转发/u.test(title.text))) {
    const found = firstBodies(lines, 1) ?? firstBodies(lines, 2);
    if (found) return found;
  }
  if (kind === 'announcement') {
    const first = lines.find((l) => l.text !== '');
    for (const match of first ? matchAll(SITE_OWNER.pattern, first.text) : []) {
      if (isIssuerName(match[1]!, false)) return match[1]!;
    }
  }
  return null;
}

function firstBodies(lines: readonly ModelLine[], tier: 1 | 2 | 3): string | null {
  const patterns = ISSUER_PATTERNS.filter((p) => p.tier === tier);
  for (const line of lines) {
    let best: { at: number; bodies: string } | null = null;
    for (const { pattern, loose } of patterns) {
      for (const match of matchAll(pattern, line.text)) {
        const at = match.index + match[0].indexOf(match[1]!);
        if (best && best.at <= at) break;
        const bodies = splitBodies(match[1]!, loose) ?? splitBodies(closeCjkSpaces(match[1]!), loose);
        if (bodies) {
          best = { at, bodies };
          break;
        }
      }
    }
    if (best) return best.bodies;
  }
  return null;
}

/** A notice page's `来源：示例市卫生局` field, in the first lines. */
function sourceField(lines: readonly ModelLine[]): string | null {
  for (const line of lines.filter((l) => l.text !== '').slice(0, 30)) {
    for (const match of matchAll(SOURCE_FIELD.pattern, line.text)) {
      const name = closeCjkSpaces(match[1]!);
      if (isOrgName(name) && !NOT_ISSUER.test(name)) return name;
    }
  }
  return null;
}

/** The issuer printed above the 发文字号 (红头): `许昌市卫生健康委员会`, `…文件`; else the title's prefix. */
function headerIssuer(lines: readonly ModelLine[], title: Found | null, docNumber: Found | null): string | null {
  const limit = docNumber?.line ?? title?.line ?? -1;
  for (const line of lines) {
    if (line.index === docNumber?.line) {
      // A letterhead spaced out on the number's line: `示 例 省 卫 生 厅 示卫人(2012)56号`.
      const [number] = findDocNumbers(line.text);
      const before = number ? closeCjkSpaces(line.text.slice(0, number.start)) : '';
      if (isOrgName(before) && !NOT_ISSUER.test(before)) return before;
    }
    if (line.index >= limit) break;
    const text = closeCjkSpaces(line.text).replace(/文件$/u, '');
    if (isOrgName(text) && !NOT_ISSUER.test(text)) return text;
  }
  if (title) {
    const at = title.text.indexOf('关于');
    // A column name may run into the title: `征文|示例县人民医院关于开展…`.
    const prefix =
      at > 0
        ? title.text
            .slice(0, at)
            .split(/[|｜】\]]/u)
            .pop()!
        : '';
    if (isOrgName(prefix)) return splitGlued(prefix)?.join('、') ?? prefix;
  }
  return null;
}

/** Departments that never issue a joint document on their own name: `办公室` in `示例市卫生局办公室`. */
const SUB_UNIT = /^(?:办公室|办公厅|党委|党组|总支|支部|[\p{Script=Han}]{1,2}[处科室])$/u;

/**
 * Short names of bodies run together without a separator, as a joint title prints them when its spaces
 * are lost: `人社部卫计委国家中医药局` → 人社部、卫计委、国家中医药局. Only short names (up to six characters)
 * are split, and only when every part reads as a body of its own, so that `示例市卫生局办公室` and a
 * commission's bureau stay whole. `null` when the text is not such a run.
 */
export function splitGlued(text: string): string[] | null {
  const body = (part: string) => part.length >= 3 && part.length <= 6 && isOrgName(part) && !SUB_UNIT.test(part);
  const split = (rest: string, depth: number): string[] | null => {
    if (depth > 6) return null;
    for (let end = 3; end <= Math.min(6, rest.length); end++) {
      const head = rest.slice(0, end);
      if (!body(head)) continue;
      if (end === rest.length) return [head];
      const tail = split(rest.slice(end), depth + 1);
      if (tail) return [head, ...tail];
    }
    return null;
  };
  const parts = split(text, 0);
  return parts && parts.length >= 2 ? parts : null;
}

/** Lines of page furniture on news pages. */
const FURNITURE = /^(?:来源|发布|作者|编辑|时间|日期|浏览|点击|位置|当前位置)|发布时间|浏览次数/u;

/** The first paragraph of prose: long, and not a line of page furniture (来源：… 发布时间：…). */
function leadParagraph(lines: readonly ModelLine[]): ModelLine | undefined {
  return lines.find((l) => l.text.length > 20 && !FURNITURE.test(l.text));
}

/** For news of an honour: the body that held the meeting or issued the decision, from the lead sentence. */
function conferringBody(lines: readonly ModelLine[]): string | null {
  const lead = leadParagraph(lines);
  if (!lead) return null;
  const sentence = lead.text.split(/[。！？]/u)[0]!;
  for (const match of matchAll(CONFERRING_BODY.pattern, sentence)) {
    const candidate = match[1]!.replace(/^.*?日/u, '');
    // `…日前受到卫生部`, `…报告会在示例剧院` are not a body's name.
    if (isOrgName(candidate) && !NOT_ISSUER.test(candidate) && !/受到|被|在/u.test(candidate)) return candidate;
  }
  return null;
}

/** For news: the date that opens the lead (`2020年6月11日，…`). */
function leadDate(lines: readonly ModelLine[]): string | null {
  const lead = leadParagraph(lines);
  if (!lead) return null;
  const [first] = findDates(lead.text);
  if (!first || first.start > 2 || first.day === null) return null;
  return first.iso;
}

function findRecipients(lines: readonly ModelLine[], title: Found | null): string[] {
  const from = title ? title.line : 0;
  const candidates = lines.filter((l) => l.index >= from && l.text !== '').slice(0, 8);
  for (const line of candidates) {
    let text = line.text;
    if (title && line.index === title.line) {
      // The title may run on into the recipients on one line (pages copied from sharing sites).
      const at = text.indexOf(title.text.slice(-6));
      if (at === -1) continue;
      text = text.slice(at + title.text.slice(-6).length).trim();
      if (!text) continue;
    }
    const colon = text.search(/[：:]/u);
    if (colon <= 0) continue;
    const head = text.slice(0, colon);
    const rest = text.slice(colon + 1).trim();
    if (/[。！？]|如下|附件|^(?:根据|为|按照)/u.test(head) || head.length > 200) continue;
    // A sentence that introduces a list (`记者从…获悉，…，他们是：`) is not an address line.
    if (/[“”]|获悉|他们是|分别是|分别为|名单|产生|包括/u.test(head)) continue;
    // A numbered heading with its gist (`一、扎根基层，以院为家：…`) is not an address line.
    if (/^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.、．])/u.test(head))
      continue;
    if (rest !== '' && !(title && line.index === title.line) && rest.length < 10) continue;
    if (!/^(?:各|全|市|省|区|县|州|中|国|有关)|单位|机构|委|局|院|中心|部门/u.test(head)) continue;
    return splitOutsideBrackets(head)
      .map(closeCjkSpaces)
      .filter((r) => r.length >= 2);
  }
  return [];
}

/** `常州市武进区卫生健康局办公室    2023年1月 4日印发`. */
function findPrinted(lines: readonly ModelLine[]): { by: string | null; date: string | null } | null {
  for (const line of lines) {
    if (!/印发$/u.test(line.text)) continue;
    const [date] = findDates(line.text);
    if (!date) continue;
    const by = closeCjkSpaces(line.text.slice(0, date.start));
    return { by: isOrgName(by) ? by : null, date: date.day === null ? null : date.iso };
  }
  return null;
}

function evaluationYear(lines: readonly ModelLine[], title: Found | null, kind: string): number | null {
  const inTitle = title ? firstMatchGroup(EVALUATION_YEAR.pattern, title.text) : null;
  if (inTitle) return Number(inTitle);
  if (kind === 'deed') return null;
  const opening = lines
    .slice(0, 30)
    .map((l) => l.text)
    .join('\n')
    .slice(0, 800);
  // Only a year of what is being evaluated: 开展2022年度…评选, not 根据2021年度考核结果.
  for (const sentence of opening.split(/[。；，,\n]/u)) {
    if (!/评选|表彰|推荐|推选|评比|评先|先进|优秀/u.test(sentence) || /考核|决算|预算|统计/u.test(sentence)) continue;
    const found = firstMatchGroup(EVALUATION_YEAR.pattern, sentence);
    if (found) return Number(found);
  }
  return null;
}

function firstMatchGroup(pattern: RegExp, text: string): string | null {
  for (const match of matchAll(pattern, text)) return match[1] ?? null;
  return null;
}

const ATTACHMENT_LIST = /^附\s*件\s*[:：]\s*(.*)$/u;
const NUMBERED_ITEM = /^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*[.、．:：]\s*(.+)$/u;
const ATTACHMENT_HEADING = /^附\s*件\s*([0-9０-９一二三四五六七八九十]{1,2})\s*[:：]?\s*(.*)$/u;

function cleanAttachment(text: string): string {
  return closeCjkSpaces(text)
    .replace(/^《(.+)》$/u, '$1')
    .replace(/\s*\.(?:docx?|xlsx?|pdf|wps|et)$/iu, '')
    .replace(/[。；;，,]$/u, '');
}

/** `附件：1.…` with the numbered lines after it; else the `附件1` headings and the caption under each. */
function findAttachments(model: DocumentModel): string[] {
  const lines = model.lines;
  for (let i = 0; i < model.attachmentsStart; i++) {
    const list = ATTACHMENT_LIST.exec(lines[i]!.text);
    if (!list) continue;
    const items: string[] = [];
    const first = list[1]!.trim();
    // Several numbered items on the line itself: 附件：1.… 2.…
    for (const part of first ? first.split(/[\s\u3000]+(?=[0-9０-９]{1,2}\s*[.、．])/u) : []) {
      items.push(NUMBERED_ITEM.exec(part)?.[1] ?? part);
    }
    for (let j = i + 1; j < lines.length && j < i + 30; j++) {
      const text = lines[j]!.text;
      if (text === '') continue;
      const item = NUMBERED_ITEM.exec(text);
      if (!item || !first || !NUMBERED_ITEM.test(first)) break;
      items.push(item[1]!);
    }
    return items.map(cleanAttachment).filter(Boolean);
  }
  const items: string[] = [];
  for (let i = model.attachmentsStart; i < lines.length; i++) {
    const heading = ATTACHMENT_HEADING.exec(lines[i]!.text);
    if (!heading) continue;
    let caption = heading[2]!.trim();
    for (let j = i + 1; !caption && j < lines.length && j < i + 4; j++) caption = lines[j]!.text;
    if (caption) items.push(cleanAttachment(caption));
  }
  return items;
}

/** announcement, roll or deed, from the title and the header. */
function classify(
  model: DocumentModel,
  title: string | null,
  hasDocNumber: boolean,
  hasRecipients: boolean,
): ExtractResult['kind'] {
  if (title && ROLL_GENRES.test(title) && !/^关于/u.test(title)) return 'roll';
  if (title && matches(DEED_TITLE.pattern, title)) return 'deed';
  if (title && /事迹(?:材料|简介)?(?:的报告)?$/u.test(title)) return 'deed';
  if (hasDocNumber || hasRecipients) return 'announcement';
  if (title && /^(?:.{0,30}关于)/u.test(title) && GENRE_END.test(title)) return 'announcement';
  if (title && GENRE_END.test(title) && !ROLL_GENRES.test(title)) return 'announcement';
  const opening = model.lines.slice(0, 10);
  if (opening.some((l) => matches(DEED_SUBTITLE.pattern, l.text))) return 'deed';
  // No title or header decides: a notice still sets out its terms with `现将…如下`.
  if (opening.some((l) => matches(ANNOUNCEMENT_FORMULA.pattern, l.text))) return 'announcement';
  return 'deed';
}
