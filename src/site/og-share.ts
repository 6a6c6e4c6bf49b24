/**
 * For a page: the path of its share picture (`/og/<digest>.png`), registering the card for the build to
 * draw (src/integrations/og-images/), or `undefined` — and no og:image — when pictures are switched off
 * (`share_images: none` in `content/site.yaml`, `DEEDS_OG_IMAGES=0`) or no Chinese font is installed.
 *
 * Which picture (`sharePolicy`): one per page while the site has at most `SHARE_IMAGES_EACH_LIMIT` pages
 * that carry one, one for the whole site beyond (`share_images: auto`, the default), or as the site
 * says (`each`, `site`). Why: a picture costs 13–18 ms to draw (docs/site.md); a first build of a
 * 10,000-deed archive would spend 5–6 minutes drawing 20,000 of them, more than the whole build may
 * take (issue 21's targets). The choice depends on the content only, so that a rebuild from the cache
 * and a clean build write the same pages.
 */
import { findOgFont, fontKey, type OgFont } from './og-font.ts';
import { ogCardSvg, ogDigest, type OgCard } from './og-image.ts';
import type { Site } from '../model/site-config.ts';

/** `auto` draws one picture per page up to this many pages with one: the demo has 133, about 2 s. */
export const SHARE_IMAGES_EACH_LIMIT = 2000;

export type SharePolicy = 'each' | 'site' | 'none';

/** What the site's setting means for a site with `pages` pages that carry a picture. */
export function sharePolicy(
  setting: Site['share_images'] | undefined,
  pages: number,
  env: NodeJS.ProcessEnv = process.env,
): SharePolicy {
  if (!ogImagesEnabled(env) || setting === 'none') return 'none';
  if (setting === 'each' || setting === 'site') return setting;
  return pages <= SHARE_IMAGES_EACH_LIMIT ? 'each' : 'site';
}

/** The whole site's picture: its name, its publisher. */
export function siteCard(site: Pick<Site, 'name' | 'publisher'>): OgCard {
  return { kicker: site.publisher, title: site.name, lines: [], site: site.name };
}

/**
 * A page's share picture under the site's policy: its own card, the site's, or none. `pages` is how
 * many pages of the site carry one (awardees, honoured units, write-ups).
 */
export function pageShareImage(
  card: OgCard,
  site: Pick<Site, 'name' | 'publisher' | 'share_images'>,
  pages: number,
  findFont: () => OgFont | undefined = findOgFont,
): string | undefined {
  const policy = sharePolicy(site.share_images, pages);
  if (policy === 'none') return undefined;
  return shareImage(policy === 'site' ? siteCard(site) : card, findFont);
}

/** Bumped when the drawing changes in a way the SVG does not show (the renderer, its settings). */
export const OG_RENDERER = 'sharp-librsvg-png-1';

/** The cards this build's pages asked for, by digest: shared with the integration in the same process. */
export function ogRegistry(): Map<string, string> {
  const key = Symbol.for('deeds.og-images');
  const store = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  return (store[key] ??= new Map());
}

export function ogImagesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(0|false|off|no)$/i.test(env.DEEDS_OG_IMAGES ?? '');
}

export function shareImage(card: OgCard, findFont: () => OgFont | undefined = findOgFont): string | undefined {
  if (!ogImagesEnabled()) return undefined;
  const font = findFont();
  if (!font) return undefined;
  const svg = ogCardSvg(card, font.family);
  const digest = ogDigest(svg, `${OG_RENDERER}|${fontKey(font)}`);
  ogRegistry().set(digest, svg);
  return `/og/${digest}.png`;
}
