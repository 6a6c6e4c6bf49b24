/**
 * The browser engine's merging, with a stand-in Pagefind and names index: names-index hits come
 * first, Pagefind's copy of the same page is dropped, filters apply to both, counts add up, and a
 * query no page holds in full falls back to ranking pages by how many of its words they hold.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  SearchEngine,
  type PagefindApi,
  type PagefindResponse,
  type PagefindResult,
} from '../../src/search/browser/engine.ts';
import { buildFacets } from '../../src/search/facets.ts';
import { planParts, type PartsManifest } from '../../src/search/parts.ts';
import { nameShard, type NameEntry } from '../../src/search/names.ts';

interface FakePage {
  id: string;
  url: string;
  title: string;
  kind: string;
  words: string[];
  filters: Record<string, string[]>;
}

const PAGES: FakePage[] = [
  {
    id: 'zh_0a',
    url: '/awardees/li-jing/',
    title: '李静',
    kind: 'awardee',
    words: ['李', '静'],
    filters: { kind: ['awardee'], year: ['2022'] },
  },
  {
    id: 'zh_0b',
    url: '/deeds/2023/li-jing/',
    title: '把诊室搬进居民楼',
    kind: 'deed',
    words: ['李', '静', '诊室', '居民楼'],
    filters: { kind: ['deed'], year: ['2023'] },
  },
  {
    id: 'zh_0c',
    url: '/rolls/2023/mingdan/',
    title: '名单',
    kind: 'roll',
    words: ['李', '静', '王', '芳', '名单'],
    filters: { kind: ['roll'], year: ['2023'] },
  },
  {
    id: 'zh_0d',
    url: '/deeds/2024/sun-ming/',
    title: '银针里的坚守',
    kind: 'deed',
    words: ['银针', '坚守', '中风'],
    filters: { kind: ['deed'], year: ['2024'] },
  },
];

const NAMES: NameEntry[] = [
  {
    k: '李静',
    u: '/awardees/li-jing/',
    t: '李静',
    c: 'awardee',
    d: '示例市第一人民医院',
    f: { kind: ['awardee'], year: ['2022'] },
    p: 'zh_0a',
  },
  {
    k: '李静',
    u: '/deeds/2023/li-jing/',
    t: '把诊室搬进居民楼',
    c: 'deed',
    f: { kind: ['deed'], year: ['2023'] },
    p: 'zh_0b',
  },
];

/** The index in parts, as the build plans them: one part per group and year. */
const PLANNED = planParts(PAGES, { deeds: 1, records: 1 });
const partOf = new Map(PLANNED.flatMap(({ part, pages }) => pages.map((page) => [page.id, part.id] as const)));
const manifest = (firstPages: number): PartsManifest => ({
  version: 1,
  firstPages,
  parts: PLANNED.map(({ part }) => part),
});

/**
 * Pagefind's behaviour in brief: every word must prefix-match a word of the page; filters are any-of;
 * only the pages of the parts loaded (the instance's own and those merged) are searched.
 */
type FakePagefind = PagefindApi & {
  searches: string[];
  filtered: number;
  loaded: number;
  /** Parts loaded, in order. */
  parts: string[];
  /** Called as each search starts. */
  onSearch?: (() => void) | undefined;
};

const partFolder = (path: string) => /pagefind\/([^/]+)\/$/.exec(path)![1]!;

function fakePagefind(): FakePagefind {
  const searches: string[] = [];
  const parts: string[] = [];
  let filtered = 0;
  let loaded = 0;
  const matches = (page: FakePage, term: string, filters: Record<string, { any: string[] }>) =>
    parts.includes(partOf.get(page.id)!) &&
    term.split(' ').every((word) => page.words.some((w) => w.startsWith(word))) &&
    Object.entries(filters).every(([name, { any }]) => (page.filters[name] ?? []).some((v) => any.includes(v)));
  const fake: FakePagefind = {
    searches,
    parts,
    mergeIndex: async (path) => {
      parts.push(partFolder(path));
    },
    get filtered() {
      return filtered;
    },
    get loaded() {
      return loaded;
    },
    options: async () => {},
    init: async () => {},
    filters: async () => ({}),
    search: async (term, options = {}) => {
      searches.push(term ?? '');
      fake.onSearch?.();
      const filters = (options.filters ?? {}) as Record<string, { any: string[] }>;
      if (Object.keys(filters).length > 0) filtered += 1;
      const found = PAGES.filter((page) => matches(page, term ?? '', filters));
      const counts: Record<string, Record<string, number>> = {};
      for (const page of found) {
        for (const [name, values] of Object.entries(page.filters)) {
          for (const value of values) (counts[name] ??= {})[value] = (counts[name]?.[value] ?? 0) + 1;
        }
      }
      const results: PagefindResult[] = found.map((page, i) => ({
        id: page.id,
        score: 10 - i,
        data: async () => {
          loaded += 1;
          return {
            url: page.url,
            excerpt: `<mark>${page.words[0]}</mark>\u200b正文`,
            meta: { title: page.title, kind: page.kind },
            filters: page.filters,
          };
        },
      }));
      return { results, filters: counts, totalFilters: counts } satisfies PagefindResponse;
    },
  };
  return fake;
}

describe('SearchEngine', () => {
  let pagefind: ReturnType<typeof fakePagefind>;
  let engine: SearchEngine;

  /** The site's files: the parts' manifest, the names shards, and the facets files unless `facets` is false. */
  const serve = ({ facets = true, firstPages = 100 } = {}) =>
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (url.endsWith('/search/parts.json')) {
        expect(init?.cache).toBe('no-cache');
        return new Response(JSON.stringify(manifest(firstPages)), { status: 200 });
      }
      const facetsOf = /\/search\/facets\/([^/]+)\.json$/.exec(url)?.[1];
      if (facetsOf) {
        // Revalidated, never taken from the cache unasked: a stale copy would hold another build's ids.
        expect(init?.cache).toBe('no-cache');
        const own = PAGES.filter((page) => partOf.get(page.id) === facetsOf);
        return facets
          ? new Response(JSON.stringify(buildFacets(own)), { status: 200 })
          : new Response('not found', { status: 404 });
      }
      const shard = /names\/([0-9a-f]+)\.json$/.exec(url)?.[1];
      const entries = NAMES.filter((entry) => nameShard(entry.k) === shard);
      return new Response(JSON.stringify(entries), { status: shard ? 200 : 404 });
    });

  beforeEach(() => {
    pagefind = fakePagefind();
    engine = new SearchEngine('/', async () => ({
      createInstance: (options) => {
        pagefind.parts.push(partFolder(options.basePath as string));
        return pagefind;
      },
    }));
    serve();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('ranks names-index hits first, awardee before write-up, without Pagefind duplicates', async () => {
    const outcome = await engine.search('李 静');
    expect(outcome.hits.map((hit) => [hit.url, hit.source])).toEqual([
      ['/awardees/li-jing/', 'names'],
      ['/deeds/2023/li-jing/', 'names'],
      ['/rolls/2023/mingdan/', 'pagefind'],
    ]);
    expect(outcome.total).toBe(3);
    expect(outcome.hits[0]!.excerpt).toBe('示例市第一人民医院');
    expect(outcome.hits[2]!.excerpt).toBe('<mark>李</mark>正文');
  });

  test('applies filters to names-index hits as to Pagefind results, and counts each page once', async () => {
    const all = await engine.search('李静', { counts: true });
    expect(all.filters.kind).toEqual({ awardee: 1, deed: 1, roll: 1 });
    const deeds = await engine.search('李静', { filters: { kind: ['deed'] }, counts: true });
    expect(deeds.hits.map((hit) => hit.url)).toEqual(['/deeds/2023/li-jing/']);
    // Each filter is counted under the others: the other kinds stay on offer.
    expect(deeds.filters.kind).toEqual({ awardee: 1, deed: 1, roll: 1 });
    expect(deeds.filters.year).toEqual({ 2023: 1 });
    const rolls = await engine.search('李静', { filters: { kind: ['roll'], year: ['2023'] } });
    expect(rolls.hits.map((hit) => [hit.url, hit.source])).toEqual([['/rolls/2023/mingdan/', 'pagefind']]);
    expect(rolls.total).toBe(1);
    // The facets file filters and counts: Pagefind is never asked to.
    expect(pagefind.filtered).toBe(0);
  });

  test('without a facets file Pagefind filters and counts', async () => {
    serve({ facets: false });
    const all = await engine.search('李静', { counts: true });
    expect(all.filters.kind).toEqual({ awardee: 1, deed: 1, roll: 1 });
    const deeds = await engine.search('李静', { filters: { kind: ['deed'] } });
    expect(deeds.hits.map((hit) => hit.url)).toEqual(['/deeds/2023/li-jing/']);
    expect(pagefind.filtered).toBeGreaterThan(0);
  });

  test('a query no page holds in full ranks pages by how many of its words they hold', async () => {
    const outcome = await engine.search('银针 坚守 针灸');
    expect(outcome.hits.map((hit) => hit.url)).toEqual(['/deeds/2024/sun-ming/']);
    expect(pagefind.searches).toEqual(['银针 坚守 针灸', '银针', '坚守', '针灸']);
  });

  test('a quick search of a whole name answers from the names index alone', async () => {
    const outcome = await engine.search('李静', { fullText: 'unless-named' });
    expect(outcome.hits.map((hit) => hit.url)).toEqual(['/awardees/li-jing/', '/deeds/2023/li-jing/']);
    expect(pagefind.searches).toEqual([]);
    await engine.search('诊室', { fullText: 'unless-named' });
    expect(pagefind.searches[0]?.replace(/ /g, '')).toBe('诊室');
  });

  test('a search aborted before it starts searches nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.search('李静', { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(pagefind.searches).toEqual([]);
  });

  test('a search overtaken while Pagefind searches loads no excerpts', async () => {
    const controller = new AbortController();
    pagefind.onSearch = () => controller.abort();
    await expect(engine.search('诊室', { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(pagefind.searches).toHaveLength(1);
    expect(pagefind.loaded).toBe(0);
    pagefind.onSearch = undefined;
    expect((await engine.search('诊室')).hits).toHaveLength(1);
    expect(pagefind.loaded).toBe(1);
  });

  test('a query starts with the newest parts and searches older ones when asked', async () => {
    serve({ firstPages: 1 });
    const first = await engine.search('李静');
    // The newest part holding either page is 2024's write-ups, which have neither: nothing from the
    // full text yet, the names index still answers, and the rest waits.
    expect(pagefind.parts).toEqual(['deeds-2024']);
    expect(first.hits.map((hit) => hit.source)).toEqual(['names', 'names']);
    expect(first.remaining).toBe(PLANNED.length - 1);
    expect(first.unsearched).toBe('2023');
    let outcome = first;
    while (outcome.remaining > 0) outcome = await engine.search('李静', { more: true });
    expect(pagefind.parts.toSorted()).toEqual(PLANNED.map(({ part }) => part.id).toSorted());
    expect(outcome.hits.map((hit) => hit.url)).toEqual([
      '/awardees/li-jing/',
      '/deeds/2023/li-jing/',
      '/rolls/2023/mingdan/',
    ]);
    expect(outcome.unsearched).toBeUndefined();
  });

  test('a chosen year or kind loads only the parts that can hold it', async () => {
    serve({ firstPages: 1 });
    const outcome = await engine.search('名单', { filters: { kind: ['roll'] } });
    expect(pagefind.parts).toEqual(['records-2023']);
    expect(outcome.hits.map((hit) => hit.url)).toEqual(['/rolls/2023/mingdan/']);
    expect(outcome.remaining).toBe(0);
  });

  test('parts are merged once, however many queries ask for them at the same time', async () => {
    serve({ firstPages: 1 });
    await Promise.all([engine.search('诊室', { more: true }), engine.search('中风', { more: true })]);
    expect(new Set(pagefind.parts).size).toBe(pagefind.parts.length);
  });

  test('an empty query searches nothing', async () => {
    expect((await engine.search('   ')).hits).toEqual([]);
    expect(pagefind.searches).toEqual([]);
  });
});
