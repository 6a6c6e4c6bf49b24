import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findOgFont } from '../../src/site/og-font.ts';
import { ogCardSvg, ogDigest, textWidth, wrapText } from '../../src/site/og-image.ts';
import { pageShareImage, shareImage, sharePolicy, SHARE_IMAGES_EACH_LIMIT } from '../../src/site/og-share.ts';

describe('laying out a card', () => {
  test('full-width characters are one em, others about half', () => {
    expect(textWidth('李静')).toBe(2);
    expect(textWidth('2024年度')).toBeCloseTo(4 * 0.56 + 2);
    expect(textWidth('——“”')).toBe(4);
  });

  test('lines never run wider than the measure; what does not fit ends in …', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('李', '静', '2', 'a', '，', '—'), maxLength: 120 }),
        fc.integer({ min: 1, max: 3 }),
        (text, max) => {
          const lines = wrapText(text, 10, max);
          expect(lines.length).toBeLessThanOrEqual(max);
          for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(10);
          if (lines.join('').length === text.length) expect(lines.join('')).toBe(text);
          else expect(lines.at(-1)!.endsWith('…')).toBe(true);
        },
      ),
    );
  });

  test('text is escaped, the font named, and the digest follows what is drawn and by what', () => {
    const card = {
      kicker: '2024年度 · 先进个人',
      title: '李<静>&',
      lines: ['示例市第一人民医院'],
      site: '卫生健康先进事迹',
    };
    const svg = ogCardSvg(card, 'Noto Sans CJK SC');
    expect(svg).toContain('李&lt;静&gt;&amp;');
    expect(ogCardSvg({ ...card, title: '李\u0001静\ud800' }, 'Noto Sans CJK SC')).toContain('>李静<');
    expect(svg).toContain('font-family="Noto Sans CJK SC, sans-serif"');
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    expect(ogDigest(svg, 'a')).toBe(ogDigest(svg, 'a'));
    expect(ogDigest(svg, 'a')).not.toBe(ogDigest(svg, 'b'));
    expect(ogDigest(svg, 'a')).not.toBe(ogDigest(ogCardSvg({ ...card, title: '李静' }, 'Noto Sans CJK SC'), 'a'));
  });
});

describe('the font', () => {
  const listing = [
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc: Noto Serif CJK SC,Noto Serif CJK SC Bold',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK JP,Noto Sans CJK SC',
  ].join('\n');

  test('fontconfig’s listing, sans-serif first; else a known file in the font folders; else none', () => {
    expect(findOgFont({}, { fcList: () => listing, folders: [] })).toEqual({
      family: 'Noto Sans CJK SC',
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    });
    expect(findOgFont({}, { fcList: () => undefined, folders: ['/nonexistent'] })).toBeUndefined();
    expect(findOgFont({ DEEDS_OG_FONT: '思源黑体' }, { fcList: () => undefined, folders: [] })).toEqual({
      family: '思源黑体',
    });
  });

  test('no font, or switched off: no picture', () => {
    const card = { kicker: '', title: '李静', lines: [], site: '站' };
    expect(shareImage(card, () => undefined)).toBeUndefined();
    expect(shareImage(card, () => ({ family: 'Noto Sans CJK SC' }))).toMatch(/^\/og\/[\w-]{20}\.png$/);
    process.env.DEEDS_OG_IMAGES = '0';
    try {
      expect(shareImage(card, () => ({ family: 'Noto Sans CJK SC' }))).toBeUndefined();
    } finally {
      delete process.env.DEEDS_OG_IMAGES;
    }
  });
});

describe('which picture a page shares', () => {
  test.each([
    ['auto', 133, {}, 'each'],
    ['auto', SHARE_IMAGES_EACH_LIMIT, {}, 'each'],
    ['auto', SHARE_IMAGES_EACH_LIMIT + 1, {}, 'site'],
    ['auto', 20_000, {}, 'site'],
    ['each', 20_000, {}, 'each'],
    ['site', 10, {}, 'site'],
    ['none', 10, {}, 'none'],
    [undefined, 10, {}, 'each'],
    ['each', 10, { DEEDS_OG_IMAGES: '0' }, 'none'],
  ] as const)('share_images: %s, %i pages, env %j → %s', (setting, pages, env, policy) => {
    expect(sharePolicy(setting, pages, env)).toBe(policy);
  });

  test('beyond the limit every page names the one picture of the site, drawn once', () => {
    const font = () => ({ family: 'Noto Sans CJK SC' });
    const site = { name: '卫生健康先进事迹', publisher: '示例市卫生健康委员会', share_images: 'auto' as const };
    const card = (title: string) => ({ kicker: '2023年度 · 先进个人', title, lines: [], site: site.name });
    const small = [pageShareImage(card('李静'), site, 100, font), pageShareImage(card('王芳'), site, 100, font)];
    expect(new Set(small).size).toBe(2);
    const large = [pageShareImage(card('李静'), site, 5000, font), pageShareImage(card('王芳'), site, 5000, font)];
    expect(new Set(large).size).toBe(1);
    expect(large[0]).not.toBe(small[0]);
    expect(pageShareImage(card('李静'), { ...site, share_images: 'none' }, 1, font)).toBeUndefined();
  });
});
