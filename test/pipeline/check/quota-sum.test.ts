import { describe, expect, test } from 'vitest';
import { checkQuotaTable, columnSums, type QuotaTableModel } from '../../../src/pipeline/check/rules/quota-sum.ts';
import { describeSeeds, expectedSeeds } from '../../helpers/seeds.ts';
import { ruleMessages } from './harness.ts';

/** A table shaped like 附件1 of a district notice: 先进单位 merged 3 over six rows and 5 over four. */
function table(): QuotaTableModel & { rows: Array<QuotaTableModel['rows'][number]> } {
  const individuals = [15, 8, 1, 4, 2, 1, 8, 8, 8, 8];
  return {
    caption: '名额分配表',
    columns: ['先进单位名额', '先进个人推荐名额'],
    rows: individuals.map((count, index) => ({
      unit: `单位${index + 1}`,
      counts: [null, count],
      ...(index === 0 ? { merged: [{ column: 0, rows: 6, count: 3 }] } : {}),
      ...(index === 6
        ? { merged: [{ column: 0, rows: 4, count: 5 }], subAllocations: { 甲: 2, 乙: 2, 丙: 2, 丁: 1, 戊: 1 } }
        : {}),
    })),
    total: [8, 63],
  };
}

describe('quota-sum', () => {
  test('a table that adds up has no issues, merged cells counted once', () => {
    expect(
      checkQuotaTable(table(), [
        { name: '先进单位', quota: 8 },
        { name: '先进个人', quota: 63 },
      ]),
    ).toEqual([]);
    expect(columnSums(table())).toEqual([8, 63]);
  });

  test.each<[string, (t: ReturnType<typeof table>) => void, string]>([
    ['a row changed', (t) => void (t.rows[1]!.counts = [null, 9]), 'total'],
    ['a total changed', (t) => void (t.total = [8, 64]), 'total'],
    [
      'a sub-allocation off by one',
      (t) => void (t.rows[6]!.subAllocations = { 甲: 2, 乙: 2, 丙: 2, 丁: 1, 戊: 2 }),
      'subAllocations',
    ],
    ['a merged cell counted again below', (t) => void (t.rows[2]!.counts = [3, 1]), 'counts'],
    ['a merged cell too tall', (t) => void (t.rows[6]!.merged = [{ column: 0, rows: 9, count: 5 }]), 'merged'],
    ['a row with a missing column', (t) => void (t.rows[3]!.counts = [4]), 'counts'],
  ])('%s is an issue', (_name, mutate, pathPart) => {
    const t = table();
    mutate(t);
    const issues = checkQuotaTable(t);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((issue) => issue.path.includes(pathPart))).toBe(true);
  });

  test('a category whose quota differs from the table', () => {
    const issues = checkQuotaTable(table(), [{ name: '先进单位', quota: 9 }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('先进单位');
  });

  test('in an announcement, an error at the cell it is about', () => {
    const t = table();
    t.total = [8, 64];
    const messages = ruleMessages('quota-sum', '正文。', {
      collection: 'announcements',
      frontmatter: { quotaTables: [t] },
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe('error');
    expect(messages[0]!.message).toContain('63');
    expect(messages[0]!.message).toContain('64');
    expect(messages[0]!.line).toBeGreaterThan(5);
    const clean = ruleMessages('quota-sum', '正文。', {
      collection: 'announcements',
      frontmatter: { quotaTables: [table()] },
    });
    expect(clean).toEqual([]);
  });
});

describeSeeds('quota-sum on the numbers of the Wujin notice (seed)', () => {
  const seed = expectedSeeds().find((s) => s.file === 'announcement-wujin-2023.txt')! as unknown as {
    allocation: {
      rows: Array<[string, number]>;
      subAllocations: Record<string, Record<string, number>>;
      individualsTotal: number;
      unitsTotal: number;
    };
    quotas: Array<{ category: string; count: number }>;
  };
  const { allocation } = seed;
  const model = (): QuotaTableModel & { rows: Array<QuotaTableModel['rows'][number]>; total: number[] } => ({
    columns: ['先进单位名额', '先进个人推荐名额'],
    rows: allocation.rows.map(([unit, count], index) => {
      const group = Object.keys(allocation.subAllocations).find((name) => unit.startsWith(name));
      return {
        unit,
        counts: [null, count],
        ...(index === 0 ? { merged: [{ column: 0, rows: 6, count: 3 }] } : {}),
        ...(index === 6 ? { merged: [{ column: 0, rows: 4, count: 5 }] } : {}),
        ...(group ? { subAllocations: allocation.subAllocations[group] } : {}),
      };
    }),
    total: [allocation.unitsTotal, allocation.individualsTotal],
  });
  const categories = seed.quotas.map((q) => ({ name: q.category, quota: q.count }));

  test('南片 8 = 2+2+2+1+1, rows to 63, 3 + 5 to 8', () => {
    expect(checkQuotaTable(model(), categories)).toEqual([]);
    expect(columnSums(model())).toEqual([8, 63]);
  });

  test('a wrong sub-allocation in the seed numbers is caught', () => {
    const broken = model();
    broken.rows[6] = { ...broken.rows[6]!, subAllocations: { ...broken.rows[6]!.subAllocations, 雪堰: 3 } };
    const issues = checkQuotaTable(broken, categories);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('南片卫生院');
  });
});
