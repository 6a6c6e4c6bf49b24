import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexSite, pageUrl, readFilters, searchableHtml, type IndexStats } from '../../src/integrations/pagefind.ts';
import { Facets, type FacetData } from '../../src/search/facets.ts';
import type { PartsManifest } from '../../src/search/parts.ts';
import { nameShard, type NameEntry } from '../../src/search/names.ts';
import { nameKey } from '../../src/search/query.ts';
import { spaceWords } from '../../src/search/segment.ts';

/** A page as SearchMeta marks it up. */
function page(options: {
  kind?: string;
  title: string;
  body: string;
  meta?: Record<string, string>;
  filters?: string[];
}) {
  const filters = [...(options.kind ? [`kind:${options.kind}`] : []), ...(options.filters ?? [])];
  const meta = Object.entries({ ...(options.kind ? { kind: options.kind } : {}), ...options.meta }).map(
    ([key, value]) => `<span data-pagefind-meta="${key}:${value}"></span>`,
  );
  return `<!doctype html><html lang="zh-Hans"><head><title>${options.title}</title></head><body>
<header data-pagefind-ignore>卫生健康先进事迹</header>
<main data-pagefind-body><div hidden data-search-meta>${filters.map((f) => `<span data-pagefind-filter="${f}"></span>`).join('')}${meta.join('')}</div>
<h1>${options.title}</h1><p>${options.body}</p></main></body></html>`;
}

const PAGES: Record<string, string> = {
  'index.html': page({ title: '首页', body: '李静 王芳 示例市第一人民医院' }),
  'awardees/li-jing-abc/index.html': page({
    kind: 'awardee',
    title: '李静',
    body: '单位 示例市第一人民医院 获表彰 1 次',
    meta: { subject: '李静', unit: '示例市第一人民医院', honour: '先进个人' },
    filters: ['year:2022', 'unit:示例市第一人民医院', 'category:先进个人'],
  }),
  'units/shi-diyi/index.html': page({
    kind: 'awardee',
    title: '示例市第一人民医院',
    body: '先进单位 2022年度',
    meta: { subject: '示例市第一人民医院', alias: '市一院、示例一院' },
    filters: ['year:2022', 'unit:示例市第一人民医院 &amp; 分院'],
  }),
  'announcements/2023/tongzhi/index.html': page({
    kind: 'announcement',
    title: '关于开展2022年度先进个人评选活动的通知',
    body: '武卫字〔2023〕4号 各单位：现将有关事项通知如下。',
    meta: { docnumber: '武卫字〔2023〕4号' },
    filters: ['year:2023', 'issuer:示例市卫生健康委员会'],
  }),
  'awardees/zhong-qian-xyz/index.html': page({
    kind: 'awardee',
    title: '钟乾',
    body: '单位 示例市西山区乾溪镇卫生院',
    meta: { subject: '钟乾', unit: '示例市西山区乾溪镇卫生院' },
  }),
  'zh-hant/awardees/li-jing-abc/index.html': page({
    kind: 'awardee',
    title: '李靜',
    body: '示例市第一人民醫院',
    meta: { subject: '李靜' },
  }),
};

/** The site's index parts, as `search/parts.json` lists them. */
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'search', 'parts.json'), 'utf8')) as PartsManifest;

/** Every fragment of every part: the page's URL, its id (file name), text and metadata. */
function fragmentsOf(dir: string) {
  return manifestOf(dir).parts.flatMap(({ id: part }) => {
    const folder = join(dir, 'pagefind', part, 'fragment');
    return readdirSync(folder).map((file) => {
      const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
      const data = JSON.parse(text.slice(text.indexOf('{'))) as {
        url: string;
        content: string;
        meta: { title: string };
      };
      return { ...data, part, id: file.replace(/\.pf_fragment$/, '') };
    });
  });
}

/** Every file under `dir`, by path, with its bytes. */
function treeOf(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length), readFileSync(path).toString('base64')] as const;
      }),
  );
}

function writePages(dir: string, pages: Record<string, string>) {
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
}

describe('indexSite', () => {
  let dir: string;
  let stats: IndexStats;
  const shard = (key: string): NameEntry[] =>
    JSON.parse(readFileSync(join(dir, 'search', 'names', `${nameShard(key)}.json`), 'utf8')) as NameEntry[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deeds-pagefind-'));
    for (const [file, html] of Object.entries(PAGES)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), html);
    }
    stats = await indexSite(dir, {
      glossary: [{ simplified: '钟乾', traditional: '鍾乾', variants: ['鐘乾'] }],
      aliases: new Map([['示例市第一人民医院', ['市一院']]]),
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('indexes the pages that declare a kind, and not the traditional variant', () => {
    expect(stats.errors).toEqual([]);
    expect(stats.pages).toBe(4);
    const { parts } = manifestOf(dir);
    expect(parts.map((part) => part.id)).toEqual(['records-0000-2023']);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', parts[0]!.id, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zxx']);
    expect(entry.languages.zxx.page_count).toBe(4);
    expect(fragmentsOf(dir)).toHaveLength(4);
    expect(fragmentsOf(dir).some((fragment) => fragment.url.startsWith('/zh-hant/'))).toBe(false);
  });

  test('indexes the text cut into words as the browser cuts queries, and keeps titles as the page has them', () => {
    const fragments = fragmentsOf(dir);
    const person = fragments.find((f) => f.url === '/awardees/li-jing-abc/')!;
    expect(person.content).toContain(spaceWords('单位 示例市第一人民医院 获表彰 1 次'));
    expect(spaceWords('示例市第一人民医院')).toContain(' ');
    expect(shard('李静').find((e) => e.k === '李静')?.t).toBe('李静');
  });

  test('writes every names shard, and the subject, aliases and document number of each page', () => {
    expect(readdirSync(join(dir, 'search', 'names'))).toHaveLength(1024);
    const person = shard('李静').filter((e) => e.k === '李静');
    expect(person).toHaveLength(1);
    expect(person[0]).toMatchObject({
      u: '/awardees/li-jing-abc/',
      t: '李静',
      c: 'awardee',
      d: '示例市第一人民医院 · 先进个人',
    });
    expect(person[0]!.f).toEqual({
      kind: ['awardee'],
      year: ['2022'],
      unit: ['示例市第一人民医院'],
      category: ['先进个人'],
    });
    expect(person[0]!.p).toMatch(/^zxx_[0-9a-f]+$/);
    expect(shard('市一院').find((e) => e.k === '市一院')?.u).toBe('/units/shi-diyi/');
    const doc = shard('武卫字〔2023〕4号').find((e) => e.k === '武卫字〔2023〕4号');
    expect(doc).toMatchObject({ u: '/announcements/2023/tongzhi/', c: 'announcement' });
  });

  test('adds keys in the forms a reader of the 繁體 variant types, all pointing at simplified pages', () => {
    const keys = (url: string) =>
      readdirSync(join(dir, 'search', 'names'))
        .flatMap((file) => JSON.parse(readFileSync(join(dir, 'search', 'names', file), 'utf8')) as NameEntry[])
        .filter((e) => e.u === url)
        .map((e) => e.k)
        .sort();
    expect(keys('/awardees/li-jing-abc/')).toEqual(['李静', '李靜'].sort());
    expect(keys('/awardees/zhong-qian-xyz/')).toEqual(['钟乾', '鍾乾', '鐘乾'].sort());
    expect(keys('/units/shi-diyi/')).toEqual(['示例一院', '市一院', '示例市第一人民医院', '示例市第一人民醫院'].sort());
    expect(shard(nameKey('李靜')).every((e) => !e.u.startsWith('/zh-hant/'))).toBe(true);
  });

  test('writes conversion tables cut down to the site, with the glossary first', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(dir, 'search', `${name}.json`), 'utf8'));
    const toSimplified = read('to-simplified');
    expect(new Map(toSimplified.glossary)).toEqual(
      new Map([
        ['钟乾', '钟乾'],
        ['鍾乾', '钟乾'],
        ['鐘乾', '钟乾'],
      ]),
    );
    const t2s = new Map(toSimplified.dicts[0][1].split('|').map((pair: string) => pair.split(' ')));
    expect(t2s.get('靜')).toBe('静');
    expect(t2s.get('醫')).toBe('医');
    expect(t2s.has('龜')).toBe(false);
    const toTraditional = read('to-traditional');
    expect(toTraditional.glossary).toEqual([['钟乾', '鍾乾']]);
    const s2t = new Map(toTraditional.dicts[0][0].split('|').map((pair: string) => pair.split(' ')));
    expect(s2t.get('静')).toBe('靜');
    expect(s2t.has('龟')).toBe(false);
  });

  test("writes every indexed page's filters under its Pagefind id (search/facets/<part>.json)", () => {
    const ids = new Map(fragmentsOf(dir).map((fragment) => [fragment.url, fragment.id]));
    const data = JSON.parse(readFileSync(join(dir, 'search', 'facets', 'records-0000-2023.json'), 'utf8')) as FacetData;
    expect(data.prefix).toBe('zxx_');
    expect(data.ids).toHaveLength(4);
    const facets = new Facets(data);
    expect(facets.filtersOf(ids.get('/awardees/li-jing-abc/')!)).toEqual({
      kind: ['awardee'],
      year: ['2022'],
      unit: ['示例市第一人民医院'],
      category: ['先进个人'],
    });
    expect(facets.filtersOf(ids.get('/units/shi-diyi/')!)?.unit).toEqual(['示例市第一人民医院 & 分院']);
    expect(facets.filtersOf(ids.get('/announcements/2023/tongzhi/')!)).toEqual({
      kind: ['announcement'],
      year: ['2023'],
      issuer: ['示例市卫生健康委员会'],
    });
    const { passing, counts } = facets.select([...ids.values()], { year: ['2022'] });
    expect(passing.sort()).toEqual([ids.get('/awardees/li-jing-abc/'), ids.get('/units/shi-diyi/')].sort());
    // kind is counted under year = 2022; year under no other choice.
    expect(counts.kind).toEqual({ awardee: 2 });
    expect(counts.year).toEqual({ 2022: 2, 2023: 1 });
  });

  test('reports the largest index chunk, and keeps only the files the search loads', () => {
    const folder = join(dir, 'pagefind', 'records-0000-2023');
    const chunks = readdirSync(join(folder, 'index')).map((f) => readFileSync(join(folder, 'index', f)).byteLength);
    expect(stats.largestChunkBytes).toBe(Math.max(...chunks));
    expect(existsSync(join(folder, 'pagefind.js'))).toBe(true);
    expect(readdirSync(folder).filter((name) => /ui|highlight|worker/.test(name))).toEqual([]);
  });
});

describe('indexSite in parts', () => {
  let dir: string;
  let cache: string;
  const options = { partLimits: { records: 1, deeds: 1 }, firstPages: 1 };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deeds-pagefind-parts-'));
    cache = mkdtempSync(join(tmpdir(), 'deeds-pagefind-cache-'));
    writePages(dir, {
      ...PAGES,
      'deeds/2023/li-jing/index.html': page({
        kind: 'deed',
        title: '把诊室搬进居民楼',
        body: '李静同志扎根社区十年',
        filters: ['year:2023'],
      }),
    });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  test('puts each page in one part, newest first, write-ups apart, with the years and kinds each holds', async () => {
    const stats = await indexSite(dir, { ...options, cacheDir: cache });
    expect(stats.errors).toEqual([]);
    const manifest = manifestOf(dir);
    expect(manifest.firstPages).toBe(1);
    const summary = manifest.parts.map(({ id, years, kinds, pages }) => ({ id, years, kinds, pages }));
    expect(summary.slice(0, 2)).toEqual([
      { id: 'records-2023', years: ['2023'], kinds: ['announcement'], pages: 1 },
      { id: 'deeds-2023', years: ['2023'], kinds: ['deed'], pages: 1 },
    ]);
    // Two awardees of 2022 over a limit of one page: split by a hash of the URL, into parts of their own.
    const split = summary.filter((part) => part.id.startsWith('records-2022-'));
    expect(split.every((part) => part.id.match(/^records-2022-[01]$/) && part.years.join() === '2022')).toBe(true);
    expect(split.reduce((sum, part) => sum + part.pages, 0)).toBe(2);
    // A page without a year (a unit's) comes last.
    expect(summary.at(-1)).toEqual({ id: 'records-0000', years: [], kinds: ['awardee'], pages: 1 });
    const fragments = fragmentsOf(dir);
    const urls = fragments.map((fragment) => fragment.url);
    expect(urls).toHaveLength(stats.pages);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('/deeds/2023/li-jing/');
    for (const part of manifest.parts) {
      const facets = JSON.parse(readFileSync(join(dir, 'search', 'facets', `${part.id}.json`), 'utf8')) as FacetData;
      expect(facets.ids).toHaveLength(part.pages);
    }
    expect(stats.indexedParts).toBe(manifest.parts.length);
  });

  test('a build with no page changed indexes nothing again, and writes the same files', async () => {
    const before = treeOf(dir);
    const stats = await indexSite(dir, { ...options, cacheDir: cache });
    expect(stats.indexedParts).toBe(0);
    expect(treeOf(dir)).toEqual(before);
  });

  test('a changed page indexes its own part again, and the site is as a clean build makes it', async () => {
    writePages(dir, {
      'deeds/2023/li-jing/index.html': page({
        kind: 'deed',
        title: '把诊室搬进居民楼',
        body: '李静同志扎根社区十二年',
        filters: ['year:2023'],
      }),
    });
    const stats = await indexSite(dir, { ...options, cacheDir: cache });
    expect(stats.indexedParts).toBe(1);
    const clean = mkdtempSync(join(tmpdir(), 'deeds-pagefind-clean-'));
    try {
      writePages(clean, {
        ...PAGES,
        'deeds/2023/li-jing/index.html': page({
          kind: 'deed',
          title: '把诊室搬进居民楼',
          body: '李静同志扎根社区十二年',
          filters: ['year:2023'],
        }),
      });
      await indexSite(clean, options);
      expect(treeOf(dir)).toEqual(treeOf(clean));
      // Parts no build uses any more are not kept.
      expect(readdirSync(cache)).toHaveLength(manifestOf(dir).parts.length);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});

describe('indexSite when a staging thread fails', () => {
  test('stages the pages in its own thread and indexes them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeds-pagefind-starved-'));
    try {
      for (const [file, html] of Object.entries(PAGES)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), html);
      }
      // Threads too small to load their modules run out of memory at once.
      const stats = await indexSite(dir, {
        resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 },
      });
      expect(stats.errors).toEqual([]);
      expect(stats.pages).toBe(4);
      expect(fragmentsOf(dir)).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indexSite on a site with nothing to find', () => {
  test('writes a manifest of no parts, which the browser reads as nothing to find, and no staging folder is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeds-pagefind-empty-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><p>首页</p></body></html>');
      const stats = await indexSite(dir);
      expect(stats.pages).toBe(0);
      expect(stats.errors).toEqual([]);
      expect(manifestOf(dir).parts).toEqual([]);
      expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  test.each([
    ['index.html', '/'],
    ['awardees/li-jing/index.html', '/awardees/li-jing/'],
    ['404.html', '/404.html'],
  ])('pageUrl(%s) = %s', (file, url) => {
    expect(pageUrl(file)).toBe(url);
  });

  test('readFilters decodes entities and keeps repeated filters', () => {
    expect(
      readFilters('<span data-pagefind-filter="unit:甲 &amp; 乙"></span><span data-pagefind-filter="unit:丙"></span>'),
    ).toEqual({
      unit: ['甲 & 乙', '丙'],
    });
  });

  test('searchableHtml drops head, scripts, styles and icons, and keeps the body', () => {
    const html =
      '<html lang="zh-Hans"><head><title>t</title><script type="application/ld+json">{"name":"李静"}</script></head>' +
      '<body><svg><path d="M0"/></svg><main data-pagefind-body><h1>李静</h1><script>x()</script><style>p{}</style><p>正文</p></main></body></html>';
    expect(searchableHtml(html)).toBe(
      '<html lang="zh-Hans"><body><main data-pagefind-body><h1>李静</h1><p>正文</p></main></body></html>',
    );
  });
});
