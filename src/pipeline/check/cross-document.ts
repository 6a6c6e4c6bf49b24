/**
 * Checks that look across files, after every file has been processed:
 *
 * - `references`: a deed's announcement and roll exist, and so do a decision's notice and a
 *   roll's decision; an awardee whose deed exists is linked to it (`file.data.awardeeDeeds` on
 *   the roll, `file.data.rollEntry` on the deed);
 * - `duplicates`: the same person (name + unit) twice in one roll; two deeds for one subject and year;
 * - `unknown-unit`: a unit missing from `content/units.yaml`, with the nearest name or alias;
 * - `word-limit`: a deed's 字数 against the limit of the announcement it answers;
 * - `year-mismatch`: a deed's `year` against its roll's (the page shows one year, the roll's);
 * - `unattached-deed`: a deed with no honour, no roll and no announcement (nothing says what it is for).
 *
 * Messages go on the entries' own files, so that each file lists all its problems.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Unit } from '../../model/schemas/unit.ts';
import { formatPath, frontmatterStrings, type PointLike } from './helpers.ts';
import { checkConfigFor, finishChecks } from './checks.ts';
import { mapToSource } from '../normalise/normalise.ts';
import { findPersonalData, privacyRule } from './rules/privacy.ts';
import {
  duplicatesRule,
  referencesRule,
  unattachedDeedRule,
  unknownUnitRule,
  yearMismatchRule,
} from './rules/cross-document.ts';
import type { ProjectEntry } from '../process-document.ts';
import { checkWordLimit, overflowPoint, type WordCountData } from './rules/word-limit.ts';
import type { PipelineContext } from '../types.ts';

/** One awardee of a roll linked to the deed about them. */
export interface AwardeeDeed {
  /** Index of the category in `categories`. */
  category: number;
  /** Index of the awardee in the category's `awardees`. */
  awardee: number;
  name: string;
  /** The deed's id: `2023/li-jing`. */
  deed: string;
}

declare module 'vfile' {
  interface DataMap {
    /** On a roll: the awardees that have a deed. */
    awardeeDeeds: AwardeeDeed[];
    /** On a deed: where its subject is listed. */
    rollEntry: { roll: string; category: number; awardee: number };
  }
}

interface DeedData {
  subject?: { name?: string; type?: string };
  honours?: string[];
  unit?: string;
  year?: number;
  roll?: string;
  announcement?: string;
  wordLimit?: number;
}

interface RollData {
  issuer?: string;
  decision?: string;
  year?: number;
  categories?: Array<{ name: string; subjectType?: string; awardees: Array<{ name: string; unit?: string }> }>;
}

interface AnnouncementData {
  issuer?: string;
  docNumber?: string;
  title?: string;
  notice?: string;
  wordLimits?: Array<{ limit: number; kind: 'max' | 'min' | 'approx'; appliesTo: string | null }>;
}

export function projectChecks(entries: readonly ProjectEntry[], context: PipelineContext): VFile[] {
  const byCollection = {
    announcements: new Map<string, ProjectEntry>(),
    rolls: new Map<string, ProjectEntry>(),
    deeds: new Map<string, ProjectEntry>(),
  };
  for (const entry of entries) byCollection[entry.collection].set(entry.id, entry);

  for (const entry of entries) {
    const data = entry.document.data;
    if (!data) continue;
    if (entry.collection === 'deeds') checkDeedReferences(entry, data as DeedData, byCollection);
    if (entry.collection === 'rolls') {
      checkReference(entry, (data as RollData).decision, 'decision', byCollection.announcements, '表彰决定');
      checkRollDuplicates(entry, data as RollData);
    }
    if (entry.collection === 'announcements') {
      checkReference(entry, (data as AnnouncementData).notice, 'notice', byCollection.announcements, '评选通知');
    }
  }
  linkAwardees(byCollection.deeds, byCollection.rolls);
  for (const entry of byCollection.deeds.values()) checkDeedYear(entry, byCollection.rolls);
  for (const entry of byCollection.deeds.values()) checkUnattachedDeed(entry);
  checkDeedDuplicates([...byCollection.deeds.values()]);
  checkUnits(entries, context.units);
  const config = checkConfigFor(context);
  for (const entry of byCollection.deeds.values())
    resolveWordLimit(entry, byCollection.announcements, config.wordLimit);
  for (const entry of entries) finishChecks(entry.document.file, context);
  return checkRegistries(context);
}

/**
 * Personal data in the registries fails the build too (a unit's alias with a mobile number, say).
 * Positions come from the file's text when it can be read from the working directory.
 */
function checkRegistries(context: PipelineContext): VFile[] {
  const files: VFile[] = [];
  const registries: Array<[string, unknown]> = [
    ['content/units.yaml', context.units],
    ['content/glossary.yaml', context.glossary],
  ];
  for (const [path, data] of registries) {
    let file: VFile | undefined;
    let text: string | undefined;
    for (const { path: field, value } of frontmatterStrings(data)) {
      for (const finding of findPersonalData(value, 'deeds')) {
        if (!file) {
          file = new VFile({ path });
          try {
            text = readFileSync(join(process.cwd(), path), 'utf8');
          } catch {
            text = undefined;
          }
        }
        privacyRule.report(
          file,
          `${formatPath(field.map((key) => (typeof key === 'number' ? key + 1 : key)))}：${finding.reason}`,
          {
            place: locateText(text, value),
            fatal: finding.fatal,
          },
        );
      }
    }
    if (file) {
      finishChecks(file, context);
      files.push(file);
    }
  }
  return files;
}

/** Line and column of `value` in `text`, or the start of the file. */
function locateText(text: string | undefined, value: string): PointLike {
  const index = text?.indexOf(value) ?? -1;
  if (!text || index === -1) return { line: 1, column: 1 };
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function at(entry: ProjectEntry, path: ReadonlyArray<PropertyKey>): PointLike {
  return entry.document.split.locate(path);
}

function checkReference(
  entry: ProjectEntry,
  id: string | undefined,
  field: string,
  targets: ReadonlyMap<string, ProjectEntry>,
  what: string,
): boolean {
  if (!id) return false;
  if (targets.has(id)) return true;
  const suggestion = nearest(id, [...targets.keys()]);
  referencesRule.report(
    entry.document.file,
    `${field} 引用的${what}“${id}”不存在${suggestion ? `；是不是“${suggestion}”？` : '；'}请改正编号（content/ 下去掉 .mdx 的路径，如 2023/shifan-xianjin-tongzhi），或先添加该${what}`,
    { place: at(entry, [field]), fatal: true },
  );
  return false;
}

function checkDeedReferences(
  entry: ProjectEntry,
  data: DeedData,
  all: { announcements: Map<string, ProjectEntry>; rolls: Map<string, ProjectEntry> },
): void {
  checkReference(entry, data.announcement, 'announcement', all.announcements, '评选通知');
  checkReference(entry, data.roll, 'roll', all.rolls, '表彰名单');
}

/** Link each deed to its subject's line in a roll: the roll it names, else any roll of its year. */
function linkAwardees(deeds: ReadonlyMap<string, ProjectEntry>, rolls: ReadonlyMap<string, ProjectEntry>): void {
  for (const roll of rolls.values()) roll.document.file.data.awardeeDeeds = [];
  // Deeds that name their roll link first; the others look in the rolls of their year.
  const ordered = [...deeds.values()].sort(
    (a, b) =>
      Number(!(a.document.data as DeedData | undefined)?.roll) -
      Number(!(b.document.data as DeedData | undefined)?.roll),
  );
  for (const deed of ordered) {
    const data = deed.document.data as DeedData | undefined;
    const name = data?.subject?.name;
    if (!data || !name) continue;
    const candidates = data.roll
      ? [rolls.get(data.roll)].filter((roll): roll is ProjectEntry => roll !== undefined)
      : [...rolls.values()].filter((roll) => (roll.document.data as RollData | undefined)?.year === data.year);
    let linked = false;
    for (const roll of candidates) {
      const categories = (roll.document.data as RollData | undefined)?.categories ?? [];
      categories.forEach((category, c) => {
        category.awardees.forEach((awardee, a) => {
          if (linked || awardee.name !== name) return;
          if (roll.document.file.data.awardeeDeeds!.some((link) => link.category === c && link.awardee === a)) return;
          if (data.unit && awardee.unit && awardee.unit !== data.unit && data.subject?.type !== 'unit') return;
          linked = true;
          roll.document.file.data.awardeeDeeds!.push({ category: c, awardee: a, name, deed: deed.id });
          deed.document.file.data.rollEntry = { roll: roll.id, category: c, awardee: a };
        });
      });
    }
    if (!linked && data.roll && candidates.length > 0) {
      referencesRule.report(
        deed.document.file,
        `表彰名单“${data.roll}”中没有“${name}”${data.unit ? `（${data.unit}）` : ''}：请核对姓名和单位是否与名单一致，或改正 roll`,
        { place: at(deed, ['roll']), fatal: false },
      );
    }
  }
}

/** A deed's `year` is the year of the roll it is on (the roll it names, else the one it was linked to). */
function checkDeedYear(deed: ProjectEntry, rolls: ReadonlyMap<string, ProjectEntry>): void {
  const data = deed.document.data as DeedData | undefined;
  if (!data || data.year === undefined) return;
  const rollId = data.roll ?? deed.document.file.data.rollEntry?.roll;
  const roll = rollId ? rolls.get(rollId) : undefined;
  const rollYear = (roll?.document.data as RollData | undefined)?.year;
  if (!roll || rollYear === undefined || rollYear === data.year) return;
  yearMismatchRule.report(
    deed.document.file,
    `year 为 ${data.year}，但表彰名单“${roll.id}”是 ${rollYear} 年度的：页面按名单显示 ${rollYear} 年度；请改正 year 或 roll`,
    { place: at(deed, ['year']), fatal: true },
  );
}

/** A deed that names no honour, no roll and no announcement, and is on no roll of its year. */
function checkUnattachedDeed(deed: ProjectEntry): void {
  const data = deed.document.data as DeedData | undefined;
  if (!data) return;
  if ((data.honours?.length ?? 0) > 0 || data.roll || data.announcement || deed.document.file.data.rollEntry) return;
  unattachedDeedRule.report(
    deed.document.file,
    '这篇事迹没有写明荣誉（honours）、表彰名单（roll）或评选通知（announcement），读者无从知道它为何获表彰：请至少填写其中一项',
    { place: at(deed, data.year !== undefined ? ['year'] : ['title']), fatal: false },
  );
}

function checkRollDuplicates(entry: ProjectEntry, data: RollData): void {
  const seen = new Map<string, { category: number; name: string }>();
  (data.categories ?? []).forEach((category, c) => {
    category.awardees.forEach((awardee, a) => {
      const key = `${awardee.name}\u0000${awardee.unit ?? ''}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { category: c, name: category.name });
        return;
      }
      const who = `${awardee.name}${awardee.unit ? `（${awardee.unit}）` : ''}`;
      const same = first.category === c;
      duplicatesRule.report(
        entry.document.file,
        same
          ? `“${who}”在类别“${category.name}”中出现了两次：请删去重复的一条`
          : `“${who}”同时出现在类别“${first.name}”和“${category.name}”中：若确实两项都获得请忽略，否则请删去一条`,
        { place: at(entry, ['categories', c, 'awardees', a]), fatal: same },
      );
    });
  });
}

function checkDeedDuplicates(deeds: readonly ProjectEntry[]): void {
  const seen = new Map<string, ProjectEntry>();
  for (const deed of deeds) {
    const data = deed.document.data as DeedData | undefined;
    if (!data?.subject?.name || data.year === undefined) continue;
    const key = `${data.subject.name}\u0000${data.unit ?? ''}\u0000${data.year}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, deed);
      continue;
    }
    duplicatesRule.report(
      deed.document.file,
      `“${data.subject.name}”${data.year} 年的事迹已有一篇（${first.path}）：同一人同一年只写一篇；请合并两篇，或改正 subject、year`,
      { place: at(deed, ['subject', 'name']), fatal: true },
    );
  }
}

/** Every unit named in the entries, checked against the registry (when there is one). */
function checkUnits(entries: readonly ProjectEntry[], units: readonly Unit[]): void {
  if (units.length === 0) return;
  const known = new Set<string>();
  const names: string[] = [];
  const canonical = new Map<string, string>();
  for (const unit of units) {
    for (const name of [unit.name, ...unit.aliases]) {
      known.add(name);
      names.push(name);
      canonical.set(name, unit.name);
    }
  }
  // A long roll names the same unknown unit many times: find its nearest name once.
  const suggestions = new Map<string, string | undefined>();
  const checkUnit = (entry: ProjectEntry, name: string | undefined, path: ReadonlyArray<PropertyKey>) => {
    if (!name || known.has(name)) return;
    if (!suggestions.has(name)) suggestions.set(name, nearest(name, names, Math.max(2, Math.ceil(name.length / 2))));
    const suggestion = suggestions.get(name);
    const full = suggestion ? canonical.get(suggestion) : undefined;
    unknownUnitRule.report(
      entry.document.file,
      `单位“${name}”不在 content/units.yaml 中${
        suggestion
          ? `；最接近的是“${suggestion}”${full && full !== suggestion ? `（${full}）` : ''}，如果是同一单位请改成它`
          : ''
      }；新单位请加入 content/units.yaml（name 写全称，aliases 写简称）`,
      { place: at(entry, path), fatal: false },
    );
  };
  for (const entry of entries) {
    const data = entry.document.data;
    if (!data) continue;
    if (entry.collection === 'announcements') checkUnit(entry, (data as AnnouncementData).issuer, ['issuer']);
    if (entry.collection === 'deeds') {
      const deed = data as DeedData;
      checkUnit(entry, deed.unit, ['unit']);
      if (deed.subject?.type === 'unit') checkUnit(entry, deed.subject.name, ['subject', 'name']);
    }
    if (entry.collection === 'rolls') {
      const roll = data as RollData;
      checkUnit(entry, roll.issuer, ['issuer']);
      (roll.categories ?? []).forEach((category, c) => {
        category.awardees.forEach((awardee, a) => {
          checkUnit(entry, awardee.unit, ['categories', c, 'awardees', a, 'unit']);
          if (category.subjectType === 'unit') checkUnit(entry, awardee.name, ['categories', c, 'awardees', a, 'name']);
        });
      });
    }
  }
}

/** A deed that answers an announcement gets the announcement's limit (unless it has its own). */
function resolveWordLimit(
  deed: ProjectEntry,
  announcements: ReadonlyMap<string, ProjectEntry>,
  defaultLimit: number,
): void {
  const data = deed.document.data as DeedData | undefined;
  const count = deed.document.file.data.wordCount as WordCountData | undefined;
  if (!data || !count || data.wordLimit !== undefined || !data.announcement) return;
  const announcement = announcements.get(data.announcement);
  const limits = (announcement?.document.data as AnnouncementData | undefined)?.wordLimits ?? [];
  const limit = limits.find((item) => item.appliesTo === null || /事迹|材料/.test(item.appliesTo)) ?? limits[0];
  const resolved: WordCountData = limit
    ? {
        ...count,
        limit: limit.limit,
        limitKind: limit.kind,
        limitSource: 'announcement',
        limitFrom: announcementName(announcement!, data.announcement),
      }
    : { ...count, limit: defaultLimit, limitKind: 'max', limitSource: 'default' };
  deed.document.file.data.wordCount = resolved;
  const document = deed.document;
  checkWordLimit(document.file, resolved, {
    overflow(limit) {
      const point = overflowPoint(document.tree, limit);
      if (!point) return undefined;
      const source = mapToSource(document.normalised.changes, point);
      return { line: source.line + document.split.bodyLine - 1, column: source.column };
    },
    fallback: () => at(deed, ['announcement']),
  });
}

function announcementName(entry: ProjectEntry, id: string): string {
  const data = entry.document.data as AnnouncementData | undefined;
  return data?.docNumber ?? `“${data?.title ?? id}”`;
}

/** The candidate closest to `value` by edit distance, if within `maxDistance`. */
export function nearest(
  value: string,
  candidates: readonly string[],
  maxDistance = Math.max(2, Math.ceil(value.length / 3)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Containment (市一院 in 示例市第一人民医院's aliases) is a strong hint.
    const distance =
      candidate.includes(value) || value.includes(candidate)
        ? Math.abs(candidate.length - value.length) * 0.5
        : editDistance(value, candidate, maxDistance + 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** Levenshtein distance, stopping early past `cap` (linear memory). */
export function editDistance(a: string, b: string, cap = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) >= cap) return cap;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[y.length]!;
}
