import { describe, expect, test } from 'vitest';
import { convertPageHtml, hasVariant, simplifiedUrl, variantUrl } from '../../src/lib/traditional-html.ts';
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
    expect(out).toContain('{"name":"卫生"}');
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

  test('the toggle leads back to the simplified page', () => {
    expect(out).toContain(
      '<a class="script-toggle" href="/rolls/" hreflang="zh-Hans" lang="zh-Hans" data-script-toggle>简体</a>',
    );
    expect(out).not.toContain('繁體</a>');
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
