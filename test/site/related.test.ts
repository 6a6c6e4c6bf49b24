import { describe, expect, test } from 'vitest';
import { buildSiteIndex, type RollInput } from '../../src/site/site-data.ts';
import { RELATED_LIMIT, relatedTo } from '../../src/site/related.ts';

const people = Array.from({ length: 20 }, (_, i) => ({
  name: `人${String(i).padStart(2, '0')}`,
  unit: i % 2 === 0 ? '示例市第一人民医院' : '示例市第二人民医院',
}));
const rolls: RollInput[] = [
  {
    id: '2024/a',
    data: {
      title: '2023年度名单',
      issuer: '示例市卫生健康委员会',
      year: 2023,
      date: '2024-02-01',
      categories: [
        { name: '先进个人', subjectType: 'person', awardees: people },
        { name: '先进集体', subjectType: 'unit', awardees: [{ name: '示例市第一人民医院' }] },
        { name: '优秀护士', subjectType: 'person', awardees: [{ name: '孤人', unit: '独立单位' }] },
      ],
    },
  },
];
const index = buildSiteIndex({ announcements: [], rolls, deeds: [], today: '2024-06-01' });
const honourOf = (name: string) => index.honours.find((h) => h.name === name)!;

describe('relatedTo', () => {
  test('others of the same honour: bounded, the subject itself left out, starting after it and wrapping', () => {
    const { sameHonour } = relatedTo(index, honourOf('人18'));
    expect(sameHonour!.items.map((i) => i.name)).toEqual(['人19', '人00', '人01', '人02', '人03', '人04']);
    expect(sameHonour!.items).toHaveLength(RELATED_LIMIT);
    expect(sameHonour!.total).toBe(19);
    expect(sameHonour!.moreHref).toBe('/rolls/2024/a/');
  });

  test('colleagues of the same unit, never the person, bounded', () => {
    const { sameUnit } = relatedTo(index, honourOf('人04'));
    expect(sameUnit!.items).toHaveLength(RELATED_LIMIT);
    expect(sameUnit!.items.map((i) => i.name)).not.toContain('人04');
    expect(sameUnit!.items.every((i) => Number(i.name.slice(1)) % 2 === 0)).toBe(true);
    expect(sameUnit!.total).toBe(9);
    expect(sameUnit!.moreHref).toMatch(/^\/units\/.+\/$/);
  });

  test('nothing to relate: no lists', () => {
    expect(relatedTo(index, honourOf('孤人'))).toEqual({ sameHonour: undefined, sameUnit: undefined });
    // A unit has no colleagues; the only unit of its category has no peers.
    expect(relatedTo(index, honourOf('示例市第一人民医院'))).toEqual({ sameHonour: undefined, sameUnit: undefined });
  });
});
