/** Every link, image and stylesheet in every built page resolves to a file in dist/. */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { checkLinks, listFiles, pages, type Page } from './dist.ts';

let files = new Set<string>();
let all: Page[] = [];

beforeAll(async () => {
  const { dir } = await buildSite();
  files = new Set(listFiles(dir));
  all = pages(dir);
});

describe('internal links', () => {
  test('none is broken', () => {
    const { broken, outsideBase, checked } = checkLinks(all, files);
    expect(broken).toEqual([]);
    expect(outsideBase).toEqual([]);
    expect(checked).toBeGreaterThan(all.length * 10);
  });

  test('in-page anchors point at ids that exist', () => {
    const missing: string[] = [];
    for (const p of all) {
      const ids = new Set([...p.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const match of p.html.matchAll(/\shref="#([^"]+)"/g))
        if (!ids.has(match[1])) missing.push(`${p.url}#${match[1]}`);
    }
    expect(missing).toEqual([]);
  });

  test('ids are unique on every page', () => {
    const duplicates: string[] = [];
    for (const p of all) {
      const seen = new Set<string>();
      for (const match of p.html.matchAll(/<[a-z][^>]*\sid="([^"]+)"/g)) {
        if (seen.has(match[1]!)) duplicates.push(`${p.url}#${match[1]}`);
        seen.add(match[1]!);
      }
    }
    expect(duplicates).toEqual([]);
  });

  test('outbound links carry rel="noopener noreferrer"', () => {
    const unsafe: string[] = [];
    for (const p of all) {
      for (const match of p.html.matchAll(/<a\b[^>]*\shref="(?:https?:)?\/\/[^"]*"[^>]*>/g)) {
        const rel = /\srel="([^"]*)"/.exec(match[0])?.[1]?.split(/\s+/) ?? [];
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) unsafe.push(`${p.url}: ${match[0]}`);
      }
    }
    expect(unsafe).toEqual([]);
  });
});
