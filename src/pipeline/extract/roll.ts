/**
 * Extraction: honour rolls (表彰名单) — categories with their declared counts and the
 * awardees under each, from every common layout:
 *
 *   “左英护理奖”特别奖（1名）          a category with its declared count
 *   示例市第一人民医院  李  静          unit and name (names padded to line up are one name)
 *   李静（示例市第一人民医院）、王芳（…）  name (unit), in a list
 *   示例市第一人民医院：李静、王芳       unit: names
 *   | 1 | 李静 | 示例市第一人民医院 |    table rows (Markdown, tabs or runs of spaces)
 *   示例市疾病预防控制中心              a collective awardee, under a category of units
 *
 *     →  awardees [{ name: '李静', unit: '示例市第一人民医院', category: '“左英护理奖”特别奖' }, …]
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseCount } from '../../lib/chinese-numerals.ts';
import {
  CATEGORY_HEADS,
  CATEGORY_TAILS,
  PLACE_HONOUR,
  POST_WORDS,
  PLACE_NAME,
  PRIZE_CATEGORY,
  ROLL_GENRES,
  ROLL_HEADINGS,
  UNIT_CATEGORY,
} from './data/extraction.ts';
import {
  closeCjkSpaces,
  documentModel,
  extractMessage,
  isOrgName,
  modelOf,
  splitOutsideBrackets,
  standaloneDate,
  type DocumentModel,
} from './model.ts';
import { CATEGORY_WORD, institutionOf, isBareDepartment, isPersonName, unitOf, unitWithoutPost } from './names.ts';
import { readProseRoll } from './roll-prose.ts';
import { extractOf, type ExtractedAwardee, type ExtractedCategory } from './types.ts';

export interface Options {
  /** Lines longer than this are prose, not roll entries, unless they are lists. Default 200. */
  maxLineLength?: number;
}

const DEFAULTS: Readonly<Required<Options>> = Object.freeze({ maxLineLength: 200 });

const NUMBERING =
  /^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,3}[、.．](?![0-9])|第[一二三四五六七八九十]{1,3}[类批部分]?[:：，,]?)[\s\u3000]*/u;
/** A category named inside a longer line: `2022年度全市卫生健康系统先进个人名单` → 先进个人. */
const CATEGORY_IN_TEXT = new RegExp(
  `(?:${CATEGORY_HEADS.join('|')})[\\p{Script=Han}]{0,8}?(?:${[...CATEGORY_TAILS].sort((a, b) => b.length - a.length).join('|')})|${PRIZE_CATEGORY.source}`,
  'gu',
);
/** A line that is nothing but a category: `先进集体`, `优秀护士`, `一等奖`. */
const WHOLE_CATEGORY = new RegExp(`^(?:${CATEGORY_IN_TEXT.source})$`, 'u');
/** `先进个人（63名）`, `“左英护理奖”特别奖(1名)`, `一等奖：3名`. */
const CATEGORY_WITH_COUNT =
  /^(.{2,40}?)[\s\u3000]*(?:[（(][\s\u3000]*(?:共|计|[\p{Script=Han}]{1,6}?)?[\s\u3000]*([0-9０-９]{1,5}|[一二两三四五六七八九十百]{1,5})[\s\u3000]*(?:名|个|人|家|项|位|支)[\s\u3000]*[）)]|[:：][\s\u3000]*(?:共|计)?([0-9０-９]{1,5}|[一二两三四五六七八九十百]{1,5})[\s\u3000]*(?:名|个|人|家|项|位|支))[\s\u3000]*[:：]?$/u;
/** `“瓯越名医”称号获得者：`, `“最美护士”获奖者`: a heading by its shape, whatever the honour's words. */
const QUOTED_HONOUR_HEADING =
  /^[“"「『]([^”"」』，。]{2,24})[”"」』](?:荣誉)?(?:称号|奖)?(?:获得者|获奖者|得主|获奖名单|名单)$/u;
/** The honour of a heading such as `“瓯越名医”称号获得者：`, or `null`. */
function quotedHonour(text: string): string | null {
  return QUOTED_HONOUR_HEADING.exec(closeCjkSpaces(text).replace(/[:：∶]$/u, ''))?.[1] ?? null;
}

const HEADER_CELLS =
  /^(?:序号|编号|姓名|名字|单位|工作单位|所在单位|单位名称|职务|职称|职务职称|科室|类别|奖项|备注|集体名称|名称)$/u;
/** Cells of private data that rolls sometimes print and this project never keeps. */
const PRIVATE_CELL =
  /^(?:男|女|[0-9]{1,3}岁|汉族|[\p{Script=Han}]{1,3}族|中共党员|群众|共青团员|[0-9]{4}[.\-/年][0-9]{1,2}月?)$/u;

/** Lines of contact details under a 公示: who to write to is not who is honoured. */
const CONTACT_LINE = /(?:电话|联系人|联系方式|地址|邮编|邮政编码|传真|邮箱|电子邮件)[:：]?/u;

/** A line that introduces the list: `拟推荐对象名单如下：`, `获奖人员名单：`. */
const ROLL_INTRO =
  /(?:(?:名单|人选|对象|人员|集体|得奖者|获奖者|获得者|得主)(?:如下|计有|有|为|是)?|分别为|分别是|名单如下)[:：∶]$/u;
/** Private details in 公示 lists: 1980年5月生, 1975.03出生, 本科学历. */
const PRIVATE_ITEM =
  /^(?:[0-9]{4}[年.\-/][0-9]{1,2}月?(?:出?生)?|[0-9]{2,3}岁|(?:大学)?(?:本科|专科|大专|研究生|硕士|博士)(?:学历|学位)?|[\p{Script=Han}]{1,3}族)$/u;

/** As a unified plugin. */
export function extractRoll(options: Options = {}) {
  const settings = { ...DEFAULTS, ...options };
  return (_tree: Root, file: VFile): void => {
    const model = modelOf(file);
    const spaced = file.data.extractSpacedText;
    const result = extractOf(file);
    const roll = readRoll(spaced ? documentModel(spaced) : model, result.kind === 'roll', settings);
    result.awardees = roll.awardees;
    // Names in the prose (news of an honour, a decision's 授予…) that the roll's lines did not give.
    for (const awardee of readProseRoll(spaced ?? model.text)) {
      if (!result.awardees.some((a) => a.name === awardee.name)) result.awardees.push(awardee);
    }
    result.categories = roll.categories;
    for (const category of roll.categories) {
      // A heading's declared count is the roll's own word; it stands over a count read in the prose.
      const stated = result.quotas.find((q) => q.category === category.name);
      if (stated && category.declaredCount !== null) stated.count = category.declaredCount;
      if (category.declaredCount !== null && !stated) {
        // The prose reading of the same heading may have kept only the end of the name (特别奖 for “左英护理奖”特别奖).
        const partial = result.quotas.find(
          (q) => q.count === category.declaredCount && category.name.endsWith(q.category),
        );
        // A local share (先进集体名单（安徽3个）) of a larger count the text states (…先进集体113个) is not a quota.
        const broader = result.quotas.some(
          (q) =>
            q.category !== category.name && q.category.endsWith(category.name) && q.count > category.declaredCount!,
        );
        if (partial) partial.category = category.name;
        else if (!broader) result.quotas.push({ category: category.name, count: category.declaredCount });
      }
      const listed = roll.awardees.filter((a) => a.category === category.name).length;
      if (category.declaredCount !== null && listed !== category.declaredCount) {
        extractMessage(
          file,
          model,
          `类别“${category.name}”写明 ${category.declaredCount} 名，名单中读出 ${listed} 名；请核对名单是否完整`,
          'extract-roll-count',
          roll.offsets.get(category.name) ?? 0,
          false,
        );
      }
    }
  };
}

export interface RollReading {
  awardees: ExtractedAwardee[];
  categories: ExtractedCategory[];
  /** Where each category's heading is, for messages. */
  offsets: Map<string, number>;
}

/** Read the roll in a document. With `wholeDocument` false, only after a `…名单` heading or a category with a count. */
export function readRoll(
  model: DocumentModel,
  wholeDocument: boolean,
  settings: Required<Options> = DEFAULTS,
): RollReading {
  const awardees: ExtractedAwardee[] = [];
  const categories: ExtractedCategory[] = [];
  const offsets = new Map<string, number>();
  let inRoll = wholeDocument;
  let category: ExtractedCategory | null = null;
  let unit: string | null = null;
  // Under an honour given to places (国家卫生城市), cities and districts are the awardees.
  let places = false;
  /** The line the last awardee was read from. */
  let lastEntry = -1;
  let unitRun: { name: string; category: string | null }[] = [];
  const flushUnits = () => {
    if (unitRun.length >= 2) {
      for (const u of unitRun) {
        if (!awardees.some((a) => a.name === u.name)) awardees.push({ name: u.name, unit: null, category: u.category });
      }
      unit = null;
    }
    unitRun = [];
  };
  const lines = model.lines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = line.text;
    if (text === '') continue;
    // Contact lines (`示例科 电话：…`) and the signature above the date are not entries.
    if (CONTACT_LINE.test(text)) continue;
    const next = lines.slice(index + 1).find((l) => l.text.trim() !== '');
    if (next && standaloneDate(next.text) && isOrgName(closeCjkSpaces(text))) continue;
    const flat = closeCjkSpaces(text);
    if (
      ((ROLL_GENRES.test(flat) || ROLL_HEADINGS.test(flat)) && flat.length <= 60 && !/[。，]/u.test(flat)) ||
      ROLL_INTRO.test(flat)
    ) {
      flushUnits();
      inRoll = true;
      places = PLACE_HONOUR.test(flat);
      // `附件2：先进个人名单` names the category of the list that follows; two categories name none.
      const quoted = quotedHonour(flat);
      const named = quoted ? [quoted] : [...flat.matchAll(CATEGORY_IN_TEXT)].map((m) => m[0]);
      if (named.length === 1) {
        const name = named[0]!;
        category = categories.find((c) => c.name === name) ?? null;
        if (!category) {
          const count = /[（(]([0-9]{1,5})[名个人家项]?[）)]/u.exec(flat);
          category = {
            name,
            subjectType: UNIT_CATEGORY.test(name) ? 'unit' : 'person',
            declaredCount: count ? Number(count[1]) : null,
          };
          categories.push(category);
          offsets.set(name, line.start);
        }
        unit = null;
      }
      continue;
    }
    const heading = readCategoryHeading(text);
    if (heading && !(category && category.subjectType === 'person' && isOrgName(heading.name))) {
      flushUnits();
      category = categories.find((c) => c.name === heading.name) ?? null;
      if (!category) {
        category = heading;
        categories.push(category);
        offsets.set(category.name, line.start);
      }
      unit = null;
      inRoll = true;
      continue;
    }
    if (!inRoll) continue;
    if (text.length > settings.maxLineLength && !/、/u.test(text)) continue;
    // A table printed one cell a line (`连庆泉 |`, then `麻醉科 |`): a department right after a name is its unit.
    const cell = flat.replace(/^[|｜\s]+|[|｜\s]+$/gu, '');
    if (cell === '') continue;
    const last = awardees.at(-1);
    if (
      last &&
      last.unit === null &&
      lastEntry >= 0 &&
      lines.slice(lastEntry + 1, index).every((l) => /^[|｜\s]*$/u.test(l.text)) &&
      isBareDepartment(cell)
    ) {
      last.unit = cell;
      continue;
    }
    const before = awardees.length;
    const read = readEntryLine(line.raw, category, unit, places);
    if (read.unitHeading !== undefined) {
      unit = read.unitHeading;
      unitRun.push({ name: unit!, category: category?.name ?? null });
      continue;
    }
    // Units one to a line with no names under them are a list of units honoured (a 公示 of collectives):
    // all but the last of a run of two or more, the last too when no names follow.
    if (read.awardees.length > 0) unitRun.pop();
    flushUnits();
    for (const awardee of read.awardees) {
      if (
        !awardees.some((a) => a.name === awardee.name && a.unit === awardee.unit && a.category === awardee.category)
      ) {
        awardees.push(awardee);
      }
    }
    if (awardees.length > before) lastEntry = index;
  }
  flushUnits();
  return {
    awardees,
    categories: categories.filter((c) => awardees.some((a) => a.category === c.name) || c.declaredCount !== null),
    offsets,
  };
}

/** A category heading, with its count if declared. */
export function readCategoryHeading(text: string): ExtractedCategory | null {
  const stripped = closeCjkSpaces(text.replace(NUMBERING, '')).replace(/[:：]$/u, '');
  if (stripped.length < 2 || stripped.length > 40) return null;
  const honour = quotedHonour(stripped);
  if (honour) return { name: honour, subjectType: UNIT_CATEGORY.test(honour) ? 'unit' : 'person', declaredCount: null };
  const counted = CATEGORY_WITH_COUNT.exec(stripped);
  const name = (counted ? counted[1]! : stripped).replace(/[:：]$/u, '').trim();
  if (!CATEGORY_WORD.test(name) || /[，。；、]/u.test(name) || /^(?:关于|根据|附件)/u.test(name)) return null;
  // 主送机关 (各医疗卫生单位：) and similar addressees are not categories.
  if (/^(?:各|全|有关|市直|省直|委直|区直|县直)|各/u.test(name)) return null;
  if (!counted && !/[:：]$/u.test(closeCjkSpaces(text)) && !NUMBERING.test(text.trim()) && !/名单$/u.test(name)) {
    // A bare line is a heading only if it reads like one (先进个人, 一等奖), not like an awardee unit.
    if (isOrgName(name) || name.length > 16 || splitGlued(name)) return null;
    if (!WHOLE_CATEGORY.test(name) && !(/[奖]$/u.test(name) && name.length <= 12)) return null;
  }
  const printedCount = counted ? (counted[2] ?? counted[3]) : undefined;
  return {
    name: name.replace(/名单$/u, '') || name,
    subjectType: UNIT_CATEGORY.test(name.replace(/名单$/u, '')) ? 'unit' : 'person',
    declaredCount: printedCount !== undefined ? parseCount(printedCount) : null,
  };
}

/** Join names padded to line up in print: `李  静` → `李静`, in a line split on white space. */
function mergePaddedNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (/^[\p{Script=Han}]$/u.test(token) && next !== undefined && /^[\p{Script=Han}]{1,2}$/u.test(next)) {
      out.push(token + next);
      i++;
      continue;
    }
    out.push(token);
  }
  return out;
}

function cleanName(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '').replace(/(?:同志)$/u, '');
}

interface EntryReading {
  awardees: ExtractedAwardee[];
  /** Set when the line names a unit for the names that follow it. */
  unitHeading?: string | null;
}

export function readEntryLine(
  raw: string,
  category: ExtractedCategory | null,
  currentUnit: string | null,
  places = false,
): EntryReading {
  const categoryName = category?.name ?? null;
  const collective = category?.subjectType === 'unit';
  // Names padded to line up (李  静) are joined first, so the padding is not read as a column break.
  const text = raw
    .trim()
    .replace(/(?<![\p{Script=Han}])(\p{Script=Han})[ \u3000]{1,4}(\p{Script=Han})(?![\p{Script=Han}])/gu, '$1$2');
  if (/^\|?[\s:|-]+\|?$/u.test(text)) return { awardees: [] };
  // `王峰 安康市中医医院医务科科长、主任医师`: a name, then the unit and posts (which may hold 、).
  const nameFirst = /^(\p{Script=Han}{2,4})[ \u3000]+(\p{Script=Han}[^\s]*)$/u.exec(text);
  if (nameFirst && !collective && isPersonName(nameFirst[1]!)) {
    const described = nameFirst[2]!.split(/[、，,]/u)[0]!;
    const unit = unitOf(described);
    if (unit) return { awardees: [{ name: nameFirst[1]!, unit: institutionOf(unit), category: categoryName }] };
  }
  // `unit：name、name`.
  const colon = /^([^：:]{3,40})[：:](.+)$/u.exec(text);
  if (colon && isOrgName(colon[1]!.trim()) && !collective) {
    const unit = closeCjkSpaces(colon[1]!);
    return { awardees: readList(colon[2]!, categoryName, false, unit) };
  }
  // Rows of a table: Markdown pipes, tabs, or runs of spaces.
  const isTable = /\||\t/u.test(text) || /\S[ \u3000]+\S/u.test(text);
  if (isTable && !/[、，,；;]/u.test(text)) {
    const cells = mergePaddedNames(
      text
        .split(/\t|\|/u)
        .flatMap((cell) => cell.trim().split(/[ \u3000]+/u))
        .map((cell) => cell.trim().replace(/^[0-9]{1,4}[.、]?(?=\p{Script=Han})/u, ''))
        .filter(Boolean),
    ).filter((cell) => !/^[0-9]{1,4}[.、]?$/u.test(cell) && !PRIVATE_CELL.test(cell));
    if (cells.length === 0 || cells.some((cell) => HEADER_CELLS.test(cell))) return { awardees: [] };
    if (collective) {
      return {
        awardees: cells.filter((c) => isOrgName(c)).map((name) => ({ name, unit: null, category: categoryName })),
      };
    }
    const nameCell = cells.find((cell) => isPersonName(cleanName(cell)));
    if (!nameCell) {
      const glued = cells.map((cell) => splitGlued(cleanName(cell))).filter((g) => g !== null);
      return { awardees: glued.map((g) => ({ ...g, category: categoryName })) };
    }
    const unitCell =
      cells
        .filter((cell) => cell !== nameCell)
        .map((cell) => (isOrgName(cell) ? cell : unitWithoutPost(cell)))
        .find((u) => u) ?? null;
    const names = cells.filter((cell) => isPersonName(cleanName(cell)));
    if (names.length > 1 && !unitCell) {
      return { awardees: names.map((name) => ({ name: cleanName(name), unit: currentUnit, category: categoryName })) };
    }
    // No cell reads as a unit: a remaining cell that is not a post is the unit as printed (示例县青山镇).
    const otherCell =
      unitCell ??
      cells.find(
        (cell) =>
          cell !== nameCell &&
          cell.length >= 4 &&
          /^[\p{Script=Han}（）()]+$/u.test(cell) &&
          !POST_WORDS.test(cell) &&
          // A job (起居照顾员, 注册护士) is not a unit.
          !/[员师士]$/u.test(cell),
      ) ??
      null;
    return { awardees: [{ name: cleanName(nameCell), unit: otherCell ?? currentUnit, category: categoryName }] };
  }
  const items = splitOutsideBrackets(text.replace(/[。；;]$/u, ''), /[、，,；;]/u);
  // A unit alone on its line, under a category of people: the unit for the names that follow.
  if (items.length === 1 && !collective) {
    const only = closeCjkSpaces(items[0]!)
      .replace(/[（(][0-9一二三四五六七八九十]+[名人个][）)]$/u, '')
      .replace(/[:：]$/u, '');
    if (isOrgName(only)) return { awardees: [], unitHeading: only };
  }
  return { awardees: readList(text, categoryName, collective, currentUnit, places) };
}

/** Names separated by spaces only (`刘洋 陈晨`, `李  静 王  芳`) are several items. */
function splitSpacedNames(item: string): string[] {
  const tokens = mergePaddedNames(item.trim().split(/[ \u3000]+/u));
  return tokens.length > 1 && tokens.every((t) => isPersonName(cleanName(t))) ? tokens : [item];
}

/** A list of `name`, `name（unit）` or units, separated by 、，；. Lines that are mostly not names are prose. */
function readList(
  text: string,
  category: string | null,
  collective: boolean,
  unit: string | null,
  places = false,
): ExtractedAwardee[] {
  // Private details printed in 公示 lists (李静，女，1980年5月生，汉族) are dropped, never kept.
  const items = splitOutsideBrackets(text.replace(/[。；;]$/u, ''), /[、，,；;]/u)
    .flatMap(splitSpacedNames)
    .filter((item) => !PRIVATE_CELL.test(closeCjkSpaces(item)) && !PRIVATE_ITEM.test(closeCjkSpaces(item)));
  // A unit with a post in the same line (示例市第一人民医院护士长) is the unit of the names in it.
  const lineUnit = collective
    ? null
    : (items.map((i) => unitWithoutPost(closeCjkSpaces(i))).find((u) => u !== null) ?? null);
  const awardees: ExtractedAwardee[] = [];
  let misses = 0;
  for (const item of items) {
    const value = closeCjkSpaces(item);
    const withUnit = /^(.+?)[（(]([^（）()]+)[）)]$/u.exec(value);
    if (!collective && withUnit && isPersonName(cleanName(withUnit[1]!), false)) {
      const printed = closeCjkSpaces(withUnit[2]!);
      awardees.push({ name: cleanName(withUnit[1]!), unit: unitWithoutPost(printed) ?? printed, category });
      continue;
    }
    if (lineUnit !== null && unitWithoutPost(value) === lineUnit) continue;
    if ((collective && isOrgName(value)) || (places && PLACE_NAME.test(value))) {
      awardees.push({ name: value, unit: null, category });
      continue;
    }
    if (!collective && isPersonName(cleanName(value))) {
      awardees.push({ name: cleanName(value), unit: lineUnit ?? unit, category });
      continue;
    }
    const glued = collective ? null : splitGlued(cleanName(value));
    if (glued) {
      awardees.push({ ...glued, category });
      continue;
    }
    misses++;
  }
  return misses * 3 > items.length ? [] : awardees;
}

/**
 * A unit and a name printed together once the spaces between them are gone:
 * `示例市第一人民医院李静` → { name: 李静, unit: 示例市第一人民医院 }; also name first.
 */
/** A unit's opening place name: two characters or more before 省, 市, 县, 区…. */
const PLACE_OPENING = /^\p{Script=Han}{2,6}?(?:省|市|县|区|州|盟|旗|镇|乡)/u;

export function splitGlued(text: string): { name: string; unit: string } | null {
  for (const length of [2, 3, 4]) {
    if (text.length <= length + 2) continue;
    const tail = text.slice(-length);
    const head = text.slice(0, -length);
    if (isPersonName(tail) && isOrgName(head)) return { name: tail, unit: head };
  }
  // A department without its institution (成人急诊科, 儿童肾内科) is a unit cell, not a name glued to one:
  // 成人 reads as a name only by its surname.
  if (isBareDepartment(text)) return null;
  // Name first: 李静示例市… could be 李静 + 示例市… or 李静示 + 例市…; a unit that opens with a place of two
  // characters or more (示例市, 西山区) decides, else a three-character name is tried first (欧阳明, 王小明).
  let found: { name: string; unit: string } | null = null;
  for (const length of [3, 2, 4]) {
    if (text.length <= length + 2) continue;
    const head = text.slice(0, length);
    const tail = text.slice(length);
    if (!isPersonName(head) || !isOrgName(tail)) continue;
    if (PLACE_OPENING.test(tail)) return { name: head, unit: tail };
    found ??= { name: head, unit: tail };
  }
  return found;
}
