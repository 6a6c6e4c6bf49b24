/** The demo site, built once: every page type is there and shows what the issue asks for. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { byTag, elements, pageAt, pages, parse, text, type Page } from './dist.ts';

let dir = '';
let all: Page[] = [];
const page = (url: string) => pageAt(all, url);
const pagesUnder = (prefix: string) => all.filter((p) => p.url.startsWith(prefix) && p.url !== prefix);

beforeAll(async () => {
  dir = (await buildSite()).dir;
  all = pages(dir);
});

describe('every page', () => {
  test('has lang, a title, landmarks, one h1, and a link to the other script', () => {
    for (const p of all) {
      const tree = parse(p.html);
      const html = byTag(tree, 'html')[0]!;
      expect(html.properties.lang, p.url).toBe(p.url.startsWith('/zh-hant/') ? 'zh-Hant' : 'zh-Hans');
      if (p.url.startsWith('/search/') || p.url.startsWith('/zh-hant/search/')) continue; // the search page is the search engineer's
      expect(text(byTag(tree, 'title')[0]!), p.url).not.toBe('');
      for (const landmark of ['header', 'main', 'footer', 'nav'])
        expect(byTag(tree, landmark).length, `${p.url} <${landmark}>`).toBeGreaterThan(0);
      expect(byTag(tree, 'h1'), p.url).toHaveLength(1);
      const toggle = elements(tree, (e) => e.properties.dataScriptToggle !== undefined);
      expect(toggle, p.url).toHaveLength(1);
    }
  });

  test('loads no client script except search', () => {
    for (const p of all) {
      if (/^\/(zh-hant\/)?search\//.test(p.url)) continue; // the search page itself
      const scripts = byTag(parse(p.html), 'script').filter((s) => s.properties.type !== 'application/ld+json');
      for (const script of scripts)
        expect(String(script.properties.src ?? 'inline'), p.url).toMatch(
          /\/_astro\/[^/]*search[^/]*\.js$|\/pagefind\//i,
        );
    }
  });
});

describe('home', () => {
  test('shows totals, open calls with days left, the latest announcements and a search box', () => {
    const tree = parse(page('/').html);
    const totals = text(
      elements(tree, (e) => (e.properties.className as string[] | undefined)?.includes('totals') ?? false)[0]!,
    );
    expect(totals).toMatch(/获奖人员 \d+/);
    expect(totals).toMatch(/发文机关 \d+/);
    expect(byTag(tree, 'input').some((i) => i.properties.type === 'search')).toBe(true);
    const announcements = JSON.parse(readFileSync(join(dir, 'data/announcements.json'), 'utf8')) as {
      announcements: { id: string; status: string | null }[];
    };
    const open = announcements.announcements.filter((a) => a.status === 'open');
    const home = page('/').html;
    const section = home.slice(
      home.indexOf('id="open-calls"'),
      home.indexOf('</section>', home.indexOf('id="open-calls"')),
    );
    for (const a of open) expect(section).toContain(`/announcements/${a.id}/`);
    if (open.length > 0) expect(section).toMatch(/还剩 \d+ 天|今天截止/);
  });
});

describe('honour rolls', () => {
  test('a roll page groups awardees by category with counts, linked to their pages', () => {
    const rolls = pagesUnder('/rolls/').filter((p) => p.url.split('/').length > 4);
    expect(rolls.length).toBeGreaterThanOrEqual(6);
    for (const p of rolls) {
      const tree = parse(p.html);
      const groups = elements(
        tree,
        (e) => e.tagName === 'section' && String(e.properties.className).includes('roll-group'),
      );
      expect(groups.length, p.url).toBeGreaterThan(0);
      for (const group of groups) {
        const heading = text(byTag(group as never, 'h2')[0]!);
        const count = Number(/（(\d+) [名个]）/.exec(heading)?.[1]);
        const names = byTag(group as never, 'li');
        expect(names.length, `${p.url} ${heading}`).toBe(count);
        for (const li of names) {
          const href = String(byTag(li as never, 'a')[0]!.properties.href);
          expect(href).toMatch(/^\/(awardees|units)\/[a-z0-9-]+\/$/);
        }
      }
    }
  });
});

describe('awardees', () => {
  test('namesakes have separate pages that list each other', () => {
    const awardees = JSON.parse(readFileSync(join(dir, 'data/awardees.json'), 'utf8')) as {
      awardees: { name: string; unit: string | null; subject_type: string; page_url: string }[];
    };
    const byName = new Map<string, Set<string>>();
    for (const a of awardees.awardees.filter((a) => a.subject_type === 'person')) {
      byName.set(a.name, (byName.get(a.name) ?? new Set()).add(a.page_url));
    }
    const namesakes = [...byName].filter(([, urls]) => urls.size > 1);
    expect(namesakes.length, 'the demo corpus has people who share a name').toBeGreaterThan(0);
    for (const [name, urls] of namesakes) {
      for (const url of urls) {
        const html = page(new URL(url).pathname).html;
        expect(html).toContain('同名人员');
        for (const other of urls) if (other !== url) expect(html, name).toContain(new URL(other).pathname);
      }
    }
  });

  test('the index is in pinyin order, with static pages per letter, year and category', () => {
    const collator = new Intl.Collator('zh-CN');
    const letters = pagesUnder('/awardees/letter/');
    expect(letters.length).toBeGreaterThan(3);
    for (const p of letters) {
      const names = byTag(parse(p.html), 'ul')
        .filter((u) => String(u.properties.className) === 'awardees')
        .flatMap((u) => byTag(u as never, 'a').map((a) => text(a)));
      expect(names.length, p.url).toBeGreaterThan(0);
      expect([...names].sort(collator.compare), p.url).toEqual(names);
    }
    expect(pagesUnder('/awardees/year/').length).toBeGreaterThanOrEqual(2);
    expect(pagesUnder('/deeds/year/').length).toBeGreaterThanOrEqual(2);
    expect(pagesUnder('/awardees/category/').length).toBeGreaterThanOrEqual(2);
  });

  test('unit pages list honours across years and the unit’s honoured people', () => {
    const units = pagesUnder('/units/');
    expect(units.length).toBeGreaterThan(5);
    const withPeople = units.filter((p) => p.html.includes('id="people"'));
    expect(withPeople.length).toBeGreaterThan(0);
  });
});

describe('announcements', () => {
  test('follow GB/T 9704 order and have accessible quota tables', () => {
    const docs = pagesUnder('/announcements/').filter((p) => p.url.split('/').length > 4);
    expect(docs.length).toBeGreaterThanOrEqual(6);
    let tables = 0;
    for (const p of docs) {
      const tree = parse(p.html);
      const order = [
        'doc-number',
        'h1',
        'recipients',
        'prose',
        'attachments',
        'signature',
        'annotation',
        'imprint',
      ].map((marker) => p.html.indexOf(marker === 'h1' ? '<h1' : `class="${marker}"`));
      const present = order.filter((i) => i >= 0);
      expect(present, p.url).toEqual([...present].sort((a, b) => a - b));
      for (const table of byTag(tree, 'table')) {
        tables++;
        expect(byTag(table as never, 'caption').length, p.url).toBe(1);
        const headers = byTag(table as never, 'th');
        expect(headers.length).toBeGreaterThan(0);
        for (const th of headers) expect(['col', 'row'], p.url).toContain(th.properties.scope);
        expect(text(byTag(table as never, 'tfoot')[0] ?? (table as never)), p.url).toContain('合计');
      }
    }
    expect(tables, 'the demo notices have quota tables').toBeGreaterThan(0);
  });

  test('the signature and date are said once, in their place, not again in the body', () => {
    for (const p of pagesUnder('/announcements/').filter((p) => p.url.split('/').length > 4)) {
      const tree = parse(p.html);
      const signature = elements(tree, (e) => String(e.properties.className) === 'signature')[0]!;
      const date = text(byTag(signature as never, 'time')[0]!);
      const prose = elements(tree, (e) => String(e.properties.className) === 'prose')[0]!;
      expect(byTag(prose as never, 'p').map(text), p.url).not.toContain(date);
    }
  });
});

describe('deeds', () => {
  test('show subject, one year, source and link to the roll, and no editors’ 字数 or 整理', () => {
    const deeds = pagesUnder('/deeds/').filter((p) => p.url.split('/').length > 4 && !p.url.startsWith('/deeds/year/'));
    expect(deeds.length).toBeGreaterThan(0);
    for (const p of deeds) {
      const tree = parse(p.html);
      const meta = text(elements(tree, (e) => String(e.properties.className) === 'meta')[0]!);
      expect(meta, p.url).toContain('年度');
      // 字数 against its limit and 整理 are for editors (`deeds check`), not the public.
      for (const dl of elements(tree, (e) => String(e.properties.className) === 'meta'))
        expect(text(dl), p.url).not.toMatch(/字数|整理|未作改动/);
      expect(new Set(meta.match(/(?:19|20)\d\d(?=年度)/g)).size, p.url).toBeLessThanOrEqual(1);
      for (const figure of byTag(tree, 'figure')) {
        for (const img of byTag(figure as never, 'img')) expect(String(img.properties.alt ?? ''), p.url).not.toBe('');
      }
    }
  });

  test('photos are images optimised by Astro, in the order written, with their alt text and caption', () => {
    // The deeds of the demo content with photos, read from their files (`src/content.config.ts` resolves them).
    const withPhotos = [
      ['/deeds/2025/tang-yuzhen/', '唐玉珍在后岭村卫生室门口为村民测量血压'],
      ['/deeds/2024/donghu-guishan-weishengyuan/', ''],
      ['/deeds/2025/shi-zhongxin-xuezhan/', ''],
    ] as const;
    for (const [url, firstAlt] of withPhotos) {
      const figures = byTag(parse(page(url).html), 'figure');
      expect(figures.length, url).toBeGreaterThan(0);
      for (const figure of figures) {
        const img = byTag(figure as never, 'img')[0]!;
        expect(String(img.properties.src), url).toMatch(/^\/_astro\/.+\.(webp|jpe?g|png|avif)$/);
        expect(String(img.properties.srcSet ?? img.properties.srcset ?? ''), url).toMatch(/\/_astro\/.+ \d+w/);
        expect(byTag(figure as never, 'figcaption').length, url).toBe(1);
      }
      if (firstAlt) expect(byTag(figures[0] as never, 'img')[0]!.properties.alt, url).toBe(firstAlt);
    }
  });

  test('a typical deed page is at most 50 KB of HTML and CSS, gzip-transferred', () => {
    const deeds = pagesUnder('/deeds/').filter((p) => p.url.split('/').length > 4 && !p.url.startsWith('/deeds/year/'));
    for (const p of deeds) {
      const css = [...p.html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
        readFileSync(join(dir, m[1]!)),
      );
      const transferred = gzipSync(p.html).length + css.reduce((n, c) => n + gzipSync(c).length, 0);
      expect(transferred, p.url).toBeLessThanOrEqual(50 * 1024);
      // Uncompressed, too, a deed page stays small.
      expect(Buffer.byteLength(p.html) + css.reduce((n, c) => n + c.length, 0), p.url).toBeLessThanOrEqual(100 * 1024);
    }
  });
});

describe('404', () => {
  test('exists in both scripts', () => {
    expect(page('/404.html').html).toContain('页面不存在');
    expect(page('/zh-hant/404.html').html).toContain('頁面不存在');
  });
});
