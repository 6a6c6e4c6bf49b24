/**
 * Turn a built simplified-script page into its 繁體 twin: convert text nodes and attribute
 * values, leave `<script>`, `<style>` and comments alone (their CSP hashes stay valid), point
 * internal page links at `/zh-hant/…`, set `lang="zh-Hant"` and flip the script toggle.
 * A single regular-expression scan over the HTML: no DOM is built, so a page costs one pass.
 *
 *   <html lang="zh-Hans">…<a href="/rolls/">表彰名单</a>
 *   → <html lang="zh-Hant">…<a href="/zh-hant/rolls/">表彰名單</a>
 */

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

const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[a-zA-Z!/][^>]*>/g;
const TOGGLE = /<a\b[^>]*\bdata-script-toggle\b[^>]*>[\s\S]*?<\/a>/y;
const LINK_ATTRIBUTE = /\b(href|action)="(\/[^"]*)"/g;
const NON_ASCII = /[^\x00-\x7f]/;

export interface ConvertPageOptions {
  /** The page's simplified URL: `/rolls/2023/x/`. */
  pathname: string;
  /** Simplified → traditional text conversion. */
  convert: (text: string) => string;
}

export function convertPageHtml(html: string, options: ConvertPageOptions): string {
  const { convert } = options;
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const start = match.index;
    if (start > last) out += convert(html.slice(last, start));
    let token = match[0];
    last = start + token.length;
    if (match[1] || token.startsWith('<!--') || token.startsWith('</')) {
      out += token;
      continue;
    }
    if (token.includes('data-script-toggle')) {
      TOGGLE.lastIndex = start;
      const anchor = TOGGLE.exec(html);
      if (anchor) {
        out += toggleBack(options.pathname);
        last = start + anchor[0].length;
        TOKEN.lastIndex = last;
        continue;
      }
    }
    if (token.includes('hreflang=')) {
      out += token;
      continue;
    }
    if (NON_ASCII.test(token)) token = convert(token);
    token = token.replace(LINK_ATTRIBUTE, (all, name: string, url: string) =>
      hasVariant(url) ? `${name}="${VARIANT_PREFIX}${url}"` : all,
    );
    token = token.replace(/\blang="zh-Hans"/, 'lang="zh-Hant"');
    out += token;
  }
  if (last < html.length) out += convert(html.slice(last));
  return out;
}

/** The toggle on a 繁體 page: back to the simplified page. */
function toggleBack(pathname: string): string {
  const href = simplifiedUrl(pathname);
  return `<a class="script-toggle" href="${href}" hreflang="zh-Hans" lang="zh-Hans" data-script-toggle>简体</a>`;
}
