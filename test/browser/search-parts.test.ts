/**
 * The search index in parts, in Chromium: the demo site re-indexed in small parts (a few pages each,
 * so that it has many), then searched as a reader would. A name typed in the header box is answered
 * from the names index without loading any part; a query starts with the newest parts and loads older
 * ones when the reader asks; a chosen filter loads only the parts that can hold it; the query set's
 * expected pages rank in the top 3 across parts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { buildSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchOnPage, waitForResults } from './search-helpers.ts';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { loadRegistries } from '../../src/model/registries.ts';
import type { PartsManifest } from '../../src/search/parts.ts';

interface Query {
  query: string;
  expect: string[];
  rank?: number;
}

const QUERIES = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/search/queries.json'), 'utf8')) as Query[];

describeBrowser('search over an index in many parts', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let manifest: PartsManifest;

  beforeAll(async () => {
    const built = await buildSite();
    dir = mkdtempSync(join(tmpdir(), 'deeds-search-parts-'));
    cpSync(built.dir, dir, { recursive: true });
    const registries = loadRegistries(join(PROJECT_ROOT, 'content'));
    const stats = await indexSite(dir, {
      glossary: registries.glossary,
      aliases: new Map(registries.units.map((unit) => [unit.name, unit.aliases] as const)),
      partLimits: { deeds: 6, records: 24 },
      firstPages: 20,
    });
    expect(stats.errors).toEqual([]);
    manifest = JSON.parse(readFileSync(join(dir, 'search', 'parts.json'), 'utf8')) as PartsManifest;
    server = await serveStatic(dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh page (nothing cached) and the paths of everything it fetched from the index. */
  async function open(path: string): Promise<{ context: BrowserContext; page: Page; fetched: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}${path}`);
    return { context, page, fetched };
  }
  const partsFetched = (fetched: string[]) => [
    ...new Set(fetched.flatMap((path) => /\/pagefind\/([^/]+)\/pagefind\.[^/]+\.pf_meta$/.exec(path)?.[1] ?? [])),
  ];

  test('the demo site is cut into many parts', () => {
    expect(manifest.parts.length).toBeGreaterThan(6);
  });

  test('a name in the header box is answered from the names index, with no part of the index loaded', async () => {
    const { context, page, fetched } = await open('/');
    await page.click('form[data-search-box] input[name="q"]');
    await page.fill('form[data-search-box] input[name="q"]', '孙明');
    await waitForResults(page, '孙明', 'form[data-search-box]');
    const first = await page.locator('form[data-search-box] [data-search-results] a').first().getAttribute('href');
    expect(first).toMatch(/\/awardees\//);
    expect(fetched.some((path) => path.includes('/search/names/'))).toBe(true);
    expect(partsFetched(fetched)).toEqual([]);
    expect(fetched.filter((path) => /\.pf_(?:meta|index|fragment)$|\.pagefind$/.test(path))).toEqual([]);
    await context.close();
  });

  test('a query loads the newest parts first, and older ones when the reader asks', async () => {
    const { context, page, fetched } = await open(`/search/?q=${encodeURIComponent('卫生')}`);
    await waitForResults(page, '卫生');
    const first = partsFetched(fetched);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(manifest.parts.length);
    // The newest part is among them; the oldest is not.
    expect(first).toContain(manifest.parts[0]!.id);
    expect(first).not.toContain(manifest.parts.at(-1)!.id);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(
      /（(?:\d{4} 年度及以前|较早)的内容尚未全部检索）/,
    );
    const next = page.locator('[data-search-next]');
    expect(await next.isVisible()).toBe(true);
    const shown = () => page.locator('[data-search-results] li').count();
    const before = await shown();
    // Ten more results of the parts searched first, then the older parts.
    for (let asked = 0; (await next.isVisible()) && asked < 200; asked++) {
      await next.click();
      await waitForResults(page, '卫生');
    }
    expect(await shown()).toBeGreaterThan(before);
    expect(partsFetched(fetched).sort()).toEqual(manifest.parts.map((part) => part.id).sort());
    await expect(page.locator('[data-search-status]').textContent()).resolves.not.toMatch(/尚未全部检索/);
    await context.close();
  });

  test('a query with few results in the newest parts goes on to the older ones by itself', async () => {
    // 银针 is in a write-up of 2023 only: not in the newest parts.
    const { context, page } = await open(`/search/?q=${encodeURIComponent('银针')}`);
    await waitForResults(page, '银针');
    const links = await page
      .locator('[data-search-results] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.some((href) => href?.includes('/deeds/'))).toBe(true);
    await context.close();
  });

  test('a chosen year loads only the parts that hold that year, and its count covers the results shown', async () => {
    const year = '2023';
    const { context, page, fetched } = await open(`/search/?q=${encodeURIComponent('先进')}&year=${year}`);
    await waitForResults(page, '先进');
    const holding = manifest.parts.filter((part) => part.years.includes(year)).map((part) => part.id);
    expect(partsFetched(fetched).every((id) => holding.includes(id))).toBe(true);
    const count = await page.locator('[data-search-results] li').count();
    expect(count).toBeGreaterThan(0);
    const shown = await page
      .locator(`[data-search-filters] fieldset[data-filter="year"] label:has(input[value="${year}"]) .search-count`)
      .getAttribute('data-count');
    expect(Number(shown)).toBeGreaterThanOrEqual(count);
    await context.close();
  });

  test('the query set ranks its expected pages in the top 3 across parts', async () => {
    const { context, page } = await open('/search/');
    const missed: string[] = [];
    for (const query of QUERIES) {
      const results = await searchOnPage(page, query.query);
      const top = results.slice(0, query.rank ?? 3);
      if (!query.expect.every((url) => top.includes(url)))
        missed.push(`${query.query}: ${results.slice(0, 5).join(' ')}`);
    }
    expect(missed).toEqual([]);
    await context.close();
  });
});
