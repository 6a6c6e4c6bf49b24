/**
 * Quota tables (名额分配表) as they arrive in plain text, read into the `QuotaTable` model of
 * `src/model/schemas/announcement.ts`. Three layouts are understood:
 *
 * - Word's copy-paste: one cell per line, each cell line starting with a tab, a blank line between
 *   rows, header cells broken over lines (`\t先进个人\n\n推荐名额`), merged cells left empty, and
 *   notes in words under a row (`（雪堰、五院、六院各2名，其他单位各1名）`);
 * - one row per line, cells separated by tabs, `|` or runs of spaces;
 * - Markdown tables (`| 单位 | 名额 |`).
 *
 *   \t单位\n\t先进个人\n\n\t武进人民医院\n\t15\n\n\t合计\n\t15
 *     →  { columns: ['先进个人'], rows: [{ unit: '武进人民医院', counts: [15] }], total: [15] }
 */
import type { z } from 'astro/zod';
import type { QuotaRowSchema, QuotaTableSchema } from './schemas/announcement.ts';
import { parseCount } from '../lib/chinese-numerals.ts';

export type QuotaTable = z.infer<typeof QuotaTableSchema>;
export type QuotaRow = z.infer<typeof QuotaRowSchema>;

/** A caption that announces a quota table: `…评选名额分配表`, `名额表`. */
export const QUOTA_CAPTION =
  /名额(?:分配|分解)?(?:表|一览表)|分配表|指标分配|(?:先进|优秀|表彰|推荐)[^，。；：:]{0,30}名额$/u;
/**
 * A row's note as printed: in one pair of full-width brackets whether or not the source kept its own
 * (`（各1名）` and `各1名` both print `（各1名）`).
 */
export function bracketNote(note: string): string {
  const inner = note.trim().replace(/^[（(]\s*(.*?)\s*[）)]$/su, '$1');
  return inner ? `（${inner}）` : '';
}
/** The row that sums the table. */
const TOTAL_ROW = /^(?:合\s*计|总\s*计|共\s*计|小\s*计|总\s*数|合计数)$/u;
/** A reserve row (机动名额) belongs to no merged group. */
const RESERVE_ROW = /^(?:机动|预留|备用)(?:名额)?$/u;
/** A count cell: `15`, `十五`, `15名`, `15人`. */
const COUNT_CELL = /^([0-9０-９]{1,5}|[〇零一二两三四五六七八九十百]{1,5})\s*[名个人家项位]?$/u;
/** A serial-number cell (序号), dropped. */
const SERIAL_CELL = /^[0-9]{1,3}[.、]?$/;

type RawCell = { text: string; notes: string[] };
type RawRow = RawCell[];

/** Split lines into rows of cells, whatever the layout. */
export function splitTableRows(lines: readonly string[]): RawRow[] {
  const tabCellLines = lines.filter((line) => /^\t[^\t]*$/.test(line)).length;
  const markdownLines = lines.filter((line) => /^\s*\|.*\|\s*$/.test(line)).length;
  const rows =
    markdownLines >= 2 && markdownLines >= tabCellLines
      ? splitMarkdownRows(lines)
      : tabCellLines >= 4
        ? splitCellPerLineRows(lines)
        : splitDelimitedRows(lines);
  return rows.map((row) => row.map(withInlineNote));
}

/** A count with its note in the same cell (`8（雪堰、五院各2名，其他单位各1名）`, as Word tables hold it). */
function withInlineNote(cell: RawCell): RawCell {
  const match = /^([^（(]+?)\s*([（(][^（）()]+[）)])$/u.exec(cell.text);
  if (!match || !COUNT_CELL.test(match[1]!)) return cell;
  return { text: match[1]!, notes: [...cell.notes, match[2]!] };
}

function splitCellPerLineRows(lines: readonly string[]): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let blankBefore = true;
  for (const line of lines) {
    // A line holding only a tab is an empty cell (a merged one), not a row break.
    if (!line.startsWith('\t') && line.trim() === '') {
      blankBefore = true;
      continue;
    }
    if (line.startsWith('\t')) {
      if (!row || blankBefore) {
        row = [];
        rows.push(row);
      }
      row.push({ text: line.trim(), notes: [] });
    } else if (row && row.length > 0) {
      const cell = row[row.length - 1]!;
      const text = line.trim();
      // A note in brackets under a row refines it; other text continues the cell (a header broken over lines).
      if (/^[（(].*[）)]$/u.test(text) && COUNT_CELL.test(cell.text)) cell.notes.push(text);
      else cell.text += text;
    }
    blankBefore = false;
  }
  return rows;
}

function splitDelimitedRows(lines: readonly string[]): RawRow[] {
  const rows: RawRow[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const cells = line
      .split(/\t|[ \u3000]{2,}|\s\|\s/u)
      .map((cell) => cell.trim())
      .filter((cell, index, all) => cell !== '' || (index > 0 && index < all.length - 1));
    if (cells.length === 0) continue;
    if (cells.length === 1 && rows.length > 0 && /^[（(].*[）)]$/u.test(cells[0]!)) {
      const last = rows[rows.length - 1]!;
      last[last.length - 1]!.notes.push(cells[0]!);
      continue;
    }
    rows.push(cells.map((text) => ({ text, notes: [] })));
  }
  return rows;
}

function splitMarkdownRows(lines: readonly string[]): RawRow[] {
  return lines
    .filter((line) => /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|[\s:|-]+\|\s*$/.test(line))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((text) => ({ text: text.trim(), notes: [] })),
    );
}

function readCount(text: string): number | null {
  const match = COUNT_CELL.exec(text.trim());
  return match ? parseCount(match[1]!) : null;
}

/** The category a column counts, from its header: `先进个人推荐名额` → `先进个人`. */
export function columnCategory(header: string): string {
  const category = header
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/u, '')
    .replace(/(?:推荐|分配|评选|表彰)?(?:名额|人数|数量|指标|个数)(?:数)?$/u, '')
    .replace(/[（(][个名人家][）)]$/u, '');
  return category || header;
}

/**
 * Read sub-allocations in words against the members listed in the unit's brackets:
 * `（雪堰、五院、六院各2名，其他单位各1名）` with members 雪堰、漕桥、五院、寨桥、六院 →
 * `{ 雪堰: 2, 五院: 2, 六院: 2, 漕桥: 1, 寨桥: 1 }`.
 */
export function parseSubAllocations(note: string, members: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  const clauses = note
    .replace(/^[（(]|[）)]$/gu, '')
    .split(/[，,；;。]/u)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const clause of clauses) {
    const each = /^(.+?)各\s*([0-9]{1,4}|[一二两三四五六七八九十]{1,3})\s*[名个人家]/u.exec(clause);
    if (each) {
      const count = parseCount(each[2]!);
      if (count === null) continue;
      const who = each[1]!;
      if (/^(?:其他|其余|剩余|另外)/u.test(who)) {
        for (const member of members) if (!(member in result)) result[member] = count;
      } else {
        for (const name of who.split(/[、和及与]/u)) if (name.trim()) result[name.trim()] = count;
      }
      continue;
    }
    for (const part of clause.split(/[、]/u)) {
      const single = /^(.+?)\s*([0-9]{1,4}|[一二两三四五六七八九十]{1,3})\s*[名个人家]$/u.exec(part.trim());
      if (!single || /各$/u.test(single[1]!)) continue;
      const count = parseCount(single[2]!);
      if (count === null) continue;
      if (/^(?:其他|其余|剩余)/u.test(single[1]!)) {
        for (const member of members) if (!(member in result)) result[member] = count;
      } else result[single[1]!.trim()] = count;
    }
  }
  return result;
}

/** The members a group lists in brackets: `南片卫生院（雪堰、漕桥、五院）` → [雪堰, 漕桥, 五院]. */
export function groupMembers(unit: string): { group: string; members: string[] } {
  const match = /^(.+?)[（(]([^（）()]+)[）)]$/u.exec(unit.trim());
  if (!match) return { group: unit.trim(), members: [] };
  const members = match[2]!
    .split(/[、，,]/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return { group: match[1]!.trim(), members: members.length > 1 ? members : [] };
}

/**
 * Rows of a table copied from a web page with a line per cell: the row's first cell alone, then
 * `| cell` lines, then a lone `|` ending the row. Joined into Markdown rows (`| a | b | c |`);
 * other layouts are returned as they are.
 */
export function joinBrokenRows(lines: readonly string[]): string[] {
  if (lines.filter((line) => line.trim() === '|').length < 2) return [...lines];
  const out: string[] = [];
  let row: string[] = [];
  const flush = () => {
    if (row.length > 1) out.push(`| ${row.join(' | ')} |`);
    else if (row.length === 1) out.push(row[0]!);
    row = [];
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '|') flush();
    else if (text.startsWith('|')) row.push(text.replace(/^\|\s*|\s*\|$/gu, ''));
    else if (text === '') continue;
    else {
      flush();
      row.push(text);
    }
  }
  flush();
  return out;
}

/**
 * Read a quota table from its lines (without the caption). Returns `null` when the lines do not
 * hold a table with at least one count column and one data row.
 */
export function parseQuotaTable(lines: readonly string[], caption: string): QuotaTable | null {
  const rows = splitTableRows(joinBrokenRows(lines))
    .map((row) =>
      row.length > 1 && (SERIAL_CELL.test(row[0]!.text) || /^(?:序号|编号|序)$/u.test(row[0]!.text))
        ? row.slice(1)
        : row,
    )
    .filter((row) => row.length > 1);
  if (rows.length < 2) return null;
  const headerIndex = rows.findIndex((row) => row.slice(1).some((cell) => cell.text && readCount(cell.text) === null));
  if (headerIndex === -1) return null;
  const header = rows[headerIndex]!;
  const width = header.length - 1;
  const columns = header.slice(1).map((cell) => cell.text.replace(/\s+/g, ''));
  const body = rows.slice(headerIndex + 1);
  const quotaRows: QuotaRow[] = [];
  let total: (number | null)[] | undefined;
  for (const row of body) {
    const unit = row[0]!.text.replace(/\s+/g, '');
    if (!unit) continue;
    const cells = row.slice(1, width + 1);
    while (cells.length < width) cells.push({ text: '', notes: [] });
    const counts = cells.map((cell) => (cell.text === '' ? null : readCount(cell.text)));
    if (cells.some((cell, i) => cell.text !== '' && counts[i] === null)) continue;
    if (TOTAL_ROW.test(unit)) {
      total = counts;
      continue;
    }
    const quotaRow: QuotaRow = { unit, counts };
    const noteColumn = cells.findIndex((cell) => cell.notes.length > 0);
    const trailingNotes = row.slice(width + 1).map((cell) => cell.text);
    const notes = noteColumn >= 0 ? cells[noteColumn]!.notes : trailingNotes;
    if (notes.length > 0) {
      const note = notes.join('');
      quotaRow.note = note;
      const { members } = groupMembers(unit);
      const subAllocations = parseSubAllocations(note, members);
      if (Object.keys(subAllocations).length > 0) {
        quotaRow.subAllocations = subAllocations;
        quotaRow.subAllocationColumn = noteColumn >= 0 ? noteColumn : width - 1;
      }
    }
    quotaRows.push(quotaRow);
  }
  if (quotaRows.length === 0) return null;
  markMergedCells(quotaRows, width);
  const table: QuotaTable = { caption, columns, rows: quotaRows };
  if (total) table.total = total;
  return table;
}

/**
 * A column whose numbers are printed on some rows and left empty below them is a merged cell:
 * the number stands for its row and the empty rows that follow.
 */
function markMergedCells(rows: QuotaRow[], width: number): void {
  for (let column = 0; column < width; column++) {
    const filled = rows.filter((row) => row.counts[column] !== null).length;
    if (filled === 0 || filled === rows.length) continue;
    for (let i = 0; i < rows.length; i++) {
      const count = rows[i]!.counts[column];
      if (count === null || count === undefined) continue;
      let span = 1;
      while (
        i + span < rows.length &&
        rows[i + span]!.counts[column] === null &&
        !RESERVE_ROW.test(rows[i + span]!.unit)
      )
        span++;
      if (span > 1) (rows[i]!.merged ??= []).push({ column, rows: span, count });
    }
  }
}

/** The sum the table states for each column: the 合计 row, else the sum of its rows. */
export function columnTotals(table: QuotaTable): { category: string; count: number }[] {
  return table.columns.map((header, column) => {
    const printed = table.total?.[column];
    const sum = table.rows.reduce((acc, row) => acc + (row.counts[column] ?? 0), 0);
    return { category: columnCategory(header), count: printed ?? sum };
  });
}
