/** Every link, image and stylesheet in every built page resolves to a file in dist/. */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { listFiles, pages, resolveUrl, type Page } from './dist.ts';

let files = new Set<string>();
let all: Page[] = [];

beforeAll(async () => {
  const { dir } = await buildSite();
  files = new Set(listFiles(dir));
  all = pages(dir);
});

const URL_ATTRIBUTE = /\s(?:href|src|action)="([^"]*)"|\ssrcset="([^"]*)"/g;

describe('internal links', () => {
  test('none is broken', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const p of all) {
      for (const match of p.html.matchAll(URL_ATTRIBUTE)) {
        const urls = match[1] !== undefined ? [match[1]] : match[2]!.split(',').map((s) => s.trim().split(/\s+/)[0]!);
        for (const raw of urls) {
          const url = raw.replace(/&amp;/g, '&');
          if (!url || url.startsWith('#') || /^[a-z]+:/i.test(url) || url.startsWith('//')) continue;
          // The search form's target is the search engineer's page; it is checked when it exists.
          if (/^\/(zh-hant\/)?search\/$/.test(url) && !files.has('search/index.html')) continue;
          const absolute = url.startsWith('/') ? url : new URL(url, `http://x${p.url}`).pathname;
          checked++;
          if (!resolveUrl(files, absolute)) broken.push(`${p.url} → ${url}`);
        }
      }
    }
    expect(broken).toEqual([]);
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
