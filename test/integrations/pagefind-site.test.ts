/**
 * The search index of the built demo site: what `npm run build` leaves for search to use.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import type { NameEntry } from '../../src/search/names.ts';
import { docNumberKey } from '../../src/search/query.ts';
import { buildSite } from '../helpers/site.ts';

describe('the demo site’s search index', () => {
  let dir: string;
  let names: NameEntry[];
  let fragments: Array<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
  let parts: string[];

  beforeAll(async () => {
    ({ dir } = await buildSite());
    const shards = join(dir, 'search', 'names');
    // The shards' .gz/.br twins (src/integrations/precompress.ts) are not read.
    names = readdirSync(shards)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => JSON.parse(readFileSync(join(shards, file), 'utf8')) as NameEntry[]);
    // One Pagefind index per part of the site (src/search/parts.ts), as search/parts.json lists them.
    parts = (
      JSON.parse(readFileSync(join(dir, 'search', 'parts.json'), 'utf8')) as { parts: Array<{ id: string }> }
    ).parts.map((part) => part.id);
    fragments = parts.flatMap((part) => {
      const folder = join(dir, 'pagefind', part, 'fragment');
      return readdirSync(folder).map((file) => {
        const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
        return JSON.parse(text.slice(text.indexOf('{')));
      });
    });
  });

  test('indexes every awardee, unit, deed, announcement and roll page, each with its kind, and nothing else', () => {
    const pages = (folder: string) =>
      readdirSync(join(dir, folder), { recursive: true })
        .map(String)
        .filter(
          (file) => file.endsWith('index.html') && file !== 'index.html' && !/^(letter|year|category)\//.test(file),
        )
        .map((file) => `/${folder}/${file.replace(/index\.html$/, '')}`);
    const expected = ['awardees', 'units', 'deeds', 'announcements', 'rolls'].flatMap(pages).sort();
    expect(fragments.map((f) => f.url).sort()).toEqual(expected);
    for (const fragment of fragments) expect(fragment.filters.kind, fragment.url).toHaveLength(1);
    expect(fragments.some((f) => f.url.startsWith('/zh-hant/') || f.url.startsWith('/search/'))).toBe(false);
  });

  test('gives pages the filters, sort and metadata the UI offers', () => {
    const deed = fragments.find((f) => f.url === '/deeds/2025/huang-haitao/')!;
    expect(deed.meta).toMatchObject({ kind: 'deed', subject: '黄海涛', unit: '示例市中心血站' });
    expect(Object.keys(deed.filters).sort()).toEqual(expect.arrayContaining(['kind', 'year', 'unit']));
    const announcement = fragments.find((f) => f.meta.docnumber === '示卫人〔2023〕61号')!;
    expect(announcement.filters.issuer).toEqual(['示例市卫生健康委员会']);
  });

  test('the names index has every awardee of the open data, and every 发文字号', () => {
    const data = JSON.parse(readFileSync(join(dir, 'data', 'awardees.json'), 'utf8')) as {
      awardees: Array<{ name: string; page_url: string }>;
    };
    const byKey = new Set(names.map((e) => `${e.k}|${e.u}`));
    const missing = data.awardees
      .map((a) => `${a.name}|${new URL(a.page_url).pathname}`)
      .filter((key) => !byKey.has(key.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
    const announcements = JSON.parse(readFileSync(join(dir, 'data', 'announcements.json'), 'utf8')) as {
      announcements: Array<{ url: string; docNumber: string | null }>;
    };
    for (const a of announcements.announcements.filter((a) => a.docNumber)) {
      expect(byKey.has(`${docNumberKey(a.docNumber!)}|${new URL(a.url).pathname}`), a.docNumber!).toBe(true);
    }
  });

  test('keeps every index chunk under 100 KB, and writes the conversion tables', () => {
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const folder = join(dir, 'pagefind', part, 'index');
      const largest = Math.max(...readdirSync(folder).map((file) => statSync(join(folder, file)).size));
      expect(largest).toBeLessThanOrEqual(100 * 1024);
    }
    for (const name of ['to-simplified', 'to-traditional'])
      expect(existsSync(join(dir, 'search', `${name}.json`))).toBe(true);
  });
});
