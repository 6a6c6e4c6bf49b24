/**
 * Extraction: what a notice asks for — word limits, quotas (in prose and in quota tables),
 * the deadline, the phases with their dates, and the private fields its forms ask for.
 *
 *   事迹材料1000字以内 · 名额总数为8个 · 于2023年1月10日前报 · （一）活动开展阶段（2021年5月—8月31日）
 *     →  wordLimits [{1000, max, 事迹材料}] · quotas [{先进单位, 8}] · deadline 2023-01-10 · phases [{活动开展阶段, 2021-05, 2021-08-31}]
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseCount } from '../../lib/chinese-numerals.ts';
import { findDateRanges, findDates, firstYear, type DateMatch } from '../../lib/dates.ts';
import { findDocNumbers } from '../../lib/doc-number.ts';
import {
  columnCategory,
  columnTotals,
  groupMembers,
  parseQuotaTable,
  QUOTA_CAPTION,
  type QuotaTable,
} from '../../model/quota-table.ts';
import {
  CATEGORY_HEADS,
  CATEGORY_TAILS,
  DEADLINE_PATTERNS,
  HONOUR_COUNTS,
  HONOUR_KEYWORDS,
  HONOURED_TOTAL,
  PER_UNIT_CAP,
  LIMIT_FILLER,
  LIMIT_LEAD,
  PHASE_LINE,
  PHASE_STEP,
  PRIZE_CATEGORY,
  PUBLICITY_PERIOD,
  SUBMISSION_WORDS,
  WORD_LIMIT_PATTERNS,
} from './data/extraction.ts';
import { matchAll, PRIVATE_FIELD_NAMES } from '../patterns.ts';
import { closeCjkSpaces, extractMessage, modelOf, type DocumentModel } from './model.ts';
import {
  extractOf,
  type Allocation,
  type ExtractedPhase,
  type ExtractedWordLimit,
  type ExtractResult,
} from './types.ts';

export interface Options {
  /** The longest text taken as what a word limit applies to. Default 12 characters. */
  maxAppliesTo?: number;
}

const DEFAULTS: Readonly<Required<Options>> = Object.freeze({ maxAppliesTo: 12 });

/** A category name: head + up to 8 characters + tail (先进单位, 优秀共产党员), or a prize (一等奖). */
const CATEGORY = `(?:(?:${CATEGORY_HEADS.join('|')})[\\p{Script=Han}]{0,8}?(?:${[...CATEGORY_TAILS].sort((a, b) => b.length - a.length).join('|')})|${PRIZE_CATEGORY.source})`;
/** A category's first word, for names that something precedes (`南丁格尔志愿服务先进单位`). */
const CATEGORY_HEAD = `(?:${CATEGORY_HEADS.join('|')})`;
const NUMBER = '[0-9０-９]{1,4}|[一二两三四五六七八九十百]{1,4}';
const CLASSIFIER = '(?:个|名|人|家|项|位|支|篇|件)';
/** 标杆医院 5 个 · 先进个人推荐名额63名 · 一等奖1名. */
const QUOTA_AFTER = new RegExp(
  `(${CATEGORY})[\\s\\u3000]*(?:(?:推荐|评选|表彰|分配)?名额(?:总数)?(?:为|共|是)?|共|为|拟评选|评选)?[\\s\\u3000]*[（(]?(${NUMBER})[\\s\\u3000]*${CLASSIFIER}[）)]?`,
  'gu',
);
/** 评选10个先进集体. */
const QUOTA_BEFORE = new RegExp(
  `(?<![0-9])(${NUMBER})[\\s\\u3000]*${CLASSIFIER}((?:(?:(?!获|分别|的|拟|推荐|评选|授予)\\p{Script=Han}){2,10}?(?=${CATEGORY_HEAD}))?${CATEGORY})`,
  'gu',
);
/** 名额总数为8个 (the category is named earlier in the sentence). */
const QUOTA_TOTAL = new RegExp(
  `名额(?:总数|总计|合计)?(?:为|共|是)?[\\s\\u3000]*(${NUMBER})[\\s\\u3000]*${CLASSIFIER}`,
  'gu',
);
const CATEGORY_PATTERN = new RegExp(CATEGORY, 'gu');
/** 先进集体、先进个人各8个: several categories, each with the count. */
const QUOTA_EACH = new RegExp(
  `(?<honour>${CATEGORY}(?:[、和及]${CATEGORY})+)[\\s\\u3000]*各[\\s\\u3000]*(?<count>${NUMBER})[\\s\\u3000]*${CLASSIFIER}`,
  'gu',
);

/** As a unified plugin. */
export function extractRequirements(options: Options = {}) {
  const settings = { ...DEFAULTS, ...options };
  return (_tree: Root, file: VFile): void => {
    const model = modelOf(file);
    const result = extractOf(file);
    Object.assign(result, readRequirements(model, result, settings));
    for (const guess of inferredYears(model, result)) {
      extractMessage(file, model, guess.reason, 'extract-inferred-year', guess.offset, null);
    }
  };
}

export function readRequirements(
  model: DocumentModel,
  known: Pick<ExtractResult, 'date' | 'docNumber'> & Partial<ExtractResult>,
  settings: Required<Options> = DEFAULTS,
): Partial<ExtractResult> {
  const mainText = model.lines
    .slice(0, model.attachmentsStart)
    .map((l) => l.raw)
    .join('\n');
  const year = documentYear(model, known);
  const quotaTables = findQuotaTables(model);
  return {
    wordLimits: findWordLimits(model.text, settings.maxAppliesTo),
    quotas: findQuotas(mainText, quotaTables),
    quotaTables,
    allocation: allocationOf(quotaTables[0]),
    deadline: findDeadline(mainText, year, known.date),
    phases: findPhases(mainText, year),
    publicityPeriod: findPublicityPeriod(mainText, year),
    formFieldsNotToPublish: findPrivateFields(model),
  };
}

/** The year for dates printed without one: the 成文日期's, else the 发文字号's, else the first year printed. */
export function documentYear(
  model: DocumentModel,
  known: Partial<Pick<ExtractResult, 'date' | 'docNumber'>>,
): number | null {
  if (known.date) return Number(known.date.slice(0, 4));
  if (known.docNumber) {
    const [number] = findDocNumbers(known.docNumber);
    if (number) return number.year;
  }
  const dated = findDates(model.text).find((d) => !d.yearInferred);
  return dated?.year ?? firstYear(model.text.slice(0, 2000));
}

function inferredYears(model: DocumentModel, result: ExtractResult): { reason: string; offset: number }[] {
  const year = documentYear(model, result);
  if (year === null) return [];
  const used = [result.deadline, ...result.phases.flatMap((p) => [p.start, p.end])].filter(
    (d): d is string => d !== null,
  );
  const out: { reason: string; offset: number }[] = [];
  for (const date of findDates(model.text, { year, monthWithoutYear: true })) {
    if (!date.yearInferred) continue;
    // The end of a range takes its year from the start: 2023年3月1日—3月10日 is no guess.
    const before = model.text.slice(Math.max(0, date.start - 16), date.start);
    if (/(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年[^，。；\n]{0,8}(?:[—–―－~～-]{1,2}|至|到)\s*$/u.test(before))
      continue;
    // The year read may be the document's or the next (a January deadline in a December notice).
    const read = used.find((iso) => iso.slice(4) === date.iso.slice(4));
    if (!read) continue;
    out.push({
      reason: `日期“${date.text}”没有写年份，按文件的年份和上下文读作 ${read}；请核对`,
      offset: date.start,
    });
  }
  return out;
}

// ---- word limits -------------------------------------------------------------------------

function findWordLimits(text: string, maxAppliesTo: number): ExtractedWordLimit[] {
  const found: (ExtractedWordLimit & { at: number })[] = [];
  for (const rule of WORD_LIMIT_PATTERNS) {
    for (const match of matchAll(rule.pattern, text)) {
      const limit = parseCount(match[1]!);
      if (limit === null || limit < 10 || limit > 100000) continue;
      const at = match.index;
      if (found.some((f) => Math.abs(f.at - at) < 4)) continue;
      found.push({
        limit,
        kind: rule.kind,
        appliesTo: appliesTo(text.slice(Math.max(0, at - 40), at), maxAppliesTo),
        at,
      });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out: ExtractedWordLimit[] = [];
  for (const f of found) {
    const same = out.find((o) => o.limit === f.limit && o.kind === f.kind);
    if (same) {
      if (same.appliesTo === null) same.appliesTo = f.appliesTo;
      continue;
    }
    out.push({ limit: f.limit, kind: f.kind, appliesTo: f.appliesTo });
  }
  return out;
}

/** What a limit applies to: the noun phrase just before it in its clause (`事迹材料`, `典型事迹`). */
function appliesTo(before: string, max: number): string | null {
  const parts = before.split(/[，,。；;：:（(）)\n、“”《》]/u);
  let clause = parts.pop() ?? '';
  // 主要事迹（1000字以内）: the limit in brackets applies to what stands before them.
  if (clause.trim() === '' && /[（(]\s*$/u.test(before)) clause = parts.pop() ?? '';
  let phrase = clause.replace(/[\s\u3000]+/gu, '');
  for (let i = 0; i < 3; i++) phrase = phrase.replace(LIMIT_FILLER, '');
  phrase = phrase.replace(LIMIT_LEAD, '');
  if (phrase.length < 2 || !/^[\p{Script=Han}]+$/u.test(phrase)) return null;
  return phrase.length > max ? phrase.slice(-max) : phrase;
}

// ---- quotas ------------------------------------------------------------------------------

/** A count per unit (每个单位推荐先进个人1名, 各单位…), not a total. */
function perUnit(sentence: string, index: number): boolean {
  return perUnitPhrase(sentence, index) !== null;
}

/**
 * Who a per-unit count applies to, as printed: `每个单位` in 每个单位推荐先进个人1名, `各盟市卫生局` in
 * 各盟市卫生局原则上可推荐1个集体. `null` when the count is a total.
 */
function perUnitPhrase(sentence: string, index: number): string | null {
  const clause =
    sentence
      .slice(0, index)
      .split(/[，,：:]/u)
      .pop() ?? '';
  const phrase = /(?:各|每)[^，,。；;]*?(?=原则上|最多|可|限|均|推荐|报送|申报|选送|推选|评选|$)/u.exec(clause);
  if (!phrase) return null;
  return phrase[0].length >= 2 ? phrase[0] : '每单位';
}

function findQuotas(text: string, tables: readonly QuotaTable[]): { category: string; count: number }[] {
  const quotas: { category: string; count: number }[] = [];
  const add = (category: string, count: number | null) => {
    if (count === null || count === 0) return;
    const name = closeCjkSpaces(category);
    const bare = (value: string) => value.replace(/[“”「」『』"]/gu, '');
    // One count read twice, once with more words (`拟推荐的示例申报集体` and `示例申报集体`), is one quota.
    const same = (q: { category: string; count: number }) =>
      bare(q.category) === bare(name) ||
      (q.count === count && (bare(q.category).endsWith(bare(name)) || bare(name).endsWith(bare(q.category))));
    if (!quotas.some(same)) quotas.push({ category: name, count });
  };
  let previous = '';
  for (const sentence of text.split(/[。；;\n]/u)) {
    const before = previous;
    if (sentence.trim()) previous = sentence;
    // Most sentences state no count: skip them before running the large patterns.
    if (!/[0-9０-９一二两三四五六七八九十百]\s*[个名人家项位支篇件]/u.test(sentence)) continue;
    const spans: [number, number][] = [];
    for (const match of matchAll(QUOTA_AFTER, sentence)) {
      // A cap per unit is a quota of its own: 先进个人（每个单位） 1.
      const each = perUnitPhrase(sentence, match.index);
      if (each) {
        add(`${match[1]!}（${each}）`, parseCount(match[2]!));
        spans.push([match.index, match.index + match[0].length]);
        continue;
      }
      let category = withPrizeName(sentence, match.index, match[1]!);
      // A second 先进个人 with its own count is qualified: 创先争优活动指导工作先进个人4名.
      if (quotas.some((q) => q.category === category)) category = qualified(sentence, match.index, category);
      add(category, parseCount(match[2]!));
      spans.push([match.index, match.index + match[0].length]);
    }
    for (const match of matchAll(QUOTA_BEFORE, sentence)) {
      const each = perUnitPhrase(sentence, match.index);
      if (each) {
        add(`${match[2]!}（${each}）`, parseCount(match[1]!));
        spans.push([match.index, match.index + match[0].length]);
        continue;
      }
      add(match[2]!, parseCount(match[1]!));
      spans.push([match.index, match.index + match[0].length]);
    }
    // Honours with their count: 授予张三等300名同志“…”称号 · 产生10名“…” · 「医疗贡献奖」共计10人.
    for (const pattern of [QUOTA_EACH, ...HONOUR_COUNTS.map((rule) => rule.pattern)]) {
      for (const match of matchAll(pattern, sentence)) {
        const end = match.index + match[0].length;
        if (spans.some(([s, e]) => match.index < e && end > s) || perUnit(sentence, match.index)) continue;
        const groups = match.groups!;
        const count = parseCount(groups.count!);
        // 十佳医生、十佳护士各10名: each its own count.
        const prefix = groups.prefix ?? '';
        for (const honour of (groups.honour ?? groups.prize)!
          .replace(/^(?:以及|及|和|与)/u, '')
          .split(/以及|[、和及与]/u)
          .filter((part) => part.length >= 2)) {
          const name =
            prefix + honour.replace(/^(?:今年|本届|本次|获|荣获|获得|其中|的)+/u, '') + (groups.suffix ?? '');
          add(name, count);
          // 10名“…”（医生4名、护士3名、公卫人员3名）: each part of the count as its own quota.
          for (const part of groups.breakdown?.matchAll(
            /([\p{Script=Han}]{2,8}?)\s*([0-9]{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:名|个|位|人)/gu,
          ) ?? []) {
            add(`${name}（${part[1]}）`, parseCount(part[2]!));
          }
        }
        spans.push([match.index, match.index + match[0].length]);
      }
    }
    // Caps per unit: 各盟市卫生局原则上可推荐1个集体、1名个人 · 各支部推荐2名上报 (the category named just before).
    for (const match of matchAll(PER_UNIT_CAP.pattern, sentence)) {
      const groups = match.groups!;
      // A minimum (不少于2个) is not a cap; those nominated (35名被推荐者) are not a quota.
      if (/不少于|至少|不低于|以上/u.test(match[0]) || /^被/u.test(groups.after ?? '')) continue;
      const who = groups.who!.replace(/(?:原则上|最多|可|限|均|只|亦|也|各)+$/u, '');
      const head = sentence.slice(match.index + match[0].length);
      const named =
        (groups.after || groups.before || '').replace(/[（()）]/gu, '').replace(/各$/u, '') ||
        lastCategory(sentence.slice(0, match.index)) ||
        lastCategory(before);
      if (!named) continue;
      // `各推荐1-3名`: the cap is the upper bound.
      add(`${named}（${who}）`, parseCount(groups.upper ?? groups.count!));
      // 1个集体、1名个人: the next counts of the list share who.
      for (const more of head.matchAll(
        /^[、及和]\s*([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:名|个|位|人)(集体|个人|单位|[^，,。；;、\s0-9]{2,8}?)(?=[，,。；;、]|$)/gu,
      )) {
        add(`${more[2]!}（${who}）`, parseCount(more[1]!));
      }
      spans.push([match.index, match.index + match[0].length]);
    }
    // 选出83位得奖者: the honour is the one named just before.
    for (const match of matchAll(HONOURED_TOTAL.pattern, sentence)) {
      const end = match.index + match[0].length;
      if (spans.some(([s, e]) => match.index < e && end > s) || perUnit(sentence, match.index)) continue;
      // A place's share (陕西省共15名…) is not the honour's count.
      const clause = sentence.slice(0, match.index).split(/[，,]/u).pop() ?? '';
      if (/(?:省|市|县|区|州|我院|本院|我校|我省|我市)$/u.test(clause)) continue;
      const honour = namedHonour(sentence.slice(0, match.index)) ?? namedHonour(before);
      if (honour) add(honour, parseCount(match.groups!.count!));
      spans.push([match.index, end]);
    }
    for (const match of matchAll(QUOTA_TOTAL, sentence)) {
      if (spans.some(([s, e]) => match.index >= s && match.index < e)) continue;
      const categories = [...matchAll(CATEGORY_PATTERN, sentence.slice(0, match.index))];
      const category = categories[categories.length - 1];
      if (category) add(category[0], parseCount(match[1]!));
    }
  }
  for (const table of tables) for (const total of columnTotals(table)) add(total.category, total.count);
  return quotas;
}

/** The last award category a text names: `2.优秀共产党员26名` → 优秀共产党员. */
function lastCategory(text: string): string | null {
  const found = [...matchAll(CATEGORY_PATTERN, text)];
  return found[found.length - 1]?.[0] ?? null;
}

/** The last honour a text names: a quotation with an honour's words, else what follows 评为/评选为. */
function namedHonour(text: string): string | null {
  const quotes = [...text.matchAll(/[“「『]([^“”「」『』]{2,40})[”」』]/gu)];
  const last = quotes[quotes.length - 1];
  if (last && HONOUR_KEYWORDS.test(last[1]!)) {
    // The last of a list of honours (“甲”、“乙”及“丙”) is not the one counted.
    const previous = quotes[quotes.length - 2];
    const gap = previous ? text.slice(previous.index + previous[0].length, last.index) : null;
    return gap !== null && /^[、，,和及与\s]{1,2}$/u.test(gap) ? null : last[1]!;
  }
  // An award named by its edition: `第六届示例医师奖`.
  const edition = [...text.matchAll(/第[一二三四五六七八九十0-9]{1,3}届[\p{Script=Han}]{2,12}?奖(?:章|状)?/gu)].pop();
  if (edition) return edition[0];
  const rated = /(?:评选为|评为|授予|荣获)([^，,。；;“”]{4,30})[，,]?[^，,]*$/u.exec(text);
  return rated && HONOUR_KEYWORDS.test(rated[1]!)
    ? rated[1]!.replace(/^第[一二三四五六七八九十0-9]+[次届批]/u, '')
    : null;
}

/** A category with the words just before it that qualify it, without the verbs that introduce it. */
function qualified(sentence: string, index: number, category: string): string {
  const before = /[\p{Script=Han}]{1,16}$/u.exec(sentence.slice(0, index))?.[0] ?? '';
  return before.replace(/^.*(?:推荐|评选|表彰|设立|设|共有|有|其中|另有|以及|和|及|与)/u, '') + category;
}

const BARE_PRIZE = new RegExp(`^(?:${PRIZE_CATEGORY.source})$`, 'u');

/**
 * A prize read alone (`贡献奖`) with the words before it that name it (`护理贡献奖`): the Han characters
 * just before, without the verbs that introduce it (设、有、获).
 */
function withPrizeName(sentence: string, index: number, category: string): string {
  if (!BARE_PRIZE.test(category)) return category;
  const before = /[\p{Script=Han}]{1,8}$/u.exec(sentence.slice(0, index))?.[0] ?? '';
  const name = before.replace(/^.*(?:设立|设置|设|共有|有|获得|荣获|获|评选|其中|今年|分为|包括|和|及|与)/u, '');
  return /^[一二三四五六七八九十]?等$|^特$/u.test(name) ? category : name + category;
}

/** Quota tables after a caption such as `…名额分配表`, up to the next attachment or the end. */
function findQuotaTables(model: DocumentModel): QuotaTable[] {
  const tables: QuotaTable[] = [];
  const lines = model.lines;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!QUOTA_CAPTION.test(text) || text.length > 80 || /^附\s*件\s*[:：]/u.test(text)) continue;
    if (/见附件|详见|附件[0-9一二三四五六七八九十]/u.test(text) && i < model.attachmentsStart) continue;
    // The caption may be broken over lines: take the non-table lines just above it.
    let caption = closeCjkSpaces(text);
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const above = lines[j]!;
      if (above.text === '') continue;
      if (/^附\s*件/u.test(above.text) || above.raw.startsWith('\t') || above.text.length > 40) break;
      caption = closeCjkSpaces(above.text) + caption;
    }
    let end = i + 1;
    while (end < lines.length && !/^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[:：]?$/u.test(lines[end]!.text))
      end++;
    const table = parseQuotaTable(
      lines.slice(i + 1, end).map((l) => l.raw),
      caption.replace(/^附件[0-9一二三四五六七八九十]*[:：]?/u, ''),
    );
    if (table) tables.push(table);
    i = end - 1;
  }
  return tables;
}

/** The first quota table as rows [unit, people's count], with its totals by subject. */
function allocationOf(table: QuotaTable | undefined): Allocation | null {
  if (!table) return null;
  const categories = table.columns.map(columnCategory);
  const totals = columnTotals(table);
  const personColumn = categories.findIndex((c) => /个人|人员|工作者|医生|护士|党员/u.test(c));
  const unitColumn = categories.findIndex((c) => /单位|集体|科室|医院|组织/u.test(c));
  const column = personColumn >= 0 ? personColumn : table.columns.length - 1;
  const subAllocations: Allocation['subAllocations'] = {};
  for (const row of table.rows) {
    if (row.subAllocations) subAllocations[groupMembers(row.unit).group] = row.subAllocations;
  }
  return {
    rows: table.rows.map((row) => [row.unit, row.counts[column] ?? null]),
    individualsTotal: personColumn >= 0 ? totals[personColumn]!.count : null,
    unitsTotal: unitColumn >= 0 ? totals[unitColumn]!.count : null,
    subAllocations,
  };
}

// ---- deadline and phases ----------------------------------------------------------------

function findDeadline(text: string, year: number | null, documentDate: string | null): string | null {
  const candidates: { at: number; date: DateMatch }[] = [];
  for (const rule of DEADLINE_PATTERNS) {
    for (const match of matchAll(rule.pattern, text)) {
      const window = match[1]!;
      const [date] = findDates(window, { year });
      if (!date || date.day === null || date.start > 3) continue;
      const context = text.slice(match.index, match.index + match[0].length + 20);
      if (rule.id !== 'deadline-cutoff' && !SUBMISSION_WORDS.test(context.slice(match[0].length - 3))) continue;
      candidates.push({ at: match.index, date });
    }
  }
  if (candidates.length === 0) {
    // 请各单位2023年5月20日前将材料报送…: a date followed by 前 and a word of submitting.
    for (const date of findDates(text, { year })) {
      if (date.day === null) continue;
      const after = text.slice(date.end, date.end + 30);
      const before =
        /^(?:[（(][^）)\n]{0,8}[）)])?\s*(?:[0-9]{1,2}[:：][0-9]{2}|[0-9]{1,2}时|下班|中午|上午|下午)?\s*(?:前|之前|以前)/u.exec(
          after,
        );
      if (before && SUBMISSION_WORDS.test(after.slice(before[0].length, before[0].length + 20))) {
        candidates.push({ at: date.start, date });
      }
    }
  }
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  if (!first) return null;
  let iso = first.date.iso;
  // 1月10日 in a notice dated December is next year's.
  if (first.date.yearInferred && documentDate && iso < documentDate) {
    iso = `${first.date.year + 1}${iso.slice(4)}`;
  }
  return iso;
}

function findPhases(text: string, year: number | null): ExtractedPhase[] {
  const phases: ExtractedPhase[] = [];
  // Phases named …阶段, and numbered steps with dates in brackets (（一）动员部署（3月1日—3月10日）).
  const found = [
    ...[...matchAll(PHASE_LINE.pattern, text)].map((m) => ({ at: m.index, name: m[1]!, rest: m[2]!, dated: false })),
    ...[...matchAll(PHASE_STEP.pattern, text)].map((m) => ({ at: m.index, name: m[1]!, rest: m[2]!, dated: true })),
  ].sort((a, b) => a.at - b.at);
  // Phases follow each other: a phase printed without a year is in the year the previous one ended.
  let contextYear = year;
  for (const match of found) {
    const name = closeCjkSpaces(match.name);
    if (phases.some((p) => p.name === name)) continue;
    const rest = match.rest;
    if (match.dated && !(findDateRanges(rest, { year: contextYear, monthWithoutYear: true })[0]?.start.start === 0))
      continue;
    const [range] = findDateRanges(rest, { year: contextYear, monthWithoutYear: true });
    let start: string | null = null;
    let end: string | null = null;
    if (range && range.start.start <= 3) {
      const before = /(?:前|之前|以前)/u.test(rest.slice(range.until, range.until + 3));
      if (range.end) {
        start = range.start.iso;
        end = range.end.iso;
      } else if (before) end = range.start.iso;
      else {
        start = range.start.iso;
        end = range.start.iso;
      }
    }
    phases.push({ name, start, end });
    const last = end ?? start;
    if (last) contextYear = Number(last.slice(0, 4));
  }
  return phases;
}

function findPublicityPeriod(text: string, year: number | null): { start: string; end: string } | null {
  for (const match of matchAll(PUBLICITY_PERIOD.pattern, text)) {
    const window = match[1]!.replace(/^(?:自|从)/u, '');
    const [range] = findDateRanges(window, { year });
    if (range && range.start.start <= 2 && range.end && range.start.day !== null && range.end.day !== null) {
      return { start: range.start.iso, end: range.end.iso };
    }
  }
  return null;
}

// ---- forms --------------------------------------------------------------------------------

/** Private fields the forms ask for (性别, 年龄…), as table headers or `label：` cells. */
function findPrivateFields(model: DocumentModel): string[] {
  const found: string[] = [];
  const cells = model.lines.flatMap((l) => l.raw.split(/\t|[ \u3000]{2,}|\|/u).map((c) => c.replace(/[:：\s]/gu, '')));
  for (const cell of cells) {
    if (PRIVATE_FIELD_NAMES.includes(cell) && !found.includes(cell)) found.push(cell);
  }
  return found;
}
