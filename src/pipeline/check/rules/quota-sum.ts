/**
 * Rule `quota-sum`: a quota table (名额分配表) adds up. Each column's rows sum to its 合计,
 * merged cells counted once; sub-allocations stated in words sum to their row (南片卫生院 8 =
 * 雪堰 2 + 五院 2 + 六院 2 + 漕桥 1 + 寨桥 1); and the announcement's categories match the
 * table's totals (先进单位 8 = 3 + 5). Errors, each at the cell it is about.
 *
 * `checkQuotaTable` is pure and works on the `QuotaTable` model of `src/model/schemas/announcement.ts`,
 * so a table parsed by the extractor can be checked before it is written.
 *
 *   rows 15+8+1+4+2+1+8+8+8+8 = 63, 合计 64   →   error: “先进个人推荐名额”一列各行相加为 63，但合计写的是 64…
 */
import { formatPath, type FrontmatterCheck } from '../helpers.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'quota-sum',
  description: '名额分配表各行之和等于合计，分配到单位的名额之和等于该行',
  fix: '核对数字',
  severity: 'default',
  examples: [
    {
      collection: 'announcements',
      frontmatter: {
        quotaTables: [
          {
            caption: '先进个人推荐名额分配表',
            columns: ['先进个人'],
            rows: [
              { unit: '市第一人民医院', counts: [3] },
              { unit: '市中医医院', counts: [2] },
            ],
            total: [6],
          },
        ],
      },
      message: '各行相加为 5，但合计写的是 6',
      severity: 'error',
    },
  ],
});

/** The parts of the quota-table model this rule reads (see `QuotaTableSchema`). */
export interface QuotaTableModel {
  caption?: string;
  columns: readonly string[];
  rows: ReadonlyArray<{
    unit: string;
    counts: ReadonlyArray<number | null>;
    subAllocations?: Readonly<Record<string, number>>;
    subAllocationColumn?: number;
    merged?: ReadonlyArray<{ column: number; rows: number; count: number }>;
  }>;
  total?: ReadonlyArray<number | null>;
}

export interface CategoryModel {
  name: string;
  quota?: number;
}

export interface QuotaIssue {
  /** Path of the field inside the table: `['rows', 6, 'subAllocations']`. */
  path: (string | number)[];
  message: string;
}

/** The sum of each column, merged cells counted once. */
export function columnSums(table: QuotaTableModel): number[] {
  const covered = coveredCells(table);
  return table.columns.map((_, column) => {
    let sum = 0;
    table.rows.forEach((row, index) => {
      const merged = row.merged?.find((cell) => cell.column === column);
      if (merged) sum += merged.count;
      else if (!covered.has(`${index}:${column}`)) sum += row.counts[column] ?? 0;
    });
    return sum;
  });
}

/** Cells under a merged cell (not its first row), as `row:column`. */
function coveredCells(table: QuotaTableModel): Set<string> {
  const covered = new Set<string>();
  table.rows.forEach((row, index) => {
    for (const cell of row.merged ?? []) {
      for (let k = 1; k < cell.rows; k++) covered.add(`${index + k}:${cell.column}`);
    }
  });
  return covered;
}

export function checkQuotaTable(table: QuotaTableModel, categories: readonly CategoryModel[] = []): QuotaIssue[] {
  const issues: QuotaIssue[] = [];
  const columns = table.columns;
  const covered = coveredCells(table);
  table.rows.forEach((row, index) => {
    if (row.counts.length !== columns.length) {
      issues.push({
        path: ['rows', index, 'counts'],
        message: `“${row.unit}”一行有 ${row.counts.length} 个数，而表格有 ${columns.length} 列（${columns.join('、')}）；空格或合并的格请写 null`,
      });
    }
    for (const cell of row.merged ?? []) {
      if (index + cell.rows > table.rows.length) {
        issues.push({
          path: ['rows', index, 'merged'],
          message: `“${row.unit}”的合并格跨 ${cell.rows} 行，超出了表格（从这一行起只有 ${table.rows.length - index} 行）；请核对 rows`,
        });
      }
      const own = row.counts[cell.column];
      if (own !== null && own !== undefined && own !== cell.count) {
        issues.push({
          path: ['rows', index, 'counts', cell.column],
          message: `“${row.unit}”的“${columns[cell.column]}”写了 ${own}，而从这一行起的合并格写的是 ${cell.count}；请统一`,
        });
      }
    }
    row.counts.forEach((count, column) => {
      if (count !== null && covered.has(`${index}:${column}`)) {
        issues.push({
          path: ['rows', index, 'counts', column],
          message: `“${row.unit}”的“${columns[column]}”已被上方的合并格覆盖，却又写了 ${count}；合并格覆盖的格请写 null`,
        });
      }
    });
    if (row.subAllocations && Object.keys(row.subAllocations).length > 0) {
      const column = row.subAllocationColumn ?? columns.length - 1;
      const target = row.merged?.find((cell) => cell.column === column)?.count ?? row.counts[column];
      const parts = Object.entries(row.subAllocations);
      const sum = parts.reduce((total, [, value]) => total + value, 0);
      if (typeof target === 'number' && sum !== target) {
        issues.push({
          path: ['rows', index, 'subAllocations'],
          message: `“${row.unit}”的“${columns[column] ?? `第 ${column + 1} 列`}”为 ${target}，但分到各单位的名额相加为 ${sum}（${parts
            .map(([unit, value]) => `${unit} ${value}`)
            .join(' + ')}）；请核对`,
        });
      }
    }
  });
  const sums = columnSums(table);
  table.total?.forEach((total, column) => {
    if (total === null || column >= columns.length || sums[column] === total) return;
    issues.push({
      path: ['total', column],
      message: `“${columns[column]}”一列各行相加为 ${sums[column]}，但合计写的是 ${total}；请核对各行或合计`,
    });
  });
  for (const category of categories) {
    if (category.quota === undefined) continue;
    const column = columns.findIndex((header) => header.includes(category.name));
    if (column === -1) continue;
    const stated = table.total?.[column] ?? sums[column]!;
    if (stated !== category.quota) {
      issues.push({
        path: table.total?.[column] != null ? ['total', column] : ['columns', column],
        message: `类别“${category.name}”的名额为 ${category.quota}，但名额分配表“${columns[column]}”一列合计为 ${stated}；请核对 categories 或名额分配表`,
      });
    }
  }
  return issues;
}

export const checkQuotaSumFrontmatter: FrontmatterCheck = ({ file, data, locate, collection, valid }) => {
  if (collection !== 'announcements' || !valid || !Array.isArray(data.quotaTables)) return;
  const categories = (data.categories ?? []) as CategoryModel[];
  (data.quotaTables as QuotaTableModel[]).forEach((table, index) => {
    for (const issue of checkQuotaTable(table, categories)) {
      const path = ['quotaTables', index, ...issue.path];
      rule.report(file, `名额分配表“${table.caption ?? index + 1}”（${formatPath(path)}）：${issue.message}`, {
        place: locate(path),
        fatal: true,
      });
    }
  });
};
