import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  convertPageHtml,
  hasVariant,
  simplifiedUrl,
  VARIANT_PREFIX,
  variantUrl,
} from '../../src/lib/traditional-html.ts';
import { createTraditionalConverter } from '../../src/lib/traditional.ts';
import { secureExternalLinks } from '../../src/lib/html.ts';

const convert = createTraditionalConverter({ glossary: [{ simplified: '钟乾', traditional: '鍾乾' }] });

describe('convertPageHtml', () => {
  const page = [
    '<!doctype html><html lang="zh-Hans"><head><title>表彰名单</title>',
    '<meta name="description" content="先进个人">',
    '<link rel="alternate" hreflang="zh-Hans" href="/rolls/">',
    '<script type="application/ld+json">{"name":"卫生"}</script><style>p::before{content:"简"}</style></head>',
    '<body><a class="script-toggle" href="/zh-hant/rolls/" hreflang="zh-Hant" lang="zh-Hant" data-script-toggle>繁體</a>',
    '<a href="/awardees/li/">钟乾</a> <a href="/data/awardees.csv">数据</a> <img alt="卫生院" src="/_astro/a.webp">',
    '<form action="/search/"></form><!-- 注释 --></body></html>',
  ].join('');
  const out = convertPageHtml(page, { pathname: '/rolls/', convert });

  test('converts text and attribute values, keeps scripts, styles and comments', () => {
    expect(out).toContain('<title>表彰名單</title>');
    expect(out).toContain('content="先進個人"');
    expect(out).toContain('alt="衛生院"');
    expect(out).toContain('{"name":"衛生"}');
    expect(out).toContain('content:"简"');
    expect(out).toContain('<!-- 注释 -->');
  });

  test('keeps glossary terms, sets lang, rewrites page links but not shared files', () => {
    expect(out).toContain('>鍾乾</a>');
    expect(out).toContain('<html lang="zh-Hant">');
    expect(out).toContain('href="/zh-hant/awardees/li/"');
    expect(out).toContain('action="/zh-hant/search/"');
    expect(out).toContain('href="/data/awardees.csv"');
    expect(out).toContain('src="/_astro/a.webp"');
    expect(out).toContain('<link rel="alternate" hreflang="zh-Hans" href="/rolls/">');
  });

  test('structured data is converted and says zh-Hant; its ids and URLs stay; other scripts stay', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': 'https://honours.example.gov.cn/awardees/li/#person',
      name: '钟乾',
      url: 'https://honours.example.gov.cn/awardees/li/',
      award: ['2022年度先进个人'],
      subjectOf: { '@type': 'DigitalDocument', inLanguage: 'zh-Hans', name: '表彰决定' },
    });
    const html = `<head><script type="application/ld+json">${ld}</script><script>const s = "简体";</script></head>`;
    const converted = convertPageHtml(html, { pathname: '/awardees/li/', convert });
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(converted)![1]!);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': 'https://honours.example.gov.cn/awardees/li/#person',
      name: '鍾乾',
      url: 'https://honours.example.gov.cn/awardees/li/',
      award: ['2022年度先進個人'],
      subjectOf: { '@type': 'DigitalDocument', inLanguage: 'zh-Hant', name: '表彰決定' },
    });
    expect(converted).toContain('<script>const s = "简体";</script>');
  });

  test('the toggle leads back to the simplified page', () => {
    expect(out).toContain(
      '<a class="script-toggle" href="/rolls/" hreflang="zh-Hans" lang="zh-Hans" data-script-toggle>简体</a>',
    );
    expect(out).not.toContain('繁體</a>');
  });
});

/**
 * The page conversion as it was first written, one regular-expression token at a time and one
 * converter call per text: the reference the one-pass scanner is held to.
 */
function referencePageHtml(html: string, pathname: string, toHant: (text: string) => string): string {
  const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[a-zA-Z!/][^>]*>/g;
  const TOGGLE = /<a\b[^>]*\bdata-script-toggle\b[^>]*>[\s\S]*?<\/a>/y;
  let out = '';
  let last = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    if (match.index > last) out += toHant(html.slice(last, match.index));
    let token = match[0];
    last = match.index + token.length;
    const jsonLd = /^<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json\b[^>]*>([\s\S]*?)(<\/script\s*>)$/i.exec(
      token,
    );
    if (jsonLd) {
      const open = token.slice(0, token.length - jsonLd[1]!.length - jsonLd[2]!.length);
      const json = toHant(jsonLd[1]!).replaceAll('"inLanguage":"zh-Hans"', '"inLanguage":"zh-Hant"');
      out += open + json + jsonLd[2];
      continue;
    }
    if (match[1] || token.startsWith('<!--') || token.startsWith('</')) {
      out += token;
      continue;
    }
    if (token.includes('data-script-toggle')) {
      TOGGLE.lastIndex = match.index;
      const anchor = TOGGLE.exec(html);
      if (anchor) {
        out += `<a class="script-toggle" href="${simplifiedUrl(pathname)}" hreflang="zh-Hans" lang="zh-Hans" data-script-toggle>简体</a>`;
        last = TOKEN.lastIndex = match.index + anchor[0].length;
        continue;
      }
    }
    if (token.includes('hreflang=')) {
      out += token;
      continue;
    }
    if (/[^\x00-\x7f]/.test(token)) token = toHant(token);
    token = token.replace(/\b(href|action)="(\/[^"]*)"/g, (all, name: string, url: string) =>
      hasVariant(url) ? `${name}="${VARIANT_PREFIX}${url}"` : all,
    );
    out += token.replace(/\blang="zh-Hans"/, 'lang="zh-Hant"');
  }
  return out + (last < html.length ? toHant(html.slice(last)) : '');
}

describe('convertPageHtml on random markup', () => {
  const PIECES = [
    '<!doctype html>',
    '<html lang="zh-Hans">',
    '<p>',
    '</p>',
    '<a href="/rolls/2023/x/">',
    '<a data-href="/rolls/" xhref="/deeds/">',
    '<a href="/data/awardees.csv" title="数据">',
    '<form action="/search/">',
    '<a href="/rolls/?q=1#后来">',
    '<img alt="卫生院" src="/_astro/a.webp">',
    '<link rel="alternate" hreflang="zh-Hans" href="/rolls/">',
    '<a class="script-toggle" href="/zh-hant/x/" hreflang="zh-Hant" data-script-toggle>繁體</a>',
    '<a data-script-toggle>',
    '<script type="application/ld+json">{"name":"卫生"}</script>',
    '<script>',
    '</script >',
    '<style>p::before{content:"简"}</style>',
    '<scripts>发现</scripts>',
    '<!-- 注释 -->',
    '<!--',
    '-->',
    '<br/>',
    '<',
    '>',
    'a < b',
    '<3',
    '"',
    ' ',
    '钟乾',
    '后晓琳',
    '头发',
    '发现',
    '后来',
    '干部',
    '乾溪镇',
    '卫生健康委员会',
    '2024年',
    'SQL注入攻击',
    '&amp;',
  ];
  const html = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

  test('gives what one regular-expression token at a time gives', () => {
    fc.assert(
      fc.property(html, (page) => {
        const expected = referencePageHtml(page, '/rolls/', (text) => convert(text));
        return (
          convertPageHtml(page, { pathname: '/rolls/', convert }) === expected &&
          convertPageHtml(page, { pathname: '/rolls/', convert: (text) => convert(text) }) === expected
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('variant URLs', () => {
  test.each([
    ['/', true],
    ['/rolls/2023/x/', true],
    ['/404.html', true],
    ['/data/awardees.csv', false],
    ['/rss.xml', false],
    ['/_astro/site.css', false],
    ['/pagefind/pagefind.js', false],
  ])('hasVariant(%s) = %s', (url, expected) => {
    expect(hasVariant(url)).toBe(expected);
  });

  test('round trip', () => {
    expect(simplifiedUrl(variantUrl('/rolls/'))).toBe('/rolls/');
    expect(simplifiedUrl('/zh-hant/')).toBe('/');
  });
});

describe('secureExternalLinks', () => {
  test.each([
    ['<a href="https://example.org/">x</a>', '<a href="https://example.org/" rel="external noopener noreferrer">x</a>'],
    [
      '<a href="//example.org/" rel="nofollow">x</a>',
      '<a href="//example.org/" rel="external noopener noreferrer">x</a>',
    ],
    ['<a href="/rolls/">x</a>', '<a href="/rolls/">x</a>'],
  ])('%s', (input, expected) => {
    expect(secureExternalLinks(input)).toBe(expected);
  });
});
