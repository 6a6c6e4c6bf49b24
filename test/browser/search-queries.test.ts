/**
 * The query set (`test/search/queries.json`) run in Chromium against the built demo site:
 * every query's expected pages must be in its top 3 (or its top `rank`) — recall@3 = 100%.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { buildSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchOnPage } from './search-helpers.ts';
import { loadRegistries } from '../../src/model/registries.ts';
import { createTraditionalConverter } from '../../src/lib/traditional.ts';

interface Query {
  query: string;
  kind: 'name' | 'unit' | 'doc-number' | 'honour' | 'phrase';
  script: 'simplified' | 'traditional' | 'mixed';
  expect: string[];
  /** The expected pages must be within this many results. Default 3. */
  rank?: number;
}

const QUERIES = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/search/queries.json'), 'utf8')) as Query[];

test('the query set has at least 40 queries, every kind in simplified and traditional script, and mixed ones', () => {
  expect(QUERIES.length).toBeGreaterThanOrEqual(40);
  for (const kind of ['name', 'unit', 'doc-number', 'honour', 'phrase']) {
    const scripts = new Set(QUERIES.filter((q) => q.kind === kind).map((q) => q.script));
    expect([kind, ...scripts].sort()).toEqual(
      [kind, 'simplified', 'traditional', ...(scripts.has('mixed') ? ['mixed'] : [])].sort(),
    );
  }
  expect(QUERIES.filter((q) => q.script === 'mixed').length).toBeGreaterThanOrEqual(5);
});

describeBrowser('recall@3 of the query set on the demo site', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const missed: string[] = [];

  beforeAll(async () => {
    ({ dir } = await buildSite());
    server = await serveStatic(dir);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(QUERIES)('$query ($kind, $script)', async (query) => {
    for (const url of query.expect)
      expect(existsSync(join(dir, url, 'index.html')), `${url} is not a page of the demo site`).toBe(true);
    const results = await searchOnPage(page, query.query);
    const top = results.slice(0, query.rank ?? 3);
    const found = query.expect.every((url) => top.includes(url));
    if (!found) missed.push(query.query);
    expect(top, `results: ${results.slice(0, 5).join(' ')}`).toEqual(expect.arrayContaining(query.expect));
  });

  test('recall@3 is 100%', () => {
    expect(missed).toEqual([]);
  });
});

describeBrowser('the names guarantee on the demo site', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let awardees: Array<{ name: string; url: string }>;

  beforeAll(async () => {
    const { dir } = await buildSite();
    const data = JSON.parse(readFileSync(join(dir, 'data', 'awardees.json'), 'utf8')) as {
      awardees: Array<{ name: string; page_url: string }>;
    };
    const byUrl = new Map(data.awardees.map((a) => [new URL(a.page_url).pathname, a.name]));
    awardees = [...byUrl].map(([url, name]) => ({ name, url }));
    server = await serveStatic(dir);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every person and unit of every roll is in the top 3 for their name: simplified, traditional and padded', async () => {
    const { glossary } = loadRegistries(join(PROJECT_ROOT, 'content'));
    const toTraditional = createTraditionalConverter({ glossary });
    expect(awardees.length).toBeGreaterThan(50);
    const missed: string[] = [];
    for (const { name, url } of awardees) {
      const forms = new Set([name, toTraditional(name), [...toTraditional(name)].join(' ')]);
      for (const form of forms) {
        const top = (await searchOnPage(page, form)).slice(0, 3);
        if (!top.includes(url)) missed.push(`${form} → ${url} (got ${top.join(' ')})`);
      }
    }
    expect(missed).toEqual([]);
  }, 600_000);
});
