/**
 * Search in Chromium on the demo built for `https://wjw.example.gov.cn/honours/` and served from
 * `/honours/`: the Pagefind bundle, names index and facets load from under the base, results link
 * under it (on the 繁體 variant too), and the header box's form goes to the base's search page.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { BASE_PATH_SITE, buildBasePathSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchOnPage, waitForResults } from './search-helpers.ts';

const { base: BASE } = BASE_PATH_SITE;
const BOX = 'form[data-search-box]';

describeBrowser(`search in Chromium under ${BASE}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  const outside: string[] = [];
  const failed: string[] = [];

  const open = async (path: string) => {
    context = await browser.newContext();
    const page = await context.newPage();
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (!pathname.startsWith(BASE)) outside.push(pathname);
      if (response.status() >= 400) failed.push(`${response.status()} ${pathname}`);
    });
    await page.goto(`${server.url}${BASE}${path.slice(1)}`);
    return page;
  };

  beforeAll(async () => {
    const site = await buildBasePathSite();
    server = await serveStatic(site.dir, { base: BASE });
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the search page finds a name and full text; every result links under the base and opens', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('李静')}`);
    await waitForResults(page, '李静');
    const named = await page.$$eval('[data-search-page] [data-search-results] a', (links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((href) => !href.startsWith(`${BASE}`))).toEqual([]);

    const fullText = await searchOnPage(page, '全科医生');
    expect(fullText.length).toBeGreaterThan(0);
    expect(fullText.filter((href) => !href.startsWith(BASE))).toEqual([]);
    await page.click('[data-search-page] [data-search-results] a >> nth=0');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname.startsWith(BASE)).toBe(true);
    expect(await page.locator('main h1').count()).toBe(1);
    // Filters (facets) are offered with counts.
    await page.goBack();
    await waitForResults(page, '全科医生');
    expect(await page.locator('[data-search-filters] input').count()).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });

  test('the header box searches from a page under the base; Enter goes to the base search page', async () => {
    const page = await open('/rolls/');
    const input = page.locator(`${BOX} input`);
    await input.focus();
    await input.pressSequentially('李静');
    await waitForResults(page, '李静', BOX);
    const hrefs = await page.$$eval(`${BOX} [data-search-results] a`, (links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith(BASE))).toEqual([]);
    expect(await page.locator(BOX).getAttribute('action')).toBe(`${BASE}search/`);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });

  test('on the 繁體 variant results link to 繁體 pages under the base', async () => {
    const page = await open(`/zh-hant/search/?q=${encodeURIComponent('李靜')}`);
    await waitForResults(page, '李靜');
    const hrefs = await page.$$eval('[data-search-page] [data-search-results] a', (links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith(`${BASE}zh-hant/`))).toEqual([]);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });

  test('a missing page under the base gets the 404 page, whose links work', async () => {
    const page = await open('/no-such-page/');
    expect(await page.locator('main a').first().getAttribute('href')).toBe(BASE);
    failed.length = 0;
    await page.locator('main a').nth(1).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`${BASE}rolls/`);
    expect(failed).toEqual([]);
    await context.close();
  });
});
