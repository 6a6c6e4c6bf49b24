/**
 * The index's parts: every page in exactly one part, parts of about one size, older parts left as they
 * were when pages come in the newest year, and the parts a query loads first.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pageYear, partsToLoad, planParts, type PartsManifest } from '../../src/search/parts.ts';

const page = (url: string, kind: string, ...years: string[]) => ({ url, filters: { kind: [kind], year: years } });

describe('planParts', () => {
  test('packs years oldest first to half the limit, and joins a small newest part to the one before', () => {
    const pages = [
      ...Array.from({ length: 3 }, (_, i) => page(`/d/2019/${i}/`, 'deed', '2019')),
      ...Array.from({ length: 3 }, (_, i) => page(`/d/2020/${i}/`, 'deed', '2020')),
      ...Array.from({ length: 5 }, (_, i) => page(`/d/2021/${i}/`, 'deed', '2021')),
      page('/d/2022/0/', 'deed', '2022'),
    ];
    const parts = planParts(pages, { deeds: 10, records: 10 }).map(({ part }) => [part.id, part.pages]);
    expect(parts).toEqual([
      ['deeds-2021-2022', 6],
      ['deeds-2019-2020', 6],
    ]);
  });

  test('splits a year over the limit by URL, and places an awardee by their newest year', () => {
    const pages = [
      ...Array.from({ length: 25 }, (_, i) => page(`/d/2023/${i}/`, 'deed', '2023')),
      page('/awardees/a/', 'awardee', '2019', '2023'),
    ];
    const planned = planParts(pages, { deeds: 10, records: 10 });
    const deeds = planned.filter(({ part }) => part.group === 'deeds');
    expect(deeds.map(({ part }) => part.id).sort()).toEqual(['deeds-2023-0', 'deeds-2023-1', 'deeds-2023-2']);
    expect(deeds.every(({ pages: own }) => own.length > 0 && own.length <= 15)).toBe(true);
    const records = planned.find(({ part }) => part.group === 'records')!.part;
    expect(records).toMatchObject({ id: 'records-2023', year: '2023', years: ['2019', '2023'], kinds: ['awardee'] });
    expect(planned[0]!.part.group).toBe('records');
  });

  const site = fc.array(
    fc.record({
      n: fc.integer({ min: 0, max: 10_000 }),
      kind: fc.constantFrom('deed', 'awardee', 'roll', 'announcement'),
      year: fc.integer({ min: 2015, max: 2024 }),
    }),
    { maxLength: 300 },
  );
  const pagesOf = (rows: Array<{ n: number; kind: string; year: number }>) => [
    ...new Map(
      rows.map((row) => [`/${row.kind}/${row.n}/`, page(`/${row.kind}/${row.n}/`, row.kind, String(row.year))]),
    ).values(),
  ];

  test('every page is in exactly one part, no part over its limit, ids unique', () => {
    fc.assert(
      fc.property(site, fc.integer({ min: 1, max: 40 }), (rows, limit) => {
        const pages = pagesOf(rows);
        const planned = planParts(pages, { deeds: limit, records: limit });
        const placed = planned.flatMap(({ pages: own }) => own.map((p) => p.url));
        expect(placed.sort()).toEqual(pages.map((p) => p.url).sort());
        expect(new Set(planned.map(({ part }) => part.id)).size).toBe(planned.length);
        for (const { part, pages: own } of planned) {
          expect(own.length).toBe(part.pages);
          // A year split by hash may leave one bucket fuller than the limit; packed years never pass it.
          if (!/-\d{4}-\d+$/.test(part.id) || part.since !== part.year) expect(own.length).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  test('pages added in the newest year leave every part of older years as it was', () => {
    fc.assert(
      fc.property(site, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 8, max: 40 }), (rows, added, limit) => {
        const before = pagesOf(rows.filter((row) => row.year < 2024));
        const after = [...before, ...Array.from({ length: added }, (_, i) => page(`/deed/new-${i}/`, 'deed', '2024'))];
        const key = (planned: ReturnType<typeof planParts>) =>
          new Set(planned.map(({ part, pages: own }) => `${part.id}:${own.map((p) => p.url).join()}`));
        const old = key(planParts(before, { deeds: limit, records: limit }));
        const now = key(planParts(after, { deeds: limit, records: limit }));
        const changed = [...old].filter((part) => !now.has(part));
        // At most the newest packed write-up part changes (it may take the new pages in).
        expect(changed.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('pageYear', () => {
  test.each([
    [{ year: ['2019', '2023'] }, '2023'],
    [{ year: [] }, '0000'],
    [{}, '0000'],
    [{ year: ['二〇二三'] }, '0000'],
  ])('%j → %s', (filters, year) => expect(pageYear(filters)).toBe(year));
});

describe('partsToLoad', () => {
  const manifest: PartsManifest = {
    version: 1,
    firstPages: 100,
    parts: [
      {
        id: 'records-2024',
        group: 'records',
        year: '2024',
        since: '2024',
        pages: 60,
        years: ['2023', '2024'],
        kinds: ['awardee', 'roll'],
      },
      { id: 'deeds-2024', group: 'deeds', year: '2024', since: '2024', pages: 60, years: ['2024'], kinds: ['deed'] },
      {
        id: 'records-2023',
        group: 'records',
        year: '2023',
        since: '2023',
        pages: 60,
        years: ['2022', '2023'],
        kinds: ['awardee', 'roll'],
      },
      { id: 'deeds-2023', group: 'deeds', year: '2023', since: '2023', pages: 60, years: ['2023'], kinds: ['deed'] },
    ],
  };
  const ids = (result: ReturnType<typeof partsToLoad>) => [result.load.map((part) => part.id), result.remaining];

  test.each([
    ['the newest parts up to firstPages', {}, [], false, [['records-2024', 'deeds-2024'], 2]],
    ['nothing more once they are loaded', {}, ['records-2024', 'deeds-2024'], false, [[], 2]],
    ['the next batch when asked', {}, ['records-2024', 'deeds-2024'], true, [['records-2023', 'deeds-2023'], 0]],
    ['only write-up parts for kind=deed', { kind: ['deed'] }, [], false, [['deeds-2024', 'deeds-2023'], 0]],
    ['parts holding the chosen year', { year: ['2022'] }, [], false, [['records-2023'], 0]],
    [
      'an awardee of 2023 placed in 2024',
      { year: ['2023'], kind: ['awardee'] },
      [],
      false,
      [['records-2024', 'records-2023'], 0],
    ],
  ] as const)('%s', (_, chosen, loaded, more, expected) => {
    expect(ids(partsToLoad(manifest, chosen, new Set(loaded), more))).toEqual(expected);
  });
});

test('within a year split into several parts, records and write-ups take turns', () => {
  const pages = [
    ...Array.from({ length: 30 }, (_, i) => page(`/d/2023/${i}/`, 'deed', '2023')),
    ...Array.from({ length: 30 }, (_, i) => page(`/a/${i}/`, 'awardee', '2023')),
    page('/d/2022/0/', 'deed', '2022'),
  ];
  const groups = planParts(pages, { deeds: 10, records: 10 }).map(({ part }) => `${part.group}-${part.year}`);
  expect(groups.slice(0, 4)).toEqual(['records-2023', 'deeds-2023', 'records-2023', 'deeds-2023']);
  expect(groups.at(-1)).toBe('deeds-2022');
});
