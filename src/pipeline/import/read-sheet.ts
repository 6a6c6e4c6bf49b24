/**
 * Read a spreadsheet (`.xlsx`, `.xls`) with SheetJS (`@e965/xlsx`, the registry's copy of the fixed
 * 0.20 line) into the text the extractor reads. A roll's sheets are laid out the same way in most
 * archives: a merged title row, a header row (序号 姓名 工作单位 奖项), the rows, and a signature and
 * date under the table. The header row is found by its words; each row becomes one awardee under its
 * category (the 奖项 column, a category row inside the table, or the sheet's name), with its unit and
 * nothing else: private columns (性别, 出生年月, 身份证号, 电话) never reach the text. A sheet without
 * a name column (a 名额分配表) is kept as a table. Formulas are never evaluated: the value the file
 * holds is read, as text.
 *
 *   readSheet(bytes)  →  '2023年度先进个人名单\n\n先进个人\n\n| 姓名 | 工作单位 |\n| --- | --- |\n| 李静 | 示例医院 |\n\n示例市卫生健康委员会\n2024年1月5日'
 */
import * as XLSX from '@e965/xlsx';
import { withoutInvisible } from '../check/privacy-fold.ts';

/** The most rows read in a sheet: a roll has tens or hundreds; more is not a roll. */
export const MAX_SHEET_ROWS = 5000;
/** The most columns read: a roll has a handful. */
export const MAX_SHEET_COLUMNS = 40;
/** The most sheets read in a workbook. */
export const MAX_SHEETS = 30;

/** A row of a roll sheet: who, their unit, their category; `collective` when the sheet lists units. */
export interface SheetAwardee {
  name: string;
  unit: string | null;
  category: string | null;
  collective: boolean;
}

export interface SheetText {
  /** The sheets as text: titles, a table per category, the signature and date at the end. */
  text: string;
  /** Every row of the roll sheets, in order; empty when the workbook has none (a quota table). */
  awardees: SheetAwardee[];
}

/** A sheet with more rows than `MAX_SHEET_ROWS`. */
export class SheetTooLargeError extends Error {
  override name = 'SheetTooLargeError';
}

type Role = 'serial' | 'name' | 'unit' | 'category';

/** Header words and the role of their column; other columns (性别, 职务, 备注…) are left out of a roll. */
const HEADER_ROLES: ReadonlyArray<{ role: Role; pattern: RegExp }> = [
  { role: 'serial', pattern: /^(?:序号|编号|序)$/u },
  { role: 'name', pattern: /^(?:姓名|名字|获奖者|获奖人|获奖人员|人员姓名|候选人|候选人姓名|推荐人选|个人姓名)$/u },
  {
    role: 'unit',
    pattern:
      /^(?:工作单位|单位|所在单位|单位名称|集体名称|名称|推荐单位|所在科室|工作单位及职务|单位及职务|所在单位及职务)$/u,
  },
  {
    role: 'category',
    pattern: /^(?:奖项|类别|荣誉|荣誉称号|称号|表彰类别|获奖类别|奖项名称|奖励类别|表彰项目|获奖等级|等次|等级)$/u,
  },
];
/** Other words a header row has: they help find it but are not read. */
const OTHER_HEADER_WORDS =
  /^(?:性别|民族|年龄|出生年月|出生日期|政治面貌|学历|职务|职称|职务职称|职务\/职称|科室|备注|联系电话|电话|身份证号|身份证号码|主要事迹|推荐理由|名额|人数|合计|个人|集体|先进个人|先进集体)$/u;

/** A row that names a category inside the table: `一、先进集体`, `先进个人（30名）`. */
const CATEGORY_ROW =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]\s*|[（(][一二三四五六七八九十]{1,3}[）)]\s*)?.{0,24}(?:先进|优秀|最美|模范|标兵|杰出|十佳|突出贡献|奖|称号|集体|个人|单位|工作者)(?:[（(]\s*(?:共|计)?\s*[0-9０-９一二三四五六七八九十百]{1,5}\s*(?:名|个|人|家|项)\s*[）)])?$/u;

export function readSheet(bytes: Uint8Array): SheetText {
  const workbook = XLSX.read(bytes, {
    type: 'buffer',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellNF: false,
    cellDates: false,
    bookVBA: false,
    bookFiles: false,
    sheetRows: MAX_SHEET_ROWS + 1,
  });
  const blocks: string[] = [];
  const titles = new Set<string>();
  const trailer: string[] = [];
  const awardees: SheetAwardee[] = [];
  for (const name of workbook.SheetNames.slice(0, MAX_SHEETS)) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const rows = sheetRows(sheet);
    if (rows.length > MAX_SHEET_ROWS) throw new SheetTooLargeError(name);
    blocks.push(...sheetBlocks(name, rows, titles, trailer, awardees));
  }
  // The signature and date close the document, as on paper, once.
  blocks.push([...new Set(trailer)].join('\n'));
  return { text: blocks.filter(Boolean).join('\n\n'), awardees };
}

/** The sheet's cells as trimmed text, merged cells filled from their first cell, within the limits. */
function sheetRows(sheet: XLSX.WorkSheet): string[][] {
  const ref = sheet['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  range.e.c = Math.min(range.e.c, range.s.c + MAX_SHEET_COLUMNS - 1);
  range.e.r = Math.min(range.e.r, range.s.r + MAX_SHEET_ROWS);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: false,
    defval: '',
    blankrows: false,
    range,
  });
  const text = rows.map((row) =>
    row.map((cell) =>
      // What a spreadsheet holds is pasted text: zero-width and direction marks come with it, which a
      // name or unit in frontmatter must not keep (rule invisible-characters).
      withoutInvisible(String(cell ?? ''))
        .replace(/\s+/gu, ' ')
        .trim(),
    ),
  );
  // A cell merged down several rows (a category beside its awardees) holds its value in the first row only.
  for (const merge of sheet['!merges'] ?? []) {
    if (merge.e.r === merge.s.r || merge.e.c !== merge.s.c) continue;
    const top = merge.s.r - range.s.r;
    const column = merge.s.c - range.s.c;
    const value = text[top]?.[column];
    if (!value) continue;
    for (let r = top + 1; r <= Math.min(merge.e.r - range.s.r, text.length - 1); r++) {
      if (text[r] && text[r]![column] === '') text[r]![column] = value;
    }
  }
  return text.filter((row) => row.some((cell) => cell !== ''));
}

function headerRoles(row: readonly string[]): Map<Role, number> | undefined {
  const roles = new Map<Role, number>();
  let words = 0;
  row.forEach((cell, column) => {
    const word = cell.replace(/[\s　]+/gu, '');
    const role = HEADER_ROLES.find((r) => r.pattern.test(word))?.role;
    if (role && !roles.has(role)) roles.set(role, column);
    if (role || OTHER_HEADER_WORDS.test(word)) words++;
  });
  return words >= 2 && roles.size >= 1 ? roles : undefined;
}

function sheetBlocks(
  sheetName: string,
  rows: string[][],
  titles: Set<string>,
  signature: string[],
  awardees: SheetAwardee[],
): string[] {
  const headerAt = rows.findIndex((row, i) => i < 12 && headerRoles(row) !== undefined);
  const blocks: string[] = [];
  const title = (headerAt < 0 ? [] : rows.slice(0, headerAt))
    .map((row) => row.filter(Boolean).join(' '))
    .filter((line) => line && !titles.has(line));
  for (const line of title) titles.add(line);
  blocks.push(...title);
  if (headerAt < 0) {
    // No header: the sheet as it is, a row a line.
    blocks.push(rows.map((row) => row.filter(Boolean).join('\t')).join('\n'));
    return blocks;
  }
  const header = rows[headerAt]!;
  const roles = headerRoles(header)!;
  const name = roles.get('name');
  const unit = roles.get('unit');
  if (name === undefined && (unit === undefined || isQuotaHeader(header))) {
    blocks.push(markdownTable(header, rows.slice(headerAt + 1)));
    return blocks;
  }
  // A roll: people (a name column) or units (a unit column only).
  const units = name === undefined;
  const nameColumn = name ?? unit!;
  const serial = roles.get('serial');
  const categoryColumn = roles.get('category');
  // A sheet named for its category (先进集体); `Sheet1` or a file's name is no category.
  const sheetCategory = CATEGORY_ROW.test(sheetName.trim()) ? sheetName.trim() : null;
  const groups = new Map<string | null, string[][]>();
  const trailer: string[] = [];
  let current: string | null = null;
  for (const row of rows.slice(headerAt + 1)) {
    const filled = row.filter(Boolean);
    if (headerRoles(row)) continue; // the header repeated (a printed page's head)
    const who = row[nameColumn] ?? '';
    const isData =
      who !== '' &&
      !(filled.length === 1 && trailer.length > 0) &&
      [serial, units ? undefined : unit, categoryColumn].some((c) => c !== undefined && (row[c] ?? '') !== '');
    if (isData && trailer.length === 0) {
      const category = (categoryColumn !== undefined ? row[categoryColumn] : '') || current || sheetCategory;
      const unitOfRow = units || unit === undefined ? '' : (row[unit] ?? '');
      groups.set(category, [...(groups.get(category) ?? []), units ? [who] : [who, unitOfRow]]);
      awardees.push({ name: who, unit: unitOfRow || null, category, collective: units });
      continue;
    }
    if (filled.length === 1 && trailer.length === 0 && CATEGORY_ROW.test(filled[0]!)) {
      current = filled[0]!.replace(
        /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*/u,
        '',
      );
      continue;
    }
    // Under the table: a signature, a date, 制表人. The signature and date are the roll's own;
    // names of who made the table are not.
    if (!/(?:制表|填表|审核|联系人|经办|电话)/u.test(filled.join(''))) trailer.push(...filled);
  }
  for (const [category, members] of groups) {
    if (category) blocks.push(category);
    const head = units ? ['单位名称'] : ['姓名', '工作单位'];
    blocks.push(markdownTable(head, members));
  }
  signature.push(...trailer);
  return blocks;
}

/** A header whose other columns are counts (先进集体 先进个人 合计): a quota table, not a roll. */
function isQuotaHeader(header: readonly string[]): boolean {
  return header.some((cell) => /(?:名额|人数|合计|先进个人|先进集体)$/u.test(cell.replace(/\s+/gu, '')));
}

function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const cell = (text: string | undefined) => (text ?? '').replace(/\|/gu, '\\|');
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(row[i])).join(' | ')} |`;
  return [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
