/**
 * Turn a built simplified-script page into its 繁體 twin: convert text nodes and attribute
 * values, leave `<script>`, `<style>` and comments alone (their CSP hashes stay valid), point
 * internal page links at `/zh-hant/…`, set `lang="zh-Hant"` and flip the script toggle.
 * Structured data (`<script type="application/ld+json">`, not run, so outside the CSP) is data
 * about the page: its text is converted and its `inLanguage` becomes `zh-Hant`; its `@id`s and
 * `url`s stay the simplified ones, so both pages describe the same people and documents.
 * One scan over the HTML that jumps from tag to tag: no DOM is built, text that stays as it is
 * (markup, ASCII) is copied in whole pieces, and only text with Han characters is converted.
 *
 *   <html lang="zh-Hans">…<a href="/rolls/">表彰名单</a>
 *   → <html lang="zh-Hant">…<a href="/zh-hant/rolls/">表彰名單</a>
 */

import { Utf16Output } from './traditional-tables.ts';
import type { TraditionalConverter } from './traditional.ts';

export const VARIANT_PREFIX = '/zh-hant';

/** Paths under these stay shared by both scripts: assets, data files, the search index, feeds. */
const SHARED_PATHS =
  /^\/(?:_astro|data|pagefind|zh-hant)(?:\/|$)|^\/(?:rss\.xml|sitemap[^/]*\.xml|robots\.txt|favicon[^/]*)$/;

/** Whether a root-relative URL is a page that has a 繁體 twin. */
export function hasVariant(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0]!;
  if (SHARED_PATHS.test(path)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') || last.endsWith('.html');
}

/** The 繁體 URL of a simplified page URL: `/rolls/` → `/zh-hant/rolls/`. */
export function variantUrl(url: string): string {
  return hasVariant(url) ? `${VARIANT_PREFIX}${url}` : url;
}

/** The simplified URL of a page, from either script's URL. */
export function simplifiedUrl(url: string): string {
  return url === VARIANT_PREFIX || url.startsWith(`${VARIANT_PREFIX}/`) ? url.slice(VARIANT_PREFIX.length) || '/' : url;
}

const TOGGLE = /<a\b[^>]*\bdata-script-toggle\b[^>]*>[\s\S]*?<\/a>/y;
const RAW_END = { script: /<\/script\s*>/g, style: /<\/style\s*>/g };

export interface ConvertPageOptions {
  /** The page's simplified URL: `/rolls/2023/x/`. */
  pathname: string;
  /** The site's base path with a trailing slash (`/honours/`); default `/`. */
  base?: string;
  /**
   * Simplified → traditional text conversion. A converter of `createTraditionalConverter` writes
   * straight into the page being built (its `into`); any other function is called per text.
   */
  convert: ((text: string) => string) & Partial<Pick<TraditionalConverter, 'into' | 'keepsAscii'>>;
}

const COMMENT = 1;
const RAW = 2;
const TAG = 3;

interface Token {
  kind: number;
  end: number;
}

/**
 * The next markup token at or after `from`, as the regular expression
 * `<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[a-zA-Z!/][^>]*>` finds it, but with
 * `indexOf` jumps: its start (or -1), its end and kind in `token`.
 */
function nextToken(html: string, from: number, token: Token): number {
  for (let at = html.indexOf('<', from); at !== -1; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1);
    if (c === 0x21 /* ! */ && html.startsWith('!--', at + 1)) {
      const close = html.indexOf('-->', at + 4);
      if (close !== -1) {
        token.kind = COMMENT;
        token.end = close + 3;
        return at;
      }
    } else if (c === 0x73 /* s */) {
      const name = html.startsWith('cript', at + 2) ? 'script' : html.startsWith('tyle', at + 2) ? 'style' : undefined;
      if (name && !isWordUnit(html.charCodeAt(at + 1 + name.length))) {
        const open = html.indexOf('>', at);
        if (open !== -1) {
          const end = RAW_END[name];
          end.lastIndex = open + 1;
          const close = end.exec(html);
          if (close) {
            token.kind = RAW;
            token.end = close.index + close[0].length;
            return at;
          }
        }
      }
    }
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x21 || c === 0x2f) {
      const close = html.indexOf('>', at + 1);
      if (close === -1) return -1;
      token.kind = TAG;
      token.end = close + 1;
      return at;
    }
  }
  return -1;
}

function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Where `needle` next occurs in `text`, remembered until the scan passes it. */
class NextOccurrence {
  private at = -1;
  private readonly text: string;
  private readonly needle: string;

  constructor(text: string, needle: string) {
    this.text = text;
    this.needle = needle;
  }

  /** The first occurrence at or after `from`, or the text's length. */
  next(from: number): number {
    if (this.at < from) {
      const at = this.text.indexOf(this.needle, from);
      this.at = at === -1 ? this.text.length : at;
    }
    return this.at;
  }
}

/** `NextOccurrence` for any character outside ASCII; each character is looked at once. */
class NextNonAscii {
  private at = -1;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  next(from: number): number {
    if (this.at < from) {
      const text = this.text;
      let i = from;
      while (i < text.length && text.charCodeAt(i) < 0x80) i++;
      this.at = i;
    }
    return this.at;
  }
}

/**
 * Rewrite `href="/…"` and `action="/…"` to the 繁體 page where there is one. Under a base path
 * (`/honours/`) only links under it are the site's: `/honours/rolls/` → `/honours/zh-hant/rolls/`.
 */
function rewriteLinks(tag: string, base: string): string {
  let out = '';
  let copied = 0;
  for (let at = tag.indexOf('="/'); at !== -1; at = tag.indexOf('="/', at + 3)) {
    const name = tag.endsWith('href', at) ? 4 : tag.endsWith('action', at) ? 6 : 0;
    if (name === 0 || (at > name && isWordUnit(tag.charCodeAt(at - name - 1)))) continue;
    const close = tag.indexOf('"', at + 2);
    if (close === -1) break;
    const url = tag.slice(at + 2, close);
    if (url.startsWith(base) && hasVariant(url.slice(base.length - 1))) {
      const insert = at + 2 + base.length - 1;
      out += tag.slice(copied, insert) + VARIANT_PREFIX;
      copied = insert;
    }
    at = close - 2;
  }
  return copied === 0 ? tag : out + tag.slice(copied);
}

const page = new Utf16Output(1 << 18);
const token: Token = { kind: 0, end: 0 };

export function convertPageHtml(html: string, options: ConvertPageOptions): string {
  const { convert } = options;
  const convertInto =
    convert.into ??
    ((text: string, start: number, end: number, out: Utf16Output) => out.pushString(convert(text.slice(start, end))));
  const keepsAscii = convert.keepsAscii === true;
  const nonAscii = new NextNonAscii(html);
  const toggle = new NextOccurrence(html, 'data-script-toggle');
  const hreflang = new NextOccurrence(html, 'hreflang=');
  const link = new NextOccurrence(html, '="/');
  const lang = new NextOccurrence(html, 'lang="zh-Hans"');
  const out = page;
  const mark = out.length;
  // `html[copied..)` is not yet in `out`: it is copied in one piece when something changes.
  let copied = 0;
  let last = 0;
  // Text nodes go through the converter (all of them unless it keeps ASCII as it is), tags only
  // when they hold non-ASCII attribute values.
  const text = (start: number, end: number, onlyNonAscii: boolean): void => {
    if (start >= end || (onlyNonAscii && nonAscii.next(start) >= end)) return;
    out.pushSlice(html, copied, start);
    convertInto(html, start, end, out);
    copied = end;
  };
  // The first place at or after the current tag where one of the needles occurs (needles do not
  // cross a tag's end): tags before it need no closer look.
  let needle = -1;
  for (let start = nextToken(html, 0, token); start !== -1; start = nextToken(html, last, token)) {
    text(last, start, keepsAscii);
    const end = token.end;
    last = end;
    const open = token.kind === RAW ? jsonLdStart(html, start) : -1;
    if (open !== -1) {
      const close = html.lastIndexOf('<', end - 1);
      const json = html.slice(open, close);
      const converted = (nonAscii.next(open) < close ? convert(json) : json).replaceAll(
        '"inLanguage":"zh-Hans"',
        '"inLanguage":"zh-Hant"',
      );
      if (converted !== json) {
        out.pushSlice(html, copied, open);
        out.pushString(converted);
        copied = close;
      }
      continue;
    }
    // Comments, scripts, styles, end tags and an unclosed `<!--…>` stay as they are.
    if (token.kind !== TAG || html.charCodeAt(start + 1) === 0x2f /* </ */ || html.startsWith('<!--', start)) continue;
    if (needle < start) {
      needle = Math.min(toggle.next(start), hreflang.next(start), link.next(start), lang.next(start));
    }
    if (needle >= end) {
      // Most tags: kept, or their attribute values converted in place.
      text(start, end, true);
      continue;
    }
    if (toggle.next(start) < end) {
      TOGGLE.lastIndex = start;
      const anchor = TOGGLE.exec(html);
      if (anchor) {
        out.pushSlice(html, copied, start);
        out.pushString(toggleBack(options.pathname, options.base ?? '/'));
        last = copied = start + anchor[0].length;
        continue;
      }
    }
    if (hreflang.next(start) < end) continue;
    const hasLink = link.next(start) < end;
    const hasLang = lang.next(start) < end;
    if (!hasLink && !hasLang) {
      text(start, end, true);
      continue;
    }
    let tag = html.slice(start, end);
    if (nonAscii.next(start) < end) tag = convert(tag);
    if (hasLink) tag = rewriteLinks(tag, options.base ?? '/');
    if (hasLang) tag = tag.replace(/\blang="zh-Hans"/, 'lang="zh-Hant"');
    out.pushSlice(html, copied, start);
    out.pushString(tag);
    copied = end;
  }
  text(last, html.length, keepsAscii);
  out.pushSlice(html, copied, html.length);
  return out.take(mark);
}

/** Where the content of the structured data (JSON-LD) opened by the tag at `start` begins, or -1. */
function jsonLdStart(html: string, start: number): number {
  const end = html.indexOf('>', start);
  return /\btype\s*=\s*["']?application\/ld\+json\b/i.test(html.slice(start, end)) ? end + 1 : -1;
}

/** The toggle on a 繁體 page: back to the simplified page. */
function toggleBack(pathname: string, base: string): string {
  const href = base + simplifiedUrl(pathname).slice(1);
  return `<a class="script-toggle" href="${href}" hreflang="zh-Hans" lang="zh-Hans" data-script-toggle>简体</a>`;
}
