import { describe, expect, test } from 'vitest';
import {
  columnCategory,
  bracketNote,
  columnTotals,
  groupMembers,
  parseQuotaTable,
  parseSubAllocations,
  splitTableRows,
} from '../../src/model/quota-table.ts';
import { QuotaTableSchema } from '../../src/model/schemas/announcement.ts';

/** Word's copy-paste layout: a cell per line, each starting with a tab; merged cells left empty. */
const WORD_LAYOUT = [
  '\t单位',
  '\t先进集体',
  '名额',
  '\t先进个人',
  '',
  '推荐名额',
  '',
  '\t示例市第一人民医院',
  '\t2',
  '\t6',
  '',
  '\t示例市中医院',
  '\t',
  '\t4',
  '',
  '\t东片卫生院（青山、白水、石桥）',
  '\t1',
  '\t5',
  '（青山2名，其他单位各1名）',
  '',
  '\t机动',
  '\t',
  '\t2',
  '',
  '\t合计',
  '\t3',
  '\t17',
];

describe('parseQuotaTable', () => {
  test('reads the Word layout: headers over lines, merged cells, notes, the total row', () => {
    const table = parseQuotaTable(WORD_LAYOUT, '2023年度示例市先进集体和先进个人名额分配表');
    expect(table).not.toBeNull();
    expect(QuotaTableSchema.safeParse(table).success).toBe(true);
    expect(table!.columns).toEqual(['先进集体名额', '先进个人推荐名额']);
    expect(table!.rows.map((r) => [r.unit, r.counts])).toEqual([
      ['示例市第一人民医院', [2, 6]],
      ['示例市中医院', [null, 4]],
      ['东片卫生院（青山、白水、石桥）', [1, 5]],
      ['机动', [null, 2]],
    ]);
    expect(table!.rows[0]!.merged).toEqual([{ column: 0, rows: 2, count: 2 }]);
    expect(table!.rows[2]!.subAllocations).toEqual({ 青山: 2, 白水: 1, 石桥: 1 });
    expect(table!.total).toEqual([3, 17]);
    expect(columnTotals(table!)).toEqual([
      { category: '先进集体', count: 3 },
      { category: '先进个人', count: 17 },
    ]);
  });

  test('reads one row per line with tabs or runs of spaces', () => {
    const table = parseQuotaTable(
      ['单位\t名额', '示例县人民医院\t3', '示例县妇幼保健院    2', '合计\t5'],
      '名额分配表',
    );
    expect(table?.rows.map((r) => [r.unit, r.counts])).toEqual([
      ['示例县人民医院', [3]],
      ['示例县妇幼保健院', [2]],
    ]);
    expect(table?.total).toEqual([5]);
  });

  test('reads a Markdown table, with 序号 dropped and counts like 3名', () => {
    const table = parseQuotaTable(
      [
        '| 序号 | 单位 | 优秀护士 |',
        '| --- | --- | --- |',
        '| 1 | 示例市人民医院 | 3名 |',
        '| 2 | 示例市中心医院 | 二名 |',
      ],
      '名额表',
    );
    expect(table?.columns).toEqual(['优秀护士']);
    expect(table?.rows.map((r) => r.counts)).toEqual([[3], [2]]);
    expect(columnTotals(table!)).toEqual([{ category: '优秀护士', count: 5 }]);
  });

  test('is null for lines that are not a table', () => {
    expect(parseQuotaTable(['各单位要高度重视。', '按时报送材料。'], '名额分配表')).toBeNull();
    expect(parseQuotaTable([], '名额分配表')).toBeNull();
  });
});

describe('sub-allocations in words', () => {
  const members = ['雪堰', '漕桥', '五院', '寨桥', '六院'];
  test.each([
    ['（雪堰、五院、六院各2名，其他单位各1名）', { 雪堰: 2, 五院: 2, 六院: 2, 漕桥: 1, 寨桥: 1 }],
    ['（雪堰3名、五院2名，其他单位各1名）', { 雪堰: 3, 五院: 2, 漕桥: 1, 寨桥: 1, 六院: 1 }],
    ['（各1名）', {}],
    ['（其余各二名）', { 雪堰: 2, 漕桥: 2, 五院: 2, 寨桥: 2, 六院: 2 }],
  ])('%s', (note, expected) => {
    expect(parseSubAllocations(note, members)).toEqual(expected);
  });

  test('groupMembers reads the members listed in brackets', () => {
    expect(groupMembers('南片卫生院（雪堰、漕桥、五院）')).toEqual({
      group: '南片卫生院',
      members: ['雪堰', '漕桥', '五院'],
    });
    expect(groupMembers('疾控中心')).toEqual({ group: '疾控中心', members: [] });
  });
});

test.each([
  ['先进个人推荐名额', '先进个人'],
  ['先进单位名额', '先进单位'],
  ['优秀护士（名）', '优秀护士'],
  ['标杆科室', '标杆科室'],
])('columnCategory(%s) → %s', (header, category) => {
  expect(columnCategory(header)).toBe(category);
});

test('splitTableRows keeps an empty cell line as a cell, not a row break', () => {
  const rows = splitTableRows(['\tA', '\t', '\t1', '', '\tB', '\t2', '\t3', '', '\tC', '\t4', '\t5']);
  expect(rows.map((r) => r.map((c) => c.text))).toEqual([
    ['A', '', '1'],
    ['B', '2', '3'],
    ['C', '4', '5'],
  ]);
});

describe('bracketNote', () => {
  test('prints one pair of brackets whether or not the note keeps its own', () => {
    expect(bracketNote('（区属医疗卫生单位2名，乡镇卫生院3名）')).toBe('（区属医疗卫生单位2名，乡镇卫生院3名）');
    expect(bracketNote('区属医疗卫生单位2名')).toBe('（区属医疗卫生单位2名）');
    expect(bracketNote('(各1名)')).toBe('（各1名）');
    expect(bracketNote('  ')).toBe('');
  });
});
