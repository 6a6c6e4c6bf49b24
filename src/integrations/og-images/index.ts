/**
 * Share pictures (og:image) for awardee and write-up pages: each card the pages registered
 * (`shareImage`, src/site/og-share.ts) is drawn from its SVG by sharp (librsvg, the system's Chinese
 * font through fontconfig) into a PNG named by its digest, kept in `node_modules/.cache/deeds-og/`,
 * (or `DEEDS_OG_CACHE`), and copied into the site's `og/` folder. A rebuild draws only cards that changed.
 *
 *   // astro.config.mjs — before precompress() and atomicOutput()
 *   integrations: [ogImages(), ...]
 *
 * `DEEDS_OG_IMAGES=0` switches them off (no og:image on any page). Without a Chinese font the build
 * goes on without them and says so once. Cost: README → The site → Share pictures.
 */
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { linkOrCopyAsync, writeCached } from '../cached-files.ts';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findOgFont, type OgFont } from '../../site/og-font.ts';
import { ogImagesEnabled, ogRegistry } from '../../site/og-share.ts';

export interface OgDrawResult {
  images: number;
  drawn: number;
  /** Cards the renderer refused, drawn without their text: `digest: reason`. */
  failed: string[];
  seconds: number;
}

/** Draw the registered cards missing from `cacheDir`, then link (or copy) every one into `outDir/og/`. */
export async function drawOgImages(
  cards: ReadonlyMap<string, string>,
  cacheDir: string,
  outDir: string,
  concurrency = availableParallelism(),
): Promise<OgDrawResult> {
  const started = performance.now();
  await mkdir(cacheDir, { recursive: true });
  await mkdir(join(outDir, 'og'), { recursive: true });
  const queue = [...cards];
  let drawn = 0;
  const failed: string[] = [];
  const { default: sharp } = await import('sharp');
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [digest, svg] = next;
      const cached = join(cacheDir, `${digest}.png`);
      if (!existsSync(cached)) {
        // A card the renderer refuses still gets a picture (the frame without its text): the page names it.
        const png = await sharp(Buffer.from(svg))
          .png()
          .toBuffer()
          .catch((error: Error) => {
            failed.push(`${digest}: ${error.message}`);
            return sharp(Buffer.from(svg.replace(/<text[\s\S]*?<\/text>/g, '')))
              .png()
              .toBuffer();
          });
        writeCached(cached, png);
        drawn++;
      }
      // A hard link, not a copy: at 10,000 deeds the pictures are a gigabyte, copied on every build.
      await linkOrCopyAsync(cached, join(outDir, 'og', `${digest}.png`));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { images: cards.size, drawn, failed, seconds: (performance.now() - started) / 1000 };
}

export interface OgImagesOptions {
  /** How the font is found; the pages use the same search (`findOgFont`). For tests. */
  findFont?: () => OgFont | undefined;
}

export default function ogImages(options: OgImagesOptions = {}): AstroIntegration {
  const findFont = options.findFont ?? (() => findOgFont());
  let root = '';
  return {
    name: 'deeds:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!ogImagesEnabled()) {
          logger.info('DEEDS_OG_IMAGES=0：页面不带分享图片（og:image）');
          return;
        }
        if (!findFont()) {
          logger.warn(
            '未找到中文字体（fc-list :lang=zh 无结果，字体目录中也没有），页面不带分享图片（og:image）；安装 fonts-noto-cjk，或用 DEEDS_OG_FONT 指定字体',
          );
          return;
        }
        const cards = ogRegistry();
        // `DEEDS_OG_CACHE` puts the cache where CI keeps it between runs (npm ci empties node_modules/).
        const cacheDir = process.env.DEEDS_OG_CACHE
          ? resolve(root, process.env.DEEDS_OG_CACHE)
          : join(root, 'node_modules', '.cache', 'deeds-og');
        const result = await drawOgImages(cards, cacheDir, fileURLToPath(dir));
        const each = result.drawn > 0 ? `，每张约 ${Math.round((result.seconds * 1000) / result.drawn)} ms` : '';
        logger.info(
          `分享图片 ${result.images} 张（新绘 ${result.drawn} 张${each}，其余取自缓存），用时 ${result.seconds.toFixed(1)} 秒`,
        );
        for (const failure of result.failed) logger.warn(`分享图片未能绘出文字，只画了底图：${failure}`);
        cards.clear();
      },
    },
  };
}
