import { describe, expect, test } from 'vitest';
import { buildSiteIndex, type RollInput, type UnitRecord } from '../../src/site/site-data.ts';
import { NO_REGION, TOP, siteStatistics, unitRegions } from '../../src/site/statistics.ts';

const units: UnitRecord[] = [
  { id: 'shi', name: '示例市卫生健康委员会', region: '市直' },
  { id: 'donghu', name: '示例市东湖区卫生健康局', parent: 'shi', region: '东湖区' },
  { id: 'yiyuan', name: '示例市第一人民医院', aliases: ['市一院'], parent: 'shi' },
  { id: 'weishengyuan', name: '示例市东湖区桂山镇卫生院', parent: 'donghu' },
  { id: 'cunshi', name: '示例市东湖区桂山镇桂花村卫生室', parent: 'weishengyuan' },
  { id: 'loop-a', name: '甲单位', parent: 'loop-b' },
  { id: 'loop-b', name: '乙单位', parent: 'loop-a' },
];

const roll = (id: string, year: number, issuer: string, categories: RollInput['data']['categories']): RollInput => ({
  id,
  data: { title: `${year}年度名单`, issuer, year, date: `${year + 1}-02-01`, categories },
});

const rolls: RollInput[] = [
  roll('2023/a', 2022, '示例市卫生健康委员会', [
    { name: '先进集体', subjectType: 'unit', awardees: [{ name: '示例市东湖区桂山镇卫生院' }] },
    {
      name: '先进个人',
      subjectType: 'person',
      awardees: [
        { name: '张伟', unit: '市一院' },
        { name: '李静', unit: '示例市东湖区桂山镇桂花村卫生室' },
        { name: '王芳', unit: '不在名录的单位' },
      ],
    },
  ]),
  roll('2024/b', 2023, '示例市东湖区卫生健康局', [
    { name: '先进个人', subjectType: 'person', awardees: [{ name: '李静', unit: '示例市东湖区桂山镇桂花村卫生室' }] },
  ]),
];

describe('unitRegions', () => {
  test('a unit’s own region, else its nearest ancestor’s, under its name and aliases; cycles end', () => {
    const regions = unitRegions(units);
    expect(regions.get('示例市第一人民医院')).toBe('市直');
    expect(regions.get('市一院')).toBe('市直');
    expect(regions.get('示例市东湖区桂山镇桂花村卫生室')).toBe('东湖区');
    expect(regions.has('甲单位')).toBe(false);
  });
});

describe('siteStatistics', () => {
  const index = buildSiteIndex({ announcements: [], rolls, deeds: [], units, today: '2024-06-01' });
  const stats = siteStatistics(index, units);

  test('counts every line of every roll once, in each grouping', () => {
    expect(stats.honours).toBe(5);
    expect(stats.people + stats.units).toBe(5);
    for (const counts of [stats.byYear, stats.byCategory, stats.byIssuer, stats.byUnit, stats.byRegion])
      expect(counts.reduce((n, c) => n + c.count, 0)).toBe(5);
  });

  test('years in order; the rest largest first', () => {
    expect(stats.byYear).toEqual([
      { label: '2022年度', count: 4 },
      { label: '2023年度', count: 1 },
    ]);
    expect(stats.byCategory[0]).toEqual({ label: '先进个人', count: 4 });
    expect(stats.byRegion).toEqual([
      { label: '东湖区', count: 3 },
      { label: '市直', count: 1 },
      { label: NO_REGION, count: 1 },
    ]);
    expect(stats.byUnit[0]).toEqual({ label: '示例市东湖区桂山镇桂花村卫生室', count: 2 });
  });

  test(`beyond ${TOP} units, the rest are summed apart`, () => {
    const many = roll('2025/c', 2024, '示例市卫生健康委员会', [
      {
        name: '先进个人',
        subjectType: 'person',
        awardees: Array.from({ length: TOP + 3 }, (_, i) => ({ name: `人${i}`, unit: `单位${i}` })),
      },
    ]);
    const big = siteStatistics(buildSiteIndex({ announcements: [], rolls: [many], deeds: [], today: '2025-01-01' }));
    expect(big.byUnit).toHaveLength(TOP);
    expect(big.rest.byUnit).toEqual({ labels: 3, count: 3 });
  });
});
