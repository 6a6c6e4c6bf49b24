/**
 * Extraction: what a write-up or a piece of news is about — the subject (a person or a
 * unit) and its unit, the honours it names, and masked words and broken years a reader must check.
 *
 *   示例市卫生局先进事迹 / …被卫生部评为“全国卫生应急先进集体”…荣获河南省文明单位等荣誉称号
 *     →  subject { name: '示例市卫生局', type: 'unit' }, honours ['全国卫生应急先进集体', '河南省文明单位']
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  BROKEN_YEAR,
  DEED_REPORT,
  DEED_SUBTITLE,
  DEED_TITLE,
  HONOUREE_CLAUSE,
  HONOUREE_LEAD,
  HONOUR_IN_PROSE,
  HONOUR_KEYWORDS,
  HONOUR_VERBS,
  PLACEHOLDER_TOKEN,
  POST_WORDS,
  SURNAMES,
} from './data/extraction.ts';
import { matchAll } from '../patterns.ts';
import { closeCjkSpaces, extractMessage, isOrgName, modelOf, type DocumentModel, type ModelLine } from './model.ts';
import { isPersonName, unitOf } from './names.ts';
import { extractOf, type ExtractResult } from './types.ts';

export interface Options {
  /** The longest honour title read, in characters. Default 40. */
  maxHonourLength?: number;
}

const DEFAULTS: Readonly<Required<Options>> = Object.freeze({ maxHonourLength: 40 });

/** As a unified plugin. */
export function extractDeed(options: Options = {}) {
  const settings = { ...DEFAULTS, ...options };
  return (_tree: Root, file: VFile): void => {
    const model = modelOf(file);
    const result = extractOf(file);
    result.honours = findHonours(model.text, settings.maxHonourLength);
    result.placeholders = unique(model.text, PLACEHOLDER_TOKEN.pattern);
    result.brokenYears = unique(model.text, BROKEN_YEAR.pattern);
    // News that names three or more people or units honoured (`示例省3个集体、9名医护人员获表彰`), or two
    // that its title counts, is a roll, not a write-up about one of them.
    if (result.kind === 'deed' && isNewsOfARoll(result, model)) result.kind = 'roll';
    if (result.kind === 'deed') {
      const subject = findSubject(model, result);
      result.subject = subject?.subject ?? null;
      result.subjectType = subject?.subject.type ?? null;
      result.unit = subject?.unit ?? null;
      // The subject of a write-up or of news of an honour is its awardee.
      if (subject && !result.awardees.some((a) => a.name === subject.subject.name)) {
        result.awardees.unshift({ name: subject.subject.name, unit: subject.unit, category: null });
      }
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

function isNewsOfARoll(result: ExtractResult, model: DocumentModel): boolean {
  const names = [...new Set(result.awardees.map((a) => a.name))];
  if (names.length < 2) return false;
  // The headline, else the first sentence: news of one subject's honour names that subject there.
  const lead = model.lines.slice(0, 12).find((l) => /获|授予|评为|表彰|入选/u.test(l.text));
  const opening = closeCjkSpaces(result.title ?? lead?.text.split(/[。！？]/u)[0] ?? '');
  const named = names.filter((name) => opening.includes(name)).length;
  if (named >= 2) return true;
  return names.length >= 3 && named === 0 && honouree(opening) === null;
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
      .replace(/(?:等)$/u, '')
      .replace(/(?<=.{4})(?:荣誉)?称号$/u, '');
    if (title.length < 4 || title.length > maxLength || !HONOUR_KEYWORDS.test(title)) return;
    // `获得多项荣誉称号` names no honour.
    if (/^(?:多项|多个|多种|各项|各类|诸多|众多|一系列|一批|若干|这一|该项|此项)/u.test(title)) return;
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

/**
 * The subject, from what names it plainly, in this order: the title or subtitle (`示例市卫生局先进事迹`,
 * `——记示例医院护士长李静同志`); a clause that says who was honoured (`…主任王芳被授予“…”称号`), in the
 * title, then the first paragraphs; a report meeting on someone's deeds; a profile that opens with its
 * subject (`李静，女，…`, `王芳，这位…`); a lead that opens with a unit (`示例卫生所以…模式…荣获…`); and last
 * a name the write-up keeps returning to at the start of its sentences. Nothing is guessed beyond that.
 */
function subjectAsRead(model: DocumentModel, result: ExtractResult): FoundSubject | null {
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
    if (dashed) candidates.push(dashed[1]!, dashed[1]!.split(/[“”「」『』、，,]/u).pop()!);
  }
  // A headline that opens with a name and a colon (`王钟农：34年扎根深山`), read as a title or not.
  const firstLine = model.lines.find((l) => l.text.trim())?.text.trim() ?? '';
  const namedLine = /^([\p{Script=Han}]{2,4})[：:]/u.exec(firstLine);
  if (namedLine && isPersonName(namedLine[1]!)) candidates.push(namedLine[1]!);
  for (const candidate of candidates) {
    const text = closeCjkSpaces(candidate);
    const found = readSubject(text) ?? orgPrefix(text);
    if (found) return found;
  }
  const lines = model.lines.filter((l) => l.text.trim() !== '');
  const titleLine = result.title ? lines.find((l) => closeCjkSpaces(l.text).includes(result.title!)) : undefined;
  const paragraphs = lines.filter((l) => l.text.length > 20 && l !== titleLine).slice(0, 5);
  const reading = [
    ...(titleLine ? [titleLine] : []),
    ...lines.slice(0, 12).filter((l) => l.text.length <= 20),
    ...paragraphs,
  ];
  // The headline may not have been read as a title: the short lines that open the page come first.
  const opening = lines.slice(0, 6).filter((l) => l.text.length <= 40 && l !== titleLine);
  for (const line of [titleLine, ...opening, ...paragraphs]) {
    const found = line && honouree(closeCjkSpaces(line.text));
    if (found) return found;
  }
  for (const line of reading) {
    for (const match of matchAll(DEED_REPORT.pattern, closeCjkSpaces(line.text))) {
      const found = readLoosely(match[1]!);
      if (found) return found;
    }
  }
  for (const line of [titleLine, ...opening, ...paragraphs]) {
    const found = line && honouredAfter(closeCjkSpaces(line.text));
    if (found) return found;
  }
  return profileOpening(paragraphs[0]) ?? leadUnit(paragraphs) ?? recurringName(model.text);
}

/** The subject, with a unit named in full where the text names it so (`我市疾控中心` → `示例市疾控中心`). */
function findSubject(model: DocumentModel, result: ExtractResult): FoundSubject | null {
  const found = subjectAsRead(model, result);
  if (!found || found.subject.type !== 'unit') return found;
  return { ...found, subject: { ...found.subject, name: fullUnitName(found.subject.name, model.text) } };
}

/** The longest name in `text` that is `name` after a place (`莆田市` + `疾病预防控制中心`), else `name`. */
function fullUnitName(name: string, text: string): string {
  let best = name;
  for (const match of text.matchAll(new RegExp(`([\\p{Script=Han}]{1,10}?)${escapeRegExp(name)}`, 'gu'))) {
    // The place the name starts with: 示例市, 市 (the page's own city, as printed), never 我市 or 该.
    const place = /(?:[\p{Script=Han}]{1,8}(?:省|市|县|区|旗|州|盟)|^市|^县|^区)$/u.exec(match[1]!)?.[0];
    if (!place || /[我该本这其]/u.test(place)) continue;
    const candidate = place + name;
    if (candidate.length > best.length && isOrgName(candidate)) best = candidate;
  }
  return best;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The honour first, then who: `…获得“全国优秀乡村医生”称号的王钟农`. */
function honouredAfter(text: string): FoundSubject | null {
  const match =
    /(?:获得|荣获|获评|被授予|被评为)[“「][^”」]{2,40}[”」](?:荣誉)?(?:称号|奖)?的([\p{Script=Han}]{2,4}?)(?:同志)?(?=[。，,！!；;]|$)/u.exec(
      text,
    );
  return match && isPersonName(match[1]!) ? { subject: { name: match[1]!, type: 'person' }, unit: null } : null;
}

/** Who an honour clause names: the text before 荣获/被授予 when an honour follows the verb. */
function honouree(text: string): FoundSubject | null {
  for (const match of matchAll(HONOUREE_CLAUSE.pattern, text)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40).split(/[。；;\n]/u)[0]!;
    if (!/[“「『"]/u.test(after) && !HONOUR_KEYWORDS.test(after)) continue;
    const found = readLoosely(match[1]!);
    if (found) return found;
  }
  return null;
}

/** A clause's who, without the words that open it (我院, 近日, 热烈祝贺) and what comes before a 的. */
function readLoosely(clause: string): FoundSubject | null {
  const value = clause.replace(HONOUREE_LEAD, '').replace(/^.*的/u, '');
  if (value.length < 2) return null;
  const strict = readSubject(value);
  if (strict) return strict;
  // A name, then the post: `陈仲强院长`.
  for (const length of [3, 2]) {
    const name = value.slice(0, length);
    const rest = value.slice(length);
    if (rest && isPersonName(name) && TITLE_POST.test(rest)) {
      return { subject: { name, type: 'person' }, unit: null };
    }
  }
  for (const length of [3, 2]) {
    const name = value.slice(-length);
    const rest = value.slice(0, -length);
    if (!isPersonName(name)) continue;
    // The name follows a post (主管护师沈福敏) or stands alone; a unit before the post is kept when it reads as one.
    if (rest === '') return { subject: { name, type: 'person' }, unit: null };
    if (POST_WORDS.test(rest)) return { subject: { name, type: 'person' }, unit: unitOf(rest) };
  }
  return orgPrefix(value);
}

/** Posts that follow a name as a title (`陈仲强院长`), unlike occupations (`林州乡村医生` is a place and a job). */
const TITLE_POST =
  /^(?:副?院长|副?主任(?:医师|护师)?|副?护士长|护理长|副?所长|副?站长|副?书记|副?局长|副?科长|教授|主治医师|同志)$/u;

/** The longest start of `text` that is a unit's name, when what follows is not a name: `市疾控中心抗击疫情…`. */
function orgPrefix(text: string): FoundSubject | null {
  const value = text.replace(/^.*记/u, '');
  for (let end = Math.min(value.length, 30); end >= 5; end--) {
    const head = value.slice(0, end);
    if (!isOrgName(head)) continue;
    // A unit and a post with no name (`示例医院护士长的先进事迹`): the subject is a person the text does not name here.
    if (POST_WORDS.test(value.slice(end).replace(/的?(?:先进|典型|主要)?事迹.*$|的$/u, ''))) return null;
    return { subject: { name: head, type: 'unit' }, unit: null };
  }
  return null;
}

/** `李静，女，中共党员，示例县人民医院护士长。` · `王芳，这位扎根基层三十年的…` · a masked `xxx，19xx年参加工作`. */
function profileOpening(opening: ModelLine | undefined): FoundSubject | null {
  if (!opening) return null;
  // `示例县田西村卫生所所长郭伏兴，1973年…从医至今`: a unit, a post and a name, then a life.
  const [first, second] = opening.text.trim().split(/[，,]/u);
  if (first && second && /^(?:[0-9]{4}年|[0-9]{2,4}岁|男|女|出生|生于|从医|参加工作|现任|中共党员)/u.test(second)) {
    const person = readLoosely(closeCjkSpaces(first));
    if (person?.subject.type === 'person' && person.unit) return person;
  }
  const lead = /^([\p{Script=Han}]{2,3}|[xX×＊*]{2,3}|某某)(?:同志)?[，,]/u.exec(opening.text.trim());
  if (!lead) return null;
  const name = lead[1]!;
  if (!isPersonName(name) && !/^(?:[xX×＊*]{2,3}|某某)$/u.test(name)) return null;
  const sentence = opening.text.split(/[。；]/u)[0]!;
  const unit = sentence
    .split(/[，,]/u)
    .map((part) => part.replace(/^(?:现任|系|为|是|任|在)/u, ''))
    .map(unitOf)
    .find((u) => u);
  return { subject: { name, type: 'person' }, unit: unit ?? null };
}

/** A lead whose first clause opens with a unit: `自…以来，县疾病预防控制中心充分发挥…`, `示例卫生所以…`. */
function leadUnit(paragraphs: readonly ModelLine[]): FoundSubject | null {
  const first = paragraphs[0];
  if (!first) return null;
  const clauses = first.text
    .replace(/^\s*date\s+[0-9-]+\s*/u, '')
    .split(/[。！？]/u)[0]!
    .split(/[，,]/u)
    .slice(0, 3);
  for (const clause of clauses) {
    const text = closeCjkSpaces(clause);
    // The shortest start that is a unit: the text after it is what the unit did.
    for (let end = 4; end <= Math.min(text.length - 1, 24); end++) {
      const head = text.slice(0, end);
      if (
        isOrgName(head) &&
        /^(?:以|在|于|自|坚持|始终|充分|积极|全力|认真|多年|近年|一直|勇于|敢于)/u.test(text.slice(end))
      ) {
        return { subject: { name: head, type: 'unit' }, unit: null };
      }
    }
  }
  return null;
}

/**
 * A person's name the write-up keeps opening its sentences with (`胡贤林不计个人得失，…。胡贤林医德高尚…`):
 * a surname and one or two characters, at the start of three or more sentences, always followed by
 * something else than the same character (which would make it part of a longer word).
 */
function recurringName(text: string): FoundSubject | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/(?:^|[。！？\n])\s*([\p{Script=Han}]{3})/gmu)) {
    const name = match[1]!;
    if (SURNAMES.has(name[0]!) && isPersonName(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // A name is followed by many different words; a word's start (卫生福 of 卫生福利部) by one.
  const followers = (name: string) => new Set([...text.matchAll(new RegExp(`${name}(.)`, 'gu'))].map((m) => m[1])).size;
  const [best] = [...counts].filter(([name, count]) => count >= 3 && followers(name) >= 3).sort((a, b) => b[1] - a[1]);
  if (!best) return null;
  const everywhere = text.split(best[0]).length - 1;
  return everywhere >= 4 ? { subject: { name: best[0], type: 'person' }, unit: null } : null;
}

export function readSubject(text: string): FoundSubject | null {
  const value = text.replace(/(?:同志)$/u, '');
  if (isOrgName(value)) return { subject: { name: value, type: 'unit' }, unit: null };
  if (isPersonName(value)) return { subject: { name: value, type: 'person' }, unit: null };
  for (const length of [3, 2, 4]) {
    const name = value.slice(-length);
    if (!isPersonName(name)) continue;
    const unit = value.slice(0, -length).replace(/同志$/u, '').replace(POST_WORDS, '').replace(POST_WORDS, '');
    if (isOrgName(unit)) return { subject: { name, type: 'person' }, unit };
  }
  return null;
}
