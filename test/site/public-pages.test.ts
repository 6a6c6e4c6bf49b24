/**
 * What the public meets on the demo site (issue 22): notes printed once in brackets, no editors'
 * jargon, Taiwan usage on 繁體 pages, documents linked to each other, units with their departments,
 * and an awardee index that lists names.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { byTag, elements, pageAt, pages, parse, text, type Page } from './dist.ts';

let all: Page[] = [];
const page = (url: string) => pageAt(all, url);
const links = (html: string) =>
  byTag(parse(html), 'a').map((a) => ({ href: String(a.properties.href ?? ''), text: text(a) }));
/** A page's visible text: no scripts, styles or structured data. */
const visibleText = (html: string) =>
  text(parse(html.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, '')));

beforeAll(async () => {
  all = pages((await buildSite()).dir);
});

describe('text', () => {
  test('quota-table notes print in one pair of brackets, in both scripts', () => {
    const notice = page('/announcements/2023/shi-2023-pingxuan-tongzhi/');
    expect(notice.html).toContain('（区属医疗卫生单位2名，镇卫生院和社区卫生服务中心3名）');
    for (const p of all) expect(visibleText(p.html), p.url).not.toMatch(/（（|））/);
  });

  test('繁體 pages use 「」『』 and Taiwan words, in UI strings and body text alike', () => {
    const hant = all.filter((p) => p.url.startsWith('/zh-hant/'));
    expect(hant.length).toBeGreaterThan(50);
    for (const p of hant) {
      const visible = visibleText(p.html);
      expect(visible, p.url).not.toMatch(/[“”‘’]|搜索|數據/);
    }
    // Body text: the 2026 notice quotes its award names.
    expect(visibleText(page('/zh-hant/announcements/2026/shi-2026-zuimei-jiceng-tongzhi/').html)).toContain(
      '「最美基層衛生健康工作者」',
    );
    // Links keep their URLs.
    const home = page('/zh-hant/').html;
    expect(home).toContain('href="/zh-hant/rolls/"');
  });
});

describe('links and structure', () => {
  test('a decision links its 公示; the 公示 its decision and its roll', () => {
    const decision = links(page('/announcements/2025/shi-2024-biaozhang-jueding/').html).map((l) => l.href);
    expect(decision).toContain('/announcements/2025/shi-2024-gongshi/');
    const publicity = links(page('/announcements/2025/shi-2024-gongshi/').html).map((l) => l.href);
    expect(publicity).toContain('/announcements/2025/shi-2024-biaozhang-jueding/');
    expect(publicity).toContain('/rolls/2025/shi-2024-xianjin-mingdan/');
  });

  test('an attachment that is another entry is linked; other attachments stay plain', () => {
    const decision = parse(page('/announcements/2023/shi-2022-biaozhang-jueding/').html);
    const box = elements(decision, (e) => String(e.properties.className) === 'attachments')[0]!;
    expect(byTag(box as never, 'a').map((a) => [a.properties.href, text(a)])).toEqual([
      ['/rolls/2023/shi-2022-xianjin-mingdan/', '2022年度示例市卫生健康系统先进集体和先进个人名单'],
    ]);
    const notice = parse(page('/announcements/2023/shi-2023-pingxuan-tongzhi/').html);
    const plain = elements(notice, (e) => String(e.properties.className) === 'attachments')[0]!;
    expect(byTag(plain as never, 'li')).toHaveLength(3);
    expect(byTag(plain as never, 'a')).toHaveLength(0);
  });

  test('a unit with honoured departments shows them with their honours, not 集体荣誉 0 项', () => {
    const hospital = page('/units/shi-diyi-renmin-yiyuan/');
    const visible = visibleText(hospital.html);
    expect(visible).not.toContain('集体荣誉 0 项');
    const hrefs = links(hospital.html).map((l) => l.href);
    expect(hrefs).toContain('/units/shi-diyi-renmin-yiyuan-zhongzheng/');
    expect(hrefs).toContain('/units/shi-diyi-renmin-yiyuan-jizhen/');
    expect(visible).toContain('示例市第一人民医院重症医学科获得的集体荣誉');
  });

  test('the awardee index lists every name, grouped by letter, with links', () => {
    const index = page('/awardees/');
    const people = links(index.html).filter(
      (l) => /^\/awardees\/[^/]+\/$/.test(l.href) && !l.href.includes('/letter/'),
    );
    const personPages = all.filter(
      (p) => /^\/awardees\/[^/]+\/$/.test(p.url) && !/\/(letter|year|category)\//.test(p.url),
    );
    expect(new Set(people.map((l) => l.href)).size).toBe(personPages.length);
    expect(people.map((l) => l.text)).toContain('孙明');
    expect(byTag(parse(index.html), 'h2').some((h) => /^S\b/.test(text(h)))).toBe(true);
  });
});
