/**
 * A QR code as an SVG string, drawn at build time (`uqr`: a port of Nayuki's QR Code generator, no
 * dependencies). One path of horizontal runs, so a code for a page's address is about 2 KB.
 *
 *   qrSvg('https://honours.example.gov.cn/rolls/2025/x/', { label: '本页网址的二维码' })
 *   → <svg … viewBox="0 0 41 41" role="img" aria-label="本页网址的二维码"><path d="M4 4.5h7m2 0h2…" stroke="#000"/></svg>
 */
import { encode } from 'uqr';

export interface QrOptions {
  /** The accessible name of the picture. */
  label: string;
  /** Error correction: `M` (15%) survives a crease or a stain on paper. Default `M`. */
  ecc?: 'L' | 'M' | 'Q' | 'H';
}

/** The modules of the QR code of `text`, the four-module quiet zone included: `true` is dark. */
export function qrMatrix(text: string, ecc: QrOptions['ecc'] = 'M'): boolean[][] {
  return encode(text, { ecc, border: 4 }).data;
}

export function qrSvg(text: string, options: QrOptions): string {
  const matrix = qrMatrix(text, options.ecc);
  const size = matrix.length;
  // Each row's dark runs as strokes one module wide along the row's middle: `M4 4.5h7m2 0h2…`.
  let path = '';
  matrix.forEach((row, y) => {
    let pen = -1;
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      path += pen < 0 ? `M${x} ${y}.5h${run}` : `m${x - pen} 0h${run}`;
      pen = x + run;
      x += run - 1;
    }
  });
  const label = options.label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" stroke="#000"/></svg>`
  );
}
