/** Drawing the share pictures: PNGs of 1200 × 630, each drawn once and then taken from the cache. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import ogImages, { drawOgImages } from '../../src/integrations/og-images/index.ts';
import { ogRegistry } from '../../src/site/og-share.ts';
import { ogCardSvg, ogDigest } from '../../src/site/og-image.ts';

const temp = mkdtempSync(join(tmpdir(), 'deeds-og-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('draws each card once, names it by digest, and copies it into the site', async () => {
  const cards = new Map(
    ['李静', '王芳', '钟乾'].map((name) => {
      const svg = ogCardSvg(
        { kicker: '2024年度 · 先进个人', title: name, lines: ['示例市第一人民医院'], site: '站' },
        'Noto Sans CJK SC',
      );
      return [ogDigest(svg, 'test'), svg] as const;
    }),
  );
  const cache = join(temp, 'cache');
  const first = await drawOgImages(cards, cache, join(temp, 'dist1'));
  expect(first).toMatchObject({ images: 3, drawn: 3 });
  const second = await drawOgImages(cards, cache, join(temp, 'dist2'));
  expect(second).toMatchObject({ images: 3, drawn: 0 });
  const files = readdirSync(join(temp, 'dist2', 'og')).sort();
  expect(files).toEqual([...cards.keys()].map((d) => `${d}.png`).sort());
  for (const file of files) expect(pngSize(join(temp, 'dist2', 'og', file))).toEqual({ width: 1200, height: 630 });
  // A cached picture is the one drawn the first time.
  expect(readFileSync(join(temp, 'dist2', 'og', files[0]!))).toEqual(
    readFileSync(join(temp, 'dist1', 'og', files[0]!)),
  );
});

test('a card the renderer refuses is drawn without its text, and reported', async () => {
  const broken =
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630"/><text>&bad;</text></svg>';
  const result = await drawOgImages(new Map([['broken', broken]]), join(temp, 'cache-broken'), join(temp, 'dist3'));
  expect(result.failed).toHaveLength(1);
  expect(pngSize(join(temp, 'dist3', 'og', 'broken.png'))).toEqual({ width: 1200, height: 630 });
});

test('without a Chinese font the build goes on, draws nothing and says so once', async () => {
  const integration = ogImages({ findFont: () => undefined });
  const messages: string[] = [];
  const logger = { info: (m: string) => messages.push(`info ${m}`), warn: (m: string) => messages.push(`warn ${m}`) };
  const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
  await hooks['astro:config:done']!({ config: { root: pathToFileURL(`${temp}/`) } });
  ogRegistry().set('card', '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"/>');
  await hooks['astro:build:done']!({ dir: pathToFileURL(join(temp, 'dist-nofont/')), logger });
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatch(/^warn 未找到中文字体.*不带分享图片（og:image）/);
  expect(existsSync(join(temp, 'dist-nofont', 'og'))).toBe(false);
  ogRegistry().clear();
});
