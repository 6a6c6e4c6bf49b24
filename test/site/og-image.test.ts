import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findOgFont } from '../../src/site/og-font.ts';
import { ogCardSvg, ogDigest, textWidth, wrapText } from '../../src/site/og-image.ts';
import { shareImage } from '../../src/site/og-share.ts';

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
