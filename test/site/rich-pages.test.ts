/**
 * What award sites give each honoured person, on the demo site: a one-line summary, photos, statistics,
 * related awardees, a QR code on paper and a picture for shared links (issue 22, “Beyond the anchors”).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { svgModules } from '../helpers/qr.ts';
import { qrMatrix } from '../../src/lib/qr-code.ts';
import { byTag, elements, pageAt, pages, parse, text, type Page } from './dist.ts';

let dir = '';
let all: Page[] = [];
const page = (url: string) => pageAt(all, url);
const byClass = (html: string, name: string) =>
  elements(parse(html), (e) => ((e.properties.className as string[] | undefined) ?? []).includes(name));
const personPage = (name: string, unit: string) => {
  const awardees = JSON.parse(readFileSync(join(dir, 'data/awardees.json'), 'utf8')) as {
    awardees: { name: string; unit: string | null; page_url: string }[];
  };
  const row = awardees.awardees.find((a) => a.name === name && a.unit === unit);
  if (!row) throw new Error(`${name} (${unit}) is not on a roll`);
  return page(new URL(row.page_url).pathname);
};

beforeAll(async () => {
  dir = (await buildSite()).dir;
  all = pages(dir);
});

describe('a one-line summary', () => {
  test('an editor’s summary stands under the awardee’s name and the deed’s title, and in lists', () => {
    const written = '十一年扎根老旧小区做家庭医生，带领团队把高血压规范管理率提高到86.2%';
    const lede = byClass(personPage('李静', '示例市东湖区湖滨街道社区卫生服务中心').html, 'summary');
    expect(lede.map((e) => text(e))).toContain(written);
    expect(text(byClass(page('/deeds/2023/li-jing/').html, 'lede')[0]!)).toBe(written);
    expect(page('/deeds/year/2022/').html).toContain(written);
  });

  test('else the write-up’s first sentence, as plain text, on the awardee page, the deed lists and in the description', () => {
    // 钟乾's write-up has no summary: its first sentence stands in.
    const first = '乾溪镇地处西山区最北端，全镇12个行政村散布在山谷里，最远的村离镇卫生院有40多公里山路。';
    expect(text(byClass(personPage('钟乾', '示例市西山区乾溪镇卫生院').html, 'summary')[0]!)).toBe(first);
    const yearList = byClass(page('/deeds/year/2022/').html, 'summary').map((e) => text(e));
    expect(yearList).toContain(first);
    const deed = parse(page('/deeds/2023/zhong-qian/').html);
    const description = byTag(deed, 'meta').find((m) => m.properties.name === 'description');
    expect(description?.properties.content).toBe(first);
    // Not said twice on the deed page: the body begins with that sentence.
    expect(byClass(page('/deeds/2023/zhong-qian/').html, 'lede')).toEqual([]);
  });

  test('every deed in a year list has one, without markup', () => {
    for (const p of all.filter((p) => /^\/deeds\/year\/\d+\/$/.test(p.url))) {
      const items = byClass(p.html, 'entry-list').flatMap((ul) => elements(ul as never, (e) => e.tagName === 'li'));
      expect(items.length, p.url).toBeGreaterThan(0);
      for (const li of items) {
        const summary = elements(li as never, (e) => e.tagName === 'p');
        expect(summary.length, `${p.url} ${text(li)}`).toBe(1);
        expect(text(summary[0]!)).not.toMatch(/[*#<>[\]]/);
      }
    }
  });

  test('the 繁體 pages carry it converted', () => {
    const hant = page('/zh-hant/deeds/2023/li-jing/').html;
    expect(hant).toContain('十一年紮根老舊小區做家庭醫生');
  });
});

describe('photos on awardee and unit pages', () => {
  test('the newest write-up’s first photo stands beside the name: alt text, caption, widths for phones', () => {
    const cases = [
      [personPage('唐玉珍', '示例市西山区双峰镇后岭村卫生室').url, '唐玉珍在后岭村卫生室门口为村民测量血压'],
      ['/units/donghu-guishan-weishengyuan/', '桂山镇卫生院医生在桂花村卫生室门口为老人测量血压'],
    ] as const;
    for (const [url, alt] of cases) {
      const figures = byClass(page(url).html, 'portrait');
      expect(figures, url).toHaveLength(1);
      const img = byTag(figures[0] as never, 'img')[0]!;
      expect(img.properties.alt, url).toBe(alt);
      expect(img.properties.width && img.properties.height, `${url}: sized, so nothing shifts`).toBeTruthy();
      const source = byTag(figures[0] as never, 'source')[0]!;
      const widths = String(source.properties.srcSet)
        .match(/\d+(?=w)/g)!
        .map(Number);
      expect(Math.min(...widths), url).toBeLessThanOrEqual(360);
      expect(Math.max(...widths), url).toBeLessThanOrEqual(720);
      expect(String(source.properties.sizes), url).toContain('100vw');
      expect(byTag(figures[0] as never, 'figcaption'), url).toHaveLength(1);
      // The same in the 繁體 copy, alt text converted.
      expect(byClass(page(`/zh-hant${url}`).html, 'portrait'), url).toHaveLength(1);
    }
    // Awardees without photos have no empty figure.
    expect(byClass(personPage('钟乾', '示例市西山区乾溪镇卫生院').html, 'portrait')).toEqual([]);
  });

  test('the print stylesheet keeps the photo, whole, beside the name', () => {
    const cssFiles = [...page('/awardees/').html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const css = cssFiles.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.portrait\{[^}]*float:right[^}]*\}/);
    expect(print).toMatch(/\.portrait\{[^}]*break-inside:avoid/);
    expect(print).not.toMatch(/\.portrait[^{]*\{[^}]*display:none/);
  });
});

describe('statistics', () => {
  const rows = () =>
    JSON.parse(readFileSync(join(dir, 'data/awardees.json'), 'utf8')).awardees as {
      year: number;
      issuer: string;
    }[];

  test('charts drawn at build time, no script, the numbers in tables that agree with the open data', () => {
    const html = page('/stats/').html;
    const tree = parse(html);
    // No script but the header's search box loader, which every page has.
    const scripts = byTag(tree, 'script').filter((s) => s.properties.type !== 'application/ld+json');
    for (const script of scripts) expect(String(script.properties.src)).toMatch(/\/_astro\/[^/]*search[^/]*\.js$/i);
    const headings = byTag(tree, 'h2').map((h) => text(h));
    expect(headings).toEqual(['按年度', '按荣誉类别', '按发文机关', '按地区', '按单位']);
    const svgs = byTag(tree, 'svg').filter((s) => String(s.properties.className).includes('bar-chart'));
    expect(svgs).toHaveLength(5);
    for (const svg of svgs) expect(svg.properties.ariaHidden).toBe('true');
    // Each chart's table: a caption, header cells with scope, counts matching the CSV's rows.
    const tables = byTag(tree, 'table');
    expect(tables).toHaveLength(5);
    const tableCounts = (i: number) =>
      new Map(
        byTag(tables[i] as never, 'tr')
          .slice(1)
          .map((tr) => [text(byTag(tr as never, 'th')[0]!), Number(text(byTag(tr as never, 'td')[0]!))]),
      );
    for (const table of tables) expect(byTag(table as never, 'caption')).toHaveLength(1);
    const years = tableCounts(0);
    const issuers = tableCounts(2);
    for (const year of new Set(rows().map((r) => r.year)))
      expect(years.get(`${year}年度`), String(year)).toBe(rows().filter((r) => r.year === year).length);
    for (const issuer of new Set(rows().map((r) => r.issuer)))
      expect(issuers.get(issuer), issuer).toBe(rows().filter((r) => r.issuer === issuer).length);
    // Regions from content/units.yaml: every honour is in one.
    const regions = tableCounts(3);
    expect([...regions.keys()].sort()).toEqual(['东湖区', '市直', '西山区']);
    expect([...regions.values()].reduce((a, b) => a + b, 0)).toBe(rows().length);
    // Bars are as long as their counts say.
    const widths = byTag(svgs[0] as never, 'rect').map((r) => parseFloat(String(r.properties.width)));
    const counts = [...years.values()];
    const longest = counts.indexOf(Math.max(...counts));
    expect(widths[longest]).toBe(85);
    counts.forEach((c, i) => expect(widths[i]).toBeCloseTo((c / counts[longest]!) * 85, 1));
  });

  test('linked from every page’s footer and the home page; in 繁體 too', () => {
    for (const url of ['/', '/rolls/', '/deeds/2023/li-jing/']) {
      const footer = byTag(parse(page(url).html), 'footer')[0]!;
      expect(
        byTag(footer as never, 'a').some((a) => a.properties.href === '/stats/'),
        url,
      ).toBe(true);
    }
    expect(page('/').html).toContain('href="/stats/"');
    const hant = page('/zh-hant/stats/').html;
    expect(hant).toContain('<h1>統計</h1>');
    expect(hant).toContain('按發文機關');
  });
});

describe('related awardees', () => {
  test('awardee and deed pages link others of the same honour and unit, a few each, never themselves', () => {
    const withRelated = all.filter(
      (p) => /^\/(awardees|deeds)\/[^/]+\/(?:[^/]+\/)?$/.test(p.url) && p.html.includes('id="related"'),
    );
    expect(withRelated.length).toBeGreaterThan(40);
    for (const p of withRelated) {
      const section = byClass(p.html, 'related')[0]!;
      for (const list of byTag(section as never, 'ul')) {
        const links = byTag(list as never, 'a').map((a) => String(a.properties.href));
        expect(links.length, p.url).toBeGreaterThan(0);
        expect(links.length, p.url).toBeLessThanOrEqual(6);
        expect(links, p.url).not.toContain(p.url);
      }
    }
    const wangFang = personPage('王芳', '示例市第一人民医院').html;
    expect(wangFang).toContain('示例市第一人民医院的其他获奖人员');
    expect(wangFang).toMatch(/同获\d{4}年度“先进个人”/);
    expect(page('/deeds/2023/li-jing/').html).toContain('同获2022年度“先进个人”');
  });
});

describe('a QR code on paper', () => {
  test('every notice and roll carries, for print only, the code of its online address and the address', () => {
    const documents = all.filter((p) => /^\/(announcements|rolls)\/\d{4}\/[^/]+\/$/.test(p.url));
    expect(documents.length).toBeGreaterThan(20);
    for (const p of documents) {
      const figures = byClass(p.html, 'print-qr');
      expect(figures, p.url).toHaveLength(1);
      expect(String(figures[0]!.properties.className)).toContain('print-only');
      const address = `https://honours.example.gov.cn${p.url}`;
      const hantAddress = `https://honours.example.gov.cn/zh-hant${p.url}`;
      // Both scripts' codes and addresses; each script's page shows its own (site.css).
      expect(text(byTag(figures[0] as never, 'figcaption')[0]!), p.url).toBe(
        `扫码查看网页版：${address}${hantAddress}`,
      );
      const code = (script: string) =>
        new RegExp(`<span class="print-qr-code" data-script="${script}">(<svg[\\s\\S]*?<\\/svg>)`).exec(p.html)![1]!;
      expect(svgModules(code('hans')), p.url).toEqual(qrMatrix(address));
      expect(svgModules(code('hant')), p.url).toEqual(qrMatrix(hantAddress));
    }
    // Deeds and awardees are not documents to print with a code.
    expect(byClass(page('/deeds/2023/li-jing/').html, 'print-qr')).toEqual([]);
  });

  test('hidden on screen, shown in print', () => {
    const cssFiles = [...page('/rolls/').html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const css = cssFiles.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const printAt = css.indexOf('@media print');
    expect(css.slice(0, printAt)).toMatch(/\.print-only\{display:none\}/);
    expect(css.slice(printAt)).toMatch(/\.print-qr\{[^}]*display:flex/);
  });
});

describe('share pictures (og:image)', () => {
  const meta = (html: string, property: string) =>
    byTag(parse(html), 'meta').find((m) => m.properties.property === property)?.properties.content as
      string | undefined;

  test('every awardee and write-up page has its own picture, 1200 × 630, in both scripts; other pages none', () => {
    // Honoured units (先进集体) are awardees too.
    const honouredUnit = (p: Page) => {
      if (!/^\/units\/[^/]+\/$/.test(p.url.replace(/^\/zh-hant/, ''))) return false;
      const tree = parse(p.html);
      const name = text(byTag(tree, 'h1')[0]!);
      const own = [`${name}获得的集体荣誉`, `${name}獲得的集體榮譽`];
      return byTag(tree, 'caption').some((c) => own.includes(text(c)));
    };
    const withImage = all.filter(
      (p) => /^\/(zh-hant\/)?(awardees\/[a-z0-9-]+|deeds\/\d{4}\/[^/]+)\/$/.test(p.url) || honouredUnit(p),
    );
    expect(withImage.filter(honouredUnit).length).toBeGreaterThan(10);
    expect(withImage.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const p of withImage) {
      const image = meta(p.html, 'og:image');
      expect(image, p.url).toMatch(/^https:\/\/honours\.example\.gov\.cn\/og\/[\w-]{20}\.png$/);
      const file = join(dir, new URL(image!).pathname);
      const png = readFileSync(file);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], p.url).toEqual([1200, 630]);
      expect(meta(p.html, 'og:image:width')).toBe('1200');
      if (!p.url.startsWith('/zh-hant/')) seen.add(image!);
    }
    // One picture per page: names and write-ups differ.
    expect(seen.size).toBe(withImage.filter((p) => !p.url.startsWith('/zh-hant/')).length);
    for (const url of ['/', '/rolls/', '/stats/', '/units/donghu-renmin-yiyuan/']) {
      expect(meta(page(url).html, 'og:image'), url).toBeUndefined();
      expect(meta(page(url).html, 'og:title'), url).toBeTruthy();
    }
  });
});
