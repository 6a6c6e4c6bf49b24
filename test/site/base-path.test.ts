/**
 * The demo built for a base path (`DEEDS_SITE_URL=https://wjw.example.gov.cn/honours/`): every
 * internal link, asset and form action is under `/honours/` and resolves to a file; feeds, sitemap,
 * open data, JSON-LD, canonical and hreflang URLs carry the base; the 繁體 variant stays inside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE_PATH_SITE, buildBasePathSite } from '../helpers/site.ts';
import { checkLinks, listFiles, pages, type Page } from './dist.ts';
import { svgModules } from '../helpers/qr.ts';
import { qrMatrix } from '../../src/lib/qr-code.ts';

const { url: SITE, base: BASE } = BASE_PATH_SITE;

let dir = '';
let files = new Set<string>();
let all: Page[] = [];
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const absoluteUrls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]);
const ours = (urls: string[]) => urls.filter((u) => u.includes('example.gov.cn'));

beforeAll(async () => {
  ({ dir } = await buildBasePathSite());
  files = new Set(listFiles(dir));
  all = pages(dir);
}, 600_000);

describe(`built for ${SITE}`, () => {
  test('every internal link, asset and form action of every page is under the base path and resolves', () => {
    const { broken, outsideBase, checked } = checkLinks(all, files, BASE);
    expect(outsideBase).toEqual([]);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(all.length * 10);
  });

  test('a printed notice’s QR code leads to its page under the base path', () => {
    const path = 'announcements/2024/shi-2024-pingxuan-tongzhi/';
    const html = read(`${path}index.html`);
    const code = (script: string) =>
      new RegExp(`<span class="print-qr-code" data-script="${script}">(<svg[\\s\\S]*?<\\/svg>)`).exec(html)![1]!;
    expect(svgModules(code('hans'))).toEqual(qrMatrix(`${SITE}${path}`));
    expect(svgModules(code('hant'))).toEqual(qrMatrix(`${SITE}zh-hant/${path}`));
    expect(html).toContain(`${SITE}${path}`);
  });

  test('the 繁體 pages link inside the base path, to 繁體 pages', () => {
    const hant = all.filter((p) => p.url.startsWith('/zh-hant/'));
    expect(hant.length).toBeGreaterThan(100);
    const rolls = read('zh-hant/rolls/index.html');
    expect(rolls).toContain(`href="${BASE}zh-hant/awardees/"`);
    expect(rolls).toMatch(new RegExp(`class="script-toggle" href="${BASE}rolls/"`));
    expect(read('rolls/index.html')).toMatch(new RegExp(`class="script-toggle" href="${BASE}zh-hant/rolls/"`));
  });

  test('feeds, sitemaps and robots.txt carry the base', () => {
    const texts = [
      read('rss.xml'),
      read('robots.txt'),
      ...[...files].filter((f) => /^sitemap.*\.xml$/.test(f)).map(read),
    ];
    const urls = texts.flatMap((text) => ours(absoluteUrls(text)));
    expect(urls.length).toBeGreaterThan(400);
    expect(urls.filter((u) => !u.startsWith(SITE))).toEqual([]);
    const sitemap = [...files]
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map(read)
      .join('');
    expect(sitemap).toContain(`${SITE}rolls/`);
    expect(sitemap).toContain(`${SITE}zh-hant/rolls/`);
    expect(read('sitemap-index.xml')).toContain(`${SITE}sitemap-0.xml`);
  });

  test('open data URLs carry the base', () => {
    const texts = ['data/awardees.json', 'data/announcements.json', 'data/awardees.csv', 'data/deadlines.ics'].map(
      read,
    );
    const urls = texts.flatMap((text) => ours(absoluteUrls(text)));
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((u) => !u.startsWith(SITE))).toEqual([]);
    const awardees = JSON.parse(read('data/awardees.json')) as { site: { url: string; publisher: string } };
    expect(awardees.site.url).toBe(SITE);
  });

  test('canonical, hreflang and JSON-LD URLs carry the base', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const p of all) {
      const head = p.html.slice(0, p.html.indexOf('</head>'));
      for (const u of ours(absoluteUrls(head))) {
        seen++;
        if (!u.startsWith(SITE)) wrong.push(`${p.url}: ${u}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(all.length * 2);
    const person = all.find((p) => p.url.startsWith('/awardees/') && p.html.includes('"@type":"Person"'))!;
    expect(person.html).toContain(`"url":"${SITE}awardees/`);
  });

  test('the search bundle, names index and facets are in the build, under the base', () => {
    const manifest = JSON.parse(read('search/parts.json')) as { parts: Array<{ id: string }> };
    expect(manifest.parts.length).toBeGreaterThan(0);
    for (const { id } of manifest.parts) {
      expect(files.has(`pagefind/${id}/pagefind.js`)).toBe(true);
      expect(files.has(`search/facets/${id}.json`)).toBe(true);
    }
    expect([...files].some((f) => f.startsWith('search/names/'))).toBe(true);
    // Index URLs are paths inside the site; the browser places them under the base.
    const names = JSON.parse(read([...files].find((f) => f.startsWith('search/names/') && f.endsWith('.json'))!));
    expect(JSON.stringify(names)).not.toContain(BASE);
  });
});
