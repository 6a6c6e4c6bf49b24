/**
 * The picture a shared link shows (og:image, 1200 × 630): an awardee's or a write-up's card laid out
 * by hand as SVG — Chinese text is set on a grid of full-width characters, so lines are measured by
 * counting, not by a layout engine — and named by the digest of that SVG and the font, so that an
 * unchanged card is never drawn twice (src/integrations/og-images/).
 *
 *   ogCardSvg({ kicker: '2024年度 · 先进个人', title: '李静', lines: ['示例市第一人民医院'], site: '卫生健康先进事迹' }, font)
 */
import { createHash } from 'node:crypto';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const MARGIN = 80;
const MEASURE = OG_WIDTH - 2 * MARGIN;

export interface OgCard {
  /** A short line above the title, in the accent colour: `2024年度 · 优秀乡村医生`. */
  kicker: string;
  /** The name or the write-up's title; up to two lines, large. */
  title: string;
  /** Lines under the title (unit, honours, summary); each wraps to at most two lines. */
  lines: string[];
  /** The site's name, at the foot. */
  site: string;
}

/** Width of `text` in ems: full-width characters 1, the rest about half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}—…“”‘’]/u.test(
        char,
      )
        ? 1
        : 0.56;
  return width;
}

/** `text` cut into lines of at most `ems` wide, at most `max` lines, the last ending in “…” if cut. */
export function wrapText(text: string, ems: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (textWidth(line + char) > ems) {
      lines.push(line);
      line = '';
      if (lines.length === max) break;
    }
    line += char;
  }
  if (lines.length < max && line) lines.push(line);
  else if (lines.length === max && [...lines.join('')].length < [...text].length) {
    const last = [...lines[max - 1]!];
    lines[max - 1] = `${last.slice(0, -1).join('')}…`;
  }
  return lines;
}

/** Text for an SVG: markup escaped, and characters XML 1.0 does not allow (C0 controls, lone surrogates) left out. */
export const escapeXml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function ogCardSvg(card: OgCard, fontFamily: string): string {
  const font = `font-family="${escapeXml(fontFamily)}, sans-serif"`;
  const texts: string[] = [];
  let y = 150;
  texts.push(
    `<text x="${MARGIN}" y="${y}" font-size="36" fill="#a4161a">${escapeXml(wrapText(card.kicker, MEASURE / 36, 1)[0] ?? '')}</text>`,
  );
  // A name is short and large; a write-up's title is long and a little smaller.
  const titleSize = textWidth(card.title) <= MEASURE / 96 ? 96 : 64;
  y += 40;
  for (const line of wrapText(card.title, MEASURE / titleSize, 2)) {
    y += titleSize * 1.2;
    texts.push(
      `<text x="${MARGIN}" y="${y}" font-size="${titleSize}" font-weight="bold" fill="#1f2328">${escapeXml(line)}</text>`,
    );
  }
  y += 24;
  for (const text of card.lines) {
    for (const line of wrapText(text, MEASURE / 36, 2)) {
      y += 50;
      if (y > OG_HEIGHT - 110) break;
      texts.push(`<text x="${MARGIN}" y="${y}" font-size="36" fill="#57606a">${escapeXml(line)}</text>`);
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" ${font}>`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#fbf7f2"/>`,
    `<rect width="${OG_WIDTH}" height="16" fill="#a4161a"/>`,
    ...texts,
    `<rect x="${MARGIN}" y="${OG_HEIGHT - 90}" width="${MEASURE}" height="2" fill="#d0d7de"/>`,
    `<circle cx="${MARGIN + 18}" cy="${OG_HEIGHT - 45}" r="18" fill="#a4161a"/>`,
    `<path d="M${MARGIN + 18} ${OG_HEIGHT - 56}v22M${MARGIN + 7} ${OG_HEIGHT - 45}h22" stroke="#fff" stroke-width="5" stroke-linecap="round"/>`,
    `<text x="${MARGIN + 50}" y="${OG_HEIGHT - 33}" font-size="32" fill="#1f2328">${escapeXml(card.site)}</text>`,
    '</svg>',
  ].join('');
}

/** The picture's name: the digest of what is drawn and of what draws it (font, renderer). */
export function ogDigest(svg: string, drawnBy: string): string {
  return createHash('sha256').update(drawnBy).update('\n').update(svg).digest('base64url').slice(0, 20);
}
