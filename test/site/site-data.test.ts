import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildSiteIndex, unitHref, type DeedInput, type RollInput } from '../../src/site/site-data.ts';
import { collator, personSlug, indexLetter } from '../../src/site/awardees.ts';

const roll = (id: string, year: number, categories: RollInput['data']['categories']): RollInput => ({
  id,
  data: { title: `${year}年度名单`, issuer: '示例市卫生健康委员会', year, date: `${year + 1}-02-01`, categories },
});

const rolls: RollInput[] = [
  roll('2023/a', 2022, [
    { name: '先进集体', subjectType: 'unit', awardees: [{ name: '市一院' }] },
    {
      name: '先进个人',
      subjectType: 'person',
      awardees: [
        { name: '张伟', unit: '示例市第一人民医院' },
        { name: '张伟', unit: '示例市第二人民医院' },
        { name: '李静', unit: '市一院' },
      ],
    },
  ]),
  roll('2024/b', 2023, [
    {
      name: '先进个人',
      subjectType: 'person',
      awardees: [
        { name: '李静', unit: '示例市第一人民医院' },
        { name: '王芳', unit: '示例市第二人民医院' },
      ],
    },
  ]),
];
const deeds: DeedInput[] = [
  {
    id: '2023/li-jing',
    data: {
      title: '记李静',
      subject: { name: '李静', type: 'person' },
      unit: '示例市第一人民医院',
      honours: [],
      year: 2022,
      roll: '2023/a',
    },
  },
  {
    id: '2023/zhang-wei',
    data: {
      title: '记张伟',
      subject: { name: '张伟', type: 'person' },
      unit: '示例市第二人民医院',
      honours: [],
      year: 2022,
      roll: '2023/a',
    },
  },
  {
    id: '2023/shi-yi-yuan',
    data: {
      title: '记市一院',
      subject: { name: '示例市第一人民医院', type: 'unit' },
      honours: [],
      year: 2022,
      roll: '2023/a',
    },
  },
];
const units = [{ id: 'shi-yi', name: '示例市第一人民医院', aliases: ['市一院'] }];

const index = buildSiteIndex({ announcements: [], rolls, deeds, units, today: '2024-03-01' });

describe('buildSiteIndex', () => {
  test('people are keyed by name and unit: namesakes stay apart, aliases merge', () => {
    expect(index.people.map((p) => `${p.name}@${p.unit}`)).toEqual([
      '李静@示例市第一人民医院',
      '王芳@示例市第二人民医院',
      '张伟@示例市第二人民医院',
      '张伟@示例市第一人民医院',
    ]);
    const li = index.personByKey.get('李静|示例市第一人民医院')!;
    expect(li.honours.map((h) => h.year)).toEqual([2023, 2022]);
    expect(index.namesakes.get('张伟')).toHaveLength(2);
    expect(index.namesakes.has('李静')).toBe(false);
  });

  test('units: registry ids as slugs, aliases resolved, people and unit honours attached', () => {
    const unit = index.unitBySlug.get('shi-yi')!;
    expect(unit.name).toBe('示例市第一人民医院');
    expect(unit.honours.map((h) => h.category)).toEqual(['先进集体']);
    expect(unit.people.map((p) => p.name)).toEqual(['李静', '张伟']);
    expect(unitHref(index, '市一院')).toBe('/units/shi-yi/');
  });

  test('units: departments listed under a unit in the registry are its children, with their honours', () => {
    const withDepartments = buildSiteIndex({
      announcements: [],
      rolls: [
        roll('2023/c', 2022, [
          { name: '先进集体', subjectType: 'unit', awardees: [{ name: '示例市第一人民医院急诊科' }] },
          { name: '先进个人', subjectType: 'person', awardees: [{ name: '李静', unit: '示例市第一人民医院' }] },
        ]),
      ],
      deeds: [],
      units: [
        { id: 'shi-yi', name: '示例市第一人民医院' },
        { id: 'shi-yi-jizhen', name: '示例市第一人民医院急诊科', parent: 'shi-yi' },
        { id: 'shi-yi-icu', name: '示例市第一人民医院重症医学科', parent: 'shi-yi' },
      ],
      today: '2024-03-01',
    });
    const hospital = withDepartments.unitBySlug.get('shi-yi')!;
    expect(hospital.honours).toEqual([]);
    // Only departments with a page of their own (honoured, or with honoured people) are listed.
    expect(hospital.children.map((c) => c.name)).toEqual(['示例市第一人民医院急诊科']);
    expect(hospital.children[0]!.honours.map((h) => h.category)).toEqual(['先进集体']);
    expect(withDepartments.unitBySlug.get('shi-yi-jizhen')!.children).toEqual([]);
  });

  test('awardees link to their write-up, and deeds follow roll order for previous/next', () => {
    const honours = index.honoursByRoll.get('2023/a')!;
    expect(honours.map((h) => h.deedId)).toEqual(['2023/shi-yi-yuan', undefined, '2023/zhang-wei', '2023/li-jing']);
    expect(index.deedNeighbours.get('2023/zhang-wei')).toEqual({ prev: '2023/shi-yi-yuan', next: '2023/li-jing' });
    expect(index.deedNeighbours.get('2023/shi-yi-yuan')?.prev).toBeUndefined();
  });

  test('totals, years and categories', () => {
    expect(index.totals).toMatchObject({ honours: 6, people: 4, years: 2, issuers: 1, deeds: 3 });
    expect(index.years).toEqual([2023, 2022]);
    expect(index.categories.map((c) => c.name)).toEqual(['先进个人', '先进集体']);
  });

  test('person slugs are unique for distinct name+unit keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 6 })), {
          selector: ([n, u]) => `${n.trim()}|${u.trim()}`,
          maxLength: 50,
        }),
        (pairs) => {
          const slugs = pairs.map(([n, u]) => personSlug(n, u));
          return new Set(slugs).size === slugs.length;
        },
      ),
    );
  });
});

describe('index order', () => {
  test('names sort by pinyin, letters come from pinyin', () => {
    expect(['张伟', '李静', '王芳', '安然'].sort(collator.compare)).toEqual(['安然', '李静', '王芳', '张伟']);
    expect(['张伟', '李静', 'Anna', '1号'].map(indexLetter)).toEqual(['Z', 'L', 'A', '#']);
  });
});
