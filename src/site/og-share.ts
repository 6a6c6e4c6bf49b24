/**
 * For a page: the path of its share picture (`/og/<digest>.png`), registering the card for the build to
 * draw (src/integrations/og-images/), or `undefined` — and no og:image — when pictures are switched off
 * (`DEEDS_OG_IMAGES=0`) or no Chinese font is installed.
 */
import { findOgFont, fontKey, type OgFont } from './og-font.ts';
import { ogCardSvg, ogDigest, type OgCard } from './og-image.ts';

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
