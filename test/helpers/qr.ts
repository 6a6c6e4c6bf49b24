/** Reading back the QR codes `src/lib/qr-code.ts` draws. */
/** The modules an SVG from `qrSvg` draws, read back from its path. */
export function svgModules(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const matrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const d = /<path d="([^"]+)"/.exec(svg)![1]!;
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([Mmh])(\d+)(?:[ ,](\d+)(?:\.5)?)?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') x += Number(a);
    else for (let end = x + Number(a); x < end; x++) matrix[y]![x] = true;
  }
  return matrix;
}
