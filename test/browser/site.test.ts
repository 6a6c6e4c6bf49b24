/**
 * A reader's path in real Chromium, at phone and desktop widths: home → roll → awardee → deed →
 * 繁體 and back. Every request of every page type is recorded and must be same-origin.
 * Screenshots go to test-output/screenshots/ (not committed).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const SHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
/** The README's screenshots, rewritten only with UPDATE=1 (review the images before committing). */
const README_SHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');
const WIDTHS = [375, 1280] as const;

let browser: Browser;
let server: StaticServer;
const requests: { page: string; url: string }[] = [];
const failures: string[] = [];

beforeAll(async () => {
  const { dir } = await buildSite();
  server = await serveStatic(dir);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  page.on('request', (request) => requests.push({ page: page.url(), url: request.url() }));
  page.on('requestfailed', (request) => {
    // Requests cut short by our own next navigation are not failures of the site.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      failures.push(`${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  return page;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page must not scroll sideways: only tables may, inside their own region. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, page.url()).toBeLessThanOrEqual(1);
}

describeBrowser('a reader’s path through the site', () => {
  for (const width of WIDTHS) {
    test(`home → roll → awardee → deed → 繁體 and back at ${width} px`, async () => {
      const page = await open(width);
      await page.goto(`${server.url}/`);
      expect(await page.locator('h1').count()).toBe(1);
      await shot(page, `${width}-1-home`);
      await expectNoHorizontalScroll(page);

      // Home → the latest roll
      await page.locator('#latest-rolls ~ ul a, [aria-labelledby="latest-rolls"] .entry-list a').first().click();
      await page.waitForURL(/\/rolls\/\d{4}\//);
      await shot(page, `${width}-2-roll`);
      await expectNoHorizontalScroll(page);

      // Roll → an awardee with a write-up, if any; else the first person
      const withDeed = page.locator('.awardees li:has(a.deed-link) > a[href^="/awardees/"]');
      const awardee =
        (await withDeed.count()) > 0 ? withDeed.first() : page.locator('.awardees li > a[href^="/awardees/"]').first();
      const name = (await awardee.textContent())!.trim();
      await awardee.click();
      await page.waitForURL(/\/(awardees|units)\//);
      expect(await page.locator('h1').textContent()).toContain(name);
      await shot(page, `${width}-3-awardee`);
      await expectNoHorizontalScroll(page);

      // Awardee → their write-up
      const deedLink = page.locator('main a[href^="/deeds/2"]').first();
      if ((await deedLink.count()) > 0) {
        await deedLink.click();
        await page.waitForURL(/\/deeds\//);
        await shot(page, `${width}-4-deed`);
        await expectNoHorizontalScroll(page);
      }

      // → 繁體 and back
      const simplifiedUrl = new URL(page.url()).pathname;
      await page.locator('a[data-script-toggle]').click();
      await page.waitForURL(/\/zh-hant\//);
      expect(new URL(page.url()).pathname).toBe(`/zh-hant${simplifiedUrl}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
      await shot(page, `${width}-5-traditional`);
      await page.locator('a[data-script-toggle]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/zh-hant/'));
      expect(new URL(page.url()).pathname).toBe(simplifiedUrl);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
      await page.close();
    });
  }

  test('every page type loads only from its own origin, without errors', async () => {
    const page = await open(1280);
    const html = (await (await fetch(`${server.url}/data/announcements.json`)).json()) as {
      announcements: { url: string }[];
    };
    const sample = [
      '/',
      '/announcements/',
      new URL(html.announcements[0]!.url).pathname,
      '/rolls/',
      '/awardees/',
      '/units/',
      '/deeds/',
      '/404.html',
      '/zh-hant/',
    ];
    // One page of each kind found by following the index pages.
    for (const [index, pattern] of [
      ['/rolls/', 'a[href^="/rolls/2"]'],
      ['/awardees/', '.index-nav a[href^="/awardees/letter/"]'],
      ['/awardees/', '.index-nav a[href^="/awardees/year/"]'],
      ['/awardees/', '.index-nav a[href^="/awardees/category/"]'],
      ['/units/', 'a[href^="/units/"][href$="/"]:not([href="/units/"])'],
      ['/deeds/', 'a[href^="/deeds/2"]'],
    ] as const) {
      await page.goto(`${server.url}${index}`);
      const href = await page.locator(pattern).first().getAttribute('href');
      if (href) sample.push(href);
    }
    await page.goto(`${server.url}/awardees/letter/z/`).catch(() => undefined);
    const person = await page.locator('.awardees a').first().getAttribute('href');
    if (person) sample.push(person);
    // The search page, where search has been built, and a 繁體 write-up.
    if ((await fetch(`${server.url}/search/`)).status === 200) sample.push('/search/', '/zh-hant/search/');
    const deed = sample.find((path) => path.startsWith('/deeds/2'));
    if (deed) sample.push(`/zh-hant${deed}`);
    for (const path of sample) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(failures).toEqual([]);
    expect(requests.length).toBeGreaterThan(sample.length);
    await page.close();
  });

  test('on a phone, quota tables scroll inside their region and the page does not', async () => {
    const page = await open(375);
    const { announcements } = (await (await fetch(`${server.url}/data/announcements.json`)).json()) as {
      announcements: { url: string; categories: unknown[] }[];
    };
    let checked = 0;
    for (const a of announcements.filter((a) => a.categories.length > 0).slice(0, 4)) {
      await page.goto(`${server.url}${new URL(a.url).pathname}`);
      await expectNoHorizontalScroll(page);
      const regions = page.locator('.table-scroll');
      for (let i = 0; i < (await regions.count()); i++) {
        const region = regions.nth(i);
        expect(await region.getAttribute('tabindex')).toBe('0');
        const box = await region.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(375);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    await shot(page, '375-6-announcement');
    await page.close();
  });

  test('README screenshots: a roll page and an awardee page', async () => {
    const awardees = (await (await fetch(`${server.url}/data/awardees.json`)).json()) as {
      awardees: { roll_id: string; subject_type: string; page_url: string; deed_url: string | null }[];
    };
    // The roll with the most write-ups, and the person with the most honours (one with a write-up first).
    const deedsPerRoll = new Map<string, number>();
    const honoursPerPerson = new Map<string, { count: number; deeds: number }>();
    for (const row of awardees.awardees) {
      if (row.deed_url) deedsPerRoll.set(row.roll_id, (deedsPerRoll.get(row.roll_id) ?? 0) + 1);
      if (row.subject_type !== 'person') continue;
      const seen = honoursPerPerson.get(row.page_url) ?? { count: 0, deeds: 0 };
      honoursPerPerson.set(row.page_url, { count: seen.count + 1, deeds: seen.deeds + (row.deed_url ? 1 : 0) });
    }
    const roll = [...deedsPerRoll].sort((a, b) => b[1] - a[1])[0]![0];
    const person = [...honoursPerPerson].sort((a, b) => b[1].deeds - a[1].deeds || b[1].count - a[1].count)[0]![0];
    const page = await open(1280);
    for (const [name, path] of [
      ['roll', `/rolls/${roll}/`],
      ['awardee', new URL(person).pathname],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      const file = join(SHOTS, `readme-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (process.env.UPDATE === '1') {
        mkdirSync(README_SHOTS, { recursive: true });
        copyFileSync(file, join(README_SHOTS, `${name}.png`));
      }
    }
    await page.close();
  });

  test('keyboard: the skip link comes first and focus is visible', async () => {
    const page = await open(1280);
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(focused.text).toBe('跳到正文');
    expect(focused.outline).not.toBe('none');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});
