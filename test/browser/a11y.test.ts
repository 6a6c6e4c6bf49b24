/**
 * Accessibility with axe-core (`@axe-core/playwright`) over every kind of page, in both scripts
 * (/ and /zh-hant/), at desktop and phone widths: no serious or critical violation. The search
 * page is checked with results and filters on screen, and with the header box's list open.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { waitForResults } from './search-helpers.ts';

const WIDTHS = [1280, 375] as const;
const SCRIPTS = ['', '/zh-hant'] as const;
const QUERY = '孙明';

/** The path of the first page `depth` folders below `/<section>/` in the built site. */
function firstPage(dir: string, section: string, depth: number): string {
  let path = `/${section}/`;
  for (let level = 0; level < depth; level++) {
    const here = join(dir, path);
    const next = readdirSync(here)
      .filter((name) => statSync(join(here, name)).isDirectory())
      .sort()[0];
    if (!next) throw new Error(`no page under ${path}`);
    path += `${next}/`;
  }
  return path;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeBrowser('accessibility (axe-core)', () => {
  let server: StaticServer;
  let browser: Browser;
  let pages: Record<string, string>;

  beforeAll(async () => {
    const site = await buildSite();
    server = await serveStatic(site.dir);
    browser = await launchBrowser();
    pages = {
      home: '/',
      announcements: '/announcements/',
      announcement: firstPage(site.dir, 'announcements', 2),
      rolls: '/rolls/',
      roll: firstPage(site.dir, 'rolls', 2),
      deed: firstPage(site.dir, 'deeds', 2),
      awardees: '/awardees/',
      awardee: firstPage(site.dir, 'awardees', 1),
      units: '/units/',
      unit: firstPage(site.dir, 'units', 1),
      statistics: '/stats/',
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of WIDTHS) {
    test(
      `every kind of page, both scripts, ${width} px: no serious or critical violation`,
      { timeout: 180_000 },
      async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const found: string[] = [];
        for (const prefix of SCRIPTS) {
          for (const [kind, path] of Object.entries(pages)) {
            const response = await page.goto(`${server.url}${prefix}${path}`);
            expect(response?.status(), `${prefix}${path}`).toBe(200);
            for (const v of await seriousViolations(page)) found.push(`${kind} ${prefix}${path}: ${v}`);
          }
          // The search page with results and filters on screen.
          await page.goto(`${server.url}${prefix}/search/?q=${encodeURIComponent(QUERY)}`);
          await waitForResults(page, QUERY);
          for (const v of await seriousViolations(page)) found.push(`search ${prefix}: ${v}`);
          // The header box with its list open.
          await page.goto(`${server.url}${prefix}/rolls/`);
          const input = page.locator('form[data-search-box] input');
          await input.focus();
          await input.pressSequentially(QUERY);
          await waitForResults(page, QUERY, 'form[data-search-box]');
          await input.press('ArrowDown');
          for (const v of await seriousViolations(page)) found.push(`header box ${prefix}: ${v}`);
        }
        expect(found).toEqual([]);
        await context.close();
      },
    );
  }
});
