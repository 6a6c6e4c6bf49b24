/**
 * Real documents imported as an editor would, then built: a corpus notice saved as Word (.docx), a
 * piece of news that lists who was honoured (a roll), and news of one unit's honour (a write-up).
 * After the editor has confirmed the 待填写 list (here: deleted it), each page must read like a
 * hand-written entry — every fact once, the document's headings as headings, nothing editor-only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as importCommand from '../../scripts/commands/import.ts';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { runCommand } from './helpers.ts';

const CORPUS = join(PROJECT_ROOT, 'test/corpus/docs');
const SOURCES = {
  notice: join(PROJECT_ROOT, 'test/fixtures/import/notice-taiyuan.docx'),
  roll: join(CORPUS, '16_roll_anhui_covid_xianjin_2020.txt'),
  deed: join(CORPUS, '141_deed_xinzhou_jikong_xianjin_jiti.txt'),
};

/** What an editor does after reading the 待填写 list: confirms it, and deletes it. */
function confirmTodos(path: string): void {
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/\n> 待填写：[^\n]*\n(?:>[^\n]*\n)*/u, '\n'));
}

/** The text of a page's <main>, without tags. */
function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/u.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>/gu, '')
    .replace(/<[^>]+>/gu, '\n')
    .replace(/&nbsp;/gu, ' ');
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('real documents imported into a site', () => {
  let fixture: FixtureRoot;
  const pages: Record<keyof typeof SOURCES, string> = { notice: '', roll: '', deed: '' };
  const entries: Record<keyof typeof SOURCES, string> = { notice: '', roll: '', deed: '' };

  beforeAll(async () => {
    fixture = fixtureRoot(join(PROJECT_ROOT, 'test/fixtures/sites/minimal/content'));
    const content = join(fixture.root, 'content');
    for (const [kind, source] of Object.entries(SOURCES) as [keyof typeof SOURCES, string][]) {
      const { code, stdout, stderr } = await runCommand(importCommand, [source, '--out', content, '--allow-outside']);
      expect(stderr, source).toBe('');
      expect(code, source).toBe(0);
      const entry = /已导入 (\S+\.mdx)/u.exec(stdout)![1]!;
      entries[kind] = entry.startsWith('/') ? entry : join(PROJECT_ROOT, entry);
      confirmTodos(entries[kind]);
    }
    const build = buildFixture(fixture.root);
    expect(build.status, (build.stdout + build.stderr).slice(-6000)).toBe(0);
    for (const kind of Object.keys(SOURCES) as (keyof typeof SOURCES)[]) {
      const collection = { notice: 'announcements', roll: 'rolls', deed: 'deeds' }[kind];
      const relative = entries[kind].split(`/${collection}/`)[1]!.replace(/\.mdx$/u, '');
      pages[kind] = readFileSync(join(fixture.root, 'dist', collection, relative, 'index.html'), 'utf8');
    }
  }, 300_000);
  afterAll(() => fixture?.remove());

  test('the notice shows its number, title, recipients and issuer once each', () => {
    const text = mainText(pages.notice);
    expect(count(text, '并卫办发〔2007〕28号')).toBe(1);
    expect(count(text, '太原市卫生局办公室关于评选傅山杯优秀中医工作者的通知')).toBe(1);
    expect(count(text, '各县（市、区）卫生局')).toBe(1);
    expect(pages.notice).toMatch(/<h2[^>]*>一、指导思想<\/h2>/u);
    expect(pages.notice).toMatch(/<h2[^>]*>三、时间及名额<\/h2>/u);
  });

  test('the notice lists its categories with their quotas', () => {
    const text = mainText(pages.notice);
    for (const category of ['优秀中医科技工作者', '优秀中医护理工作者']) expect(text).toContain(category);
  });

  test('the roll lists who was honoured, by category', () => {
    const text = mainText(pages.roll);
    for (const name of ['安徽重症护理支援队', '马红秋', '王长海', '颜浩']) expect(text).toContain(name);
    expect(text).toContain('全国卫生健康系统新冠肺炎疫情防控工作先进个人');
  });

  test('the write-up names its subject and honours, and the site furniture is gone', () => {
    const text = mainText(pages.deed);
    expect(text).toContain('忻州市疾病预防控制中心');
    expect(text).toContain('全国卫生健康系统先进集体');
    expect(text).not.toMatch(/不得转载|版权咨询/u);
  });

  test('nothing meant for the editor reaches the pages', () => {
    for (const html of Object.values(pages)) {
      expect(html).not.toMatch(/待填写|空白表格|不予发布|原件见/u);
    }
    const names = readdirSync(join(fixture.root, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(names.some((name) => /\.original\./u.test(name))).toBe(false);
  });
});
