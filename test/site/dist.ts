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
