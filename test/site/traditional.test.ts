/** The 繁體 reading variant: a twin for every page, in traditional script, glossary terms kept. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { pages, type Page } from './dist.ts';

let all: Page[] = [];
const byUrl = new Map<string, Page>();

beforeAll(async () => {
  const { dir } = await buildSite();
  all = pages(dir);
  for (const p of all) byUrl.set(p.url, p);
});

describe('/zh-hant/', () => {
  test('every simplified page has a traditional twin with lang="zh-Hant" and toggles that lead to each other', () => {
    const simplified = all.filter((p) => !p.url.startsWith('/zh-hant/'));
    expect(simplified.length).toBeGreaterThan(50);
    for (const p of simplified) {
      const twin = byUrl.get(`/zh-hant${p.url}`);
      expect(twin, p.url).toBeDefined();
      expect(twin!.html).toContain('<html lang="zh-Hant"');
      expect(p.html, p.url).toContain(
        `href="/zh-hant${p.url}" hreflang="zh-Hant" lang="zh-Hant" data-script-toggle>繁體</a>`,
      );
      expect(twin!.html, p.url).toContain(
        `href="${p.url}" hreflang="zh-Hans" lang="zh-Hans" data-script-toggle>简体</a>`,
      );
    }
  });

  test('text is converted and internal links stay in the variant', () => {
    const home = byUrl.get('/zh-hant/')!.html;
    expect(home).toContain('衛生健康先進事蹟');
    expect(home).toContain('href="/zh-hant/rolls/"');
    expect(home).toContain('href="/data/awardees.csv"');
    expect(home).not.toContain('href="/rolls/"');
  });

  test('protected glossary terms appear as the glossary writes them', () => {
    const glossary = parseYaml(readFileSync(join(PROJECT_ROOT, 'content/glossary.yaml'), 'utf8')) as {
      simplified: string;
      traditional?: string;
    }[];
    let checked = 0;
    for (const term of glossary) {
      const pagesWithTerm = all.filter((p) => !p.url.startsWith('/zh-hant/') && p.html.includes(term.simplified));
      for (const p of pagesWithTerm.slice(0, 3)) {
        checked++;
        expect(byUrl.get(`/zh-hant${p.url}`)!.html, `${term.simplified} on ${p.url}`).toContain(
          term.traditional ?? term.simplified,
        );
      }
    }
    expect(checked, 'glossary terms occur in the demo corpus').toBeGreaterThan(0);
  });
});
