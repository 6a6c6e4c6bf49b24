/**
 * Layout on a phone (375 px) and on paper (A4, GB/T 9704), in real Chromium: the honours table
 * keeps readable cells, the header search box shows its whole placeholder, and a notice and a roll
 * print on few pages with repeated table heads, one 合计 row and no heading left at a page's foot.
 * Screenshots and PDFs go to test-output/layout/ (not committed).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const OUT = join(PROJECT_ROOT, 'test-output', 'layout');
/** The demo's 2024 call for nominations: about two pages of text and a quota table (附件1). */
const NOTICE = '/announcements/2024/shi-2024-pingxuan-tongzhi/';
const ROLL = '/rolls/2025/shi-2024-xianjin-mingdan/';

let browser: Browser;
let server: StaticServer;
let siteDir: string;

beforeAll(async () => {
  const { dir } = await buildSite();
  siteDir = dir;
  server = await serveStatic(dir);
  browser = await launchBrowser();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The awardee with the most honours among those whose table links a write-up (阅读事迹). */
function richestAwardee(): string {
  let best = '';
  let most = 0;
  for (const slug of readdirSync(join(siteDir, 'awardees'))) {
    if (['category', 'letter', 'year'].includes(slug) || slug.includes('.')) continue;
    const html = readFileSync(join(siteDir, 'awardees', slug, 'index.html'), 'utf8');
    if (!html.includes('阅读事迹')) continue;
    const rows = html.split('<tr').length;
    if (rows > most) [best, most] = [slug, rows];
  }
  expect(best, 'an awardee with a write-up').not.toBe('');
  return `/awardees/${best}/`;
}

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

async function printPdf(page: Page, path: string, name: string): Promise<number> {
  await page.goto(`${server.url}${path}`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  return pdfPageCount(pdf);
}

describeBrowser('layout at 375 px', () => {
  test('the honours table keeps readable cells', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}${richestAwardee()}`);
    await page.screenshot({ path: join(OUT, '375-awardee.png'), fullPage: true });
    const cells = await page.$$eval('table.honour-table th, table.honour-table td', (elements) =>
      elements.map((cell) => ({
        text: cell.textContent?.trim() ?? '',
        width: cell.getBoundingClientRect().width,
        em: parseFloat(getComputedStyle(cell).fontSize),
      })),
    );
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) expect(cell.width, `「${cell.text}」`).toBeGreaterThanOrEqual(3 * cell.em);
    // A year and 阅读事迹 each stay on one line (an inline box that wraps has several rects).
    const lines = await page.$$eval('table.honour-table td time, table.honour-table td a[href*="/deeds/"]', (els) =>
      els.map((el) => ({ text: el.textContent?.trim(), lines: el.getClientRects().length })),
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const item of lines) expect(item.lines, `「${item.text}」`).toBe(1);
    // The table scrolls inside its own (focusable, labelled) region; the page does not.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await page.close();
  });

  test('the header search box shows its whole placeholder', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/`);
    const fit = await page.$eval('header input[type="search"]', (input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: input.placeholder, needed: context.measureText(input.placeholder).width, room };
    });
    expect(fit.text).not.toBe('');
    expect(fit.needed, fit.text).toBeLessThanOrEqual(fit.room);
    await page.screenshot({ path: join(OUT, '375-header.png'), clip: { x: 0, y: 0, width: 375, height: 200 } });
    await page.close();
  });
});

describeBrowser('print on A4', () => {
  test('the demo notice prints on at most 3 pages, its table with repeated head and one 合计', async () => {
    const page = await browser.newPage();
    expect(await printPdf(page, NOTICE, 'notice')).toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: 'print' });
    const tables = await page.$$eval('main table', (tables: HTMLTableElement[]) =>
      tables
        .filter((table) => getComputedStyle(table.closest('.table-scroll') ?? table).display !== 'none')
        .map((table) => ({
          caption: table.caption?.textContent ?? '',
          thead: table.tHead ? getComputedStyle(table.tHead).display : 'none',
          // A table-footer-group repeats on every page; the 合计 row must come once, at the end.
          tfoot: table.tFoot ? getComputedStyle(table.tFoot).display : 'none',
          totals: [...table.rows].filter((row) => row.cells[0]?.textContent?.trim() === '合计').length,
          lastRow: table.rows[table.rows.length - 1]?.cells[0]?.textContent?.trim(),
        })),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.thead, table.caption).toBe('table-header-group');
      expect(table.tfoot, table.caption).not.toBe('table-footer-group');
      expect(table.totals, table.caption).toBe(1);
      expect(table.lastRow, table.caption).toBe('合计');
    }
    const headings = await page.$$eval('main :is(h1, h2, h3, caption)', (els) =>
      els.filter((el) => el.getClientRects().length > 0).map((el) => getComputedStyle(el).breakAfter),
    );
    expect(headings.length).toBeGreaterThan(3);
    for (const value of headings) expect(value).toBe('avoid');
    const hidden = await page.$$eval('.site-header, .site-footer, .search-box, .breadcrumbs', (els) =>
      els.filter((el) => el.getClientRects().length > 0).map((el) => el.className),
    );
    expect(hidden).toEqual([]);
    await page.close();
  });

  test('a roll prints with its category headings kept with their names and badges whole', async () => {
    const page = await browser.newPage();
    expect(await printPdf(page, ROLL, 'roll')).toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: 'print' });
    const headings = await page.$$eval('main :is(h2, h3)', (els) =>
      els.filter((el) => el.getClientRects().length > 0).map((el) => getComputedStyle(el).breakAfter),
    );
    expect(headings.length).toBeGreaterThan(0);
    for (const value of headings) expect(value).toBe('avoid');
    const badges = await page.$$eval('.awardees .deed-link, .status', (els) =>
      els.map((el) => ({ text: el.textContent, wrap: getComputedStyle(el).whiteSpace })),
    );
    for (const badge of badges) expect(badge.wrap, badge.text ?? '').toBe('nowrap');
    await page.close();
  });
});

describeBrowser('the QR code of the online page', () => {
  test('shows on paper, whole and about 20 mm wide, and not on screen', async () => {
    for (const path of [NOTICE, ROLL]) {
      const page = await browser.newPage();
      await page.goto(`${server.url}${path}`);
      expect(await page.locator('.print-qr').isVisible(), `${path} on screen`).toBe(false);
      await page.emulateMedia({ media: 'print' });
      const qr = page.locator('.print-qr svg').filter({ visible: true });
      expect(await qr.count(), `${path} in print: one code`).toBe(1);
      expect(await qr.isVisible(), `${path} in print`).toBe(true);
      const shown = await page.locator('.print-qr-url').filter({ visible: true }).allTextContents();
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatch(new RegExp(`${path}$`));
      const box = (await qr.boundingBox())!;
      // 19–20 mm at 96 dpi.
      expect(box.width).toBeGreaterThanOrEqual((19 / 25.4) * 96 - 1);
      expect(box.width).toBeLessThanOrEqual((20 / 25.4) * 96 + 1);
      expect(box.height).toBeCloseTo(box.width, 1);
      expect(await page.locator('.print-qr').evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
      if (path === NOTICE) {
        // Beside the signature and no taller than it: the 附注 under it keeps its place at the left.
        const placed = await page.evaluate(() => {
          const qr = document.querySelector('.print-qr')!.getBoundingClientRect();
          const signature = document.querySelector('.signature')!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('.annotation')!);
          return {
            qr: { right: qr.right, bottom: qr.bottom },
            signatureBottom: signature.bottom,
            annotationLeft: range.getClientRects()[0]!.left,
          };
        });
        expect(placed.qr.bottom).toBeLessThanOrEqual(placed.signatureBottom + 0.5);
        expect(placed.annotationLeft).toBeLessThan(placed.qr.right);
      }
      await page.close();
    }
  });

  test('a printed 繁體 page shows the code and address of the 繁體 page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hant${NOTICE}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-qr svg').filter({ visible: true }).count()).toBe(1);
    const shown = await page.locator('.print-qr-url').filter({ visible: true }).allTextContents();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(new RegExp(`/zh-hant${NOTICE}$`));
    await page.close();
  });
});
