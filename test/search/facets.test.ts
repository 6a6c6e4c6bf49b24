/**
 * The facets file: built from the pages' Pagefind ids and filters, read back without loss, and
 * counting as a reader of the filter panel expects (each filter counted under the other filters).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildFacets, Facets, type ChosenFilters } from '../../src/search/facets.ts';

const PAGES: Array<{ id: string; filters: Record<string, string[]> }> = [
  { id: 'zxx_00a1', filters: { kind: ['awardee'], year: ['2022'], unit: ['第一医院'] } },
  { id: 'zxx_1b2c', filters: { kind: ['deed'], year: ['2023'], unit: ['第一医院'] } },
  { id: 'zxx_0f00', filters: { kind: ['roll'], year: ['2023'], unit: ['第一医院', '疾控中心'] } },
  { id: 'zxx_ffff', filters: { kind: ['deed'], year: ['2024'], unit: ['疾控中心'] } },
  { id: 'zxx_0001', filters: { kind: ['announcement'] } },
];

const facets = new Facets(buildFacets(PAGES)!);
const ALL = PAGES.map((page) => page.id);

describe('buildFacets', () => {
  test('writes ids in ascending order as differences, and each filter once per page', () => {
    const data = buildFacets(PAGES)!;
    expect(data.prefix).toBe('zxx_');
    expect(data.ids).toEqual([0x0001, 0x00a1 - 0x0001, 0x0f00 - 0x00a1, 0x1b2c - 0x0f00, 0xffff - 0x1b2c]);
    expect(data.filters.kind!.values).toEqual(['announcement', 'awardee', 'deed', 'roll']);
    expect(data.filters.year!.pages).toEqual([null, 0, 1, 1, 2]);
    expect(data.filters.unit!.values).toEqual(['疾控中心', '第一医院']);
    expect(data.filters.unit!.pages).toEqual([null, 1, [1, 0], 1, 0]);
  });

  test.each([
    ['an id without a language', [{ id: '013c844', filters: {} }]],
    ['an id longer than 12 hex digits', [{ id: 'zxx_0123456789abcd', filters: {} }]],
    [
      'two languages',
      [
        { id: 'zxx_1', filters: {} },
        { id: 'zh_2', filters: {} },
      ],
    ],
    [
      'the same id twice',
      [
        { id: 'zxx_01', filters: {} },
        { id: 'zxx_1', filters: {} },
      ],
    ],
  ])('declines %s (the browser then leaves filters to Pagefind)', (_, pages) => {
    expect(buildFacets(pages)).toBeUndefined();
  });

  test('nothing is lost: every page reads back its own filters (property)', () => {
    const value = fc.constantFrom('2022', '2023', '第一医院', '疾控中心', 'deed', 'roll', '先进个人');
    const page = fc.record({
      hash: fc.integer({ min: 0, max: 0xfffffff }),
      filters: fc.dictionary(fc.constantFrom('kind', 'year', 'unit', 'category'), fc.array(value, { maxLength: 3 })),
    });
    fc.assert(
      fc.property(fc.uniqueArray(page, { selector: (p) => p.hash, maxLength: 40 }), (pages) => {
        const input = pages.map((p) => ({ id: `zxx_${p.hash.toString(16).padStart(7, '0')}`, filters: p.filters }));
        const read = new Facets(JSON.parse(JSON.stringify(buildFacets(input))));
        for (const { id, filters } of input) {
          const expected = Object.fromEntries(
            Object.entries(filters)
              .filter(([, values]) => values.length > 0)
              .map(([name, values]) => [name, [...new Set(values)]]),
          );
          expect(read.filtersOf(id)).toEqual(expected);
        }
      }),
    );
  });
});

describe('Facets.select', () => {
  test('with nothing chosen every result passes and each value is counted once per page', () => {
    const { passing, counts } = facets.select(ALL, {});
    expect(passing).toEqual(ALL);
    expect(counts.kind).toEqual({ announcement: 1, awardee: 1, deed: 2, roll: 1 });
    expect(counts.unit).toEqual({ 第一医院: 3, 疾控中心: 2 });
  });

  test.each<[string, ChosenFilters, string[]]>([
    ['one value', { kind: ['deed'] }, ['zxx_1b2c', 'zxx_ffff']],
    ['any of two values of a filter', { kind: ['deed', 'roll'] }, ['zxx_1b2c', 'zxx_0f00', 'zxx_ffff']],
    ['every filter', { kind: ['deed', 'roll'], year: ['2023'] }, ['zxx_1b2c', 'zxx_0f00']],
    ['a page with several values', { unit: ['疾控中心'] }, ['zxx_0f00', 'zxx_ffff']],
    ['a value no page has', { year: ['1999'] }, []],
    ['an empty choice', { kind: [] }, ALL],
  ])('keeps the results that pass: %s', (_, chosen, expected) => {
    expect(facets.select(ALL, chosen).passing).toEqual(expected);
  });

  test("counts each filter under the other filters' choices, so the other values of a chosen filter stay", () => {
    const { counts } = facets.select(ALL, { kind: ['deed'], year: ['2023'] });
    // kind, counted under year = 2023: the deed and the roll of 2023.
    expect(counts.kind).toEqual({ deed: 1, roll: 1 });
    // year, counted under kind = deed.
    expect(counts.year).toEqual({ 2023: 1, 2024: 1 });
    // unit, counted under both.
    expect(counts.unit).toEqual({ 第一医院: 1 });
  });

  test("a chosen value's count is how many results choosing it alone leaves", () => {
    const { counts } = facets.select(ALL, {});
    for (const [name, values] of Object.entries(counts)) {
      for (const [value, count] of Object.entries(values)) {
        expect(facets.select(ALL, { [name]: [value] }).passing).toHaveLength(count);
      }
    }
  });

  test('keeps the order of the results, and a page it does not know only when nothing is chosen', () => {
    const order = ['zxx_ffff', 'zxx_9999', 'zxx_1b2c', 'zh_1b2c'];
    expect(facets.select(order, {}).passing).toEqual(order);
    expect(facets.select(order, { kind: ['deed'] }).passing).toEqual(['zxx_ffff', 'zxx_1b2c']);
    expect(facets.select(order, {}).counts.kind).toEqual({ deed: 2 });
  });
});
