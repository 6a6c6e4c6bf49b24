/**
 * Reading a built site in tests: its pages as files and parsed trees, and the links in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';

export interface Page {
  /** `/rolls/2023/x/` or `/404.html` */
  url: string;
  file: string;
  html: string;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.startsWith('.'))
    .sort();
}

export function pages(dir: string): Page[] {
  return listFiles(dir)
    .filter((p) => p.endsWith('.html'))
    .map((p) => ({
      url: p.endsWith('index.html') ? `/${p.slice(0, -'index.html'.length)}` : `/${p}`,
      file: join(dir, p),
      html: readFileSync(join(dir, p), 'utf8'),
    }));
}

const parser = unified().use(rehypeParse);

/** The built page at `url`; a page that was not built fails the test that asks for it. */
export function pageAt(all: readonly Page[], url: string): Page {
  const found = all.find((p) => p.url === url);
  if (!found) throw new Error(`page ${url} not built`);
  return found;
}

export function parse(html: string): Root {
  return parser.parse(html);
}

export function elements(tree: Root, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) out.push(node);
  });
  return out;
}

export const byTag = (tree: Root, tag: string) => elements(tree, (e) => e.tagName === tag);

export const text = (node: Element | Root) =>
  toText(node as never)
    .replace(/\s+/g, ' ')
    .trim();

/** The file a root-relative URL is served from, or undefined. */
export function resolveUrl(files: Set<string>, url: string): string | undefined {
  const path = decodeURIComponent(url.split(/[?#]/, 1)[0]!).replace(/^\//, '');
  for (const candidate of [path, `${path}index.html`, `${path}/index.html`]) if (files.has(candidate)) return candidate;
  return undefined;
}

const URL_ATTRIBUTE = /\s(?:href|src|action)="([^"]*)"|\ssrcset="([^"]*)"/g;

export interface LinkCheck {
  /** `page → url` for every internal URL that does not resolve to a file. */
  broken: string[];
  /** `page → url` for every root-relative URL outside the base path. */
  outsideBase: string[];
  checked: number;
}

/**
 * Every internal URL (href, src, action, srcset) of every page, resolved against the built files.
 * `base` is the path the site is built for (`/honours/`): page URLs and files are inside it.
 */
export function checkLinks(all: Page[], files: Set<string>, base = '/'): LinkCheck {
  const broken: string[] = [];
  const outsideBase: string[] = [];
  let checked = 0;
  for (const p of all) {
    const pageUrl = `${base}${p.url.slice(1)}`;
    for (const match of p.html.matchAll(URL_ATTRIBUTE)) {
      const urls = match[1] !== undefined ? [match[1]] : match[2]!.split(',').map((s) => s.trim().split(/\s+/)[0]!);
      for (const raw of urls) {
        const url = raw.replace(/&amp;/g, '&');
        if (!url || url.startsWith('#') || /^[a-z]+:/i.test(url) || url.startsWith('//')) continue;
        const absolute = url.startsWith('/') ? url : new URL(url, `http://x${pageUrl}`).pathname;
        checked++;
        if (!absolute.startsWith(base)) {
          outsideBase.push(`${p.url} → ${url}`);
          continue;
        }
        // The search form's target is the search engineer's page; it is checked when it exists.
        const inSite = `/${absolute.slice(base.length)}`;
        if (/^\/(zh-hant\/)?search\/$/.test(inSite) && !files.has('search/index.html')) continue;
        if (!resolveUrl(files, inSite)) broken.push(`${p.url} → ${url}`);
      }
    }
  }
  return { broken, outsideBase, checked };
}
