/**
 * Read the text layer of a PDF with Mozilla's PDF.js (through `unpdf`, its serverless build): lines
 * are rebuilt from the positions of the text runs, headers, footers and page numbers repeated on
 * the pages are dropped, and paragraphs broken over lines and pages are joined again. A PDF with no
 * text layer (a scan) is refused: nothing is guessed.
 *
 *   await readPdf(bytes)  →  { text: '关于…的决定\n\n各区卫生健康局：\n\n…', pages: 2 }
 */
import { getDocumentProxy } from 'unpdf';

export interface PdfText {
  text: string;
  pages: number;
}

/** A PDF that has pages but no text on them: a scan or a picture of a document. */
export class ScannedPdfError extends Error {
  override name = 'ScannedPdfError';
}

/** A PDF that asks for a password. */
export class EncryptedPdfError extends Error {
  override name = 'EncryptedPdfError';
}

/** The most pages read: a notice or decision has a few, a roll some tens. */
export const MAX_PDF_PAGES = 200;

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

export interface Page {
  lines: Line[];
  height: number;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  let pdf;
  try {
    // A copy: PDF.js takes the buffer over. Nothing is fetched, no fonts are installed, no XFA forms run.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      disableFontFace: true,
      useWorkerFetch: false,
      enableXfa: false,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new EncryptedPdfError((error as Error).message);
    throw error;
  }
  try {
    const count = Math.min(pdf.numPages, MAX_PDF_PAGES);
    const pages: Page[] = [];
    for (let number = 1; number <= count; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        // PDF.js adds runs of spaces of its own over gaps; the gaps themselves are measured below.
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height || 10 });
      }
      pages.push({ lines: linesOf(runs), height: viewport.height });
      page.cleanup();
    }
    const characters = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
    if (characters < 10) throw new ScannedPdfError(`${pdf.numPages} 页`);
    return { text: paragraphs(dropFurniture(pages)), pages: pdf.numPages };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Runs on one baseline (within a third of the type size) make a line, read left to right. */
function linesOf(runs: Run[]): Line[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - run.y) <= Math.max(line[0]!.size, run.size) / 3) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => {
      line.sort((p, q) => p.x - q.x);
      let text = '';
      let end = line[0]!.x;
      for (const run of line) {
        const gap = run.x - end;
        // A wide gap is a table's column break; a narrower one a space between words. Chinese text
        // has no spaces between words, nor around the numbers in it: a gap there is a font's spacing.
        const cjk = /[^\x00-\x7f]$/u.test(text) || /^[^\x00-\x7f]/u.test(run.text);
        if (text && gap > run.size * 1.5) text += '\t';
        else if (text && gap > run.size * (cjk ? 0.6 : 0.2) && !/\s$/.test(text)) text += ' ';
        text += run.text;
        end = Math.max(end, run.x + run.width);
      }
      const size = Math.max(...line.map((r) => r.size));
      return { text: text.replace(/[ \u00a0]+$/u, ''), left: line[0]!.x, right: end, y: line[0]!.y, size };
    })
    .filter((line) => line.text.trim() !== '');
}

/** `- 2 -`, `第 2 页`, `第2页 共5页`, `2/5`, `2`: a page number standing alone. */
const PAGE_NUMBER =
  /^[\s\-—–－·]*(?:第\s*[0-9０-９]+\s*页(?:\s*[，,]?\s*共\s*[0-9０-９]+\s*页)?|[0-9０-９]+(?:\s*\/\s*[0-9０-９]+)?|page\s*[0-9]+(?:\s*of\s*[0-9]+)?)[\s\-—–－·]*$/iu;

/**
 * Drop lines in the top or bottom margin (the outer tenth of the page) that are page numbers or that
 * repeat on most pages with only their numbers changed: running heads and footers.
 */
export function dropFurniture(pages: Page[]): Line[][] {
  const margin = (line: Line, page: Page) => line.y > page.height * 0.9 || line.y < page.height * 0.1;
  const shape = (text: string) => text.replace(/[0-9０-９]+/gu, '#').replace(/\s+/gu, '');
  const seen = new Map<string, number>();
  for (const page of pages) {
    const shapes = new Set(page.lines.filter((l) => margin(l, page)).map((l) => shape(l.text)));
    for (const s of shapes) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  // A running head or footer is on more than half of the pages (the first may have none); page numbers,
  // which alone differ between odd and even pages in GB/T 9704, are caught by their pattern.
  const repeated = Math.max(2, Math.floor(pages.length / 2) + 1);
  return pages.map((page) =>
    page.lines.filter(
      (line) => !(margin(line, page) && (PAGE_NUMBER.test(line.text) || seen.get(shape(line.text))! >= repeated)),
    ),
  );
}

/**
 * Lines joined into paragraphs: a line that runs to the right edge of the text goes on in the next
 * line, unless the next is indented (a first line) or is a heading or list item of its own; across
 * a page break the same rule holds. Tables (lines with tabs) keep their lines.
 */
function paragraphs(pages: Line[][]): string {
  const all = pages.flat();
  if (all.length === 0) return '';
  const left = Math.min(...all.map((l) => l.left));
  const right = Math.max(...all.map((l) => l.right));
  const out: string[] = [];
  let current = '';
  let previous: Line | undefined;
  for (const line of all) {
    const startsBlock = !previous || !continues(previous, line, left, right);
    if (startsBlock) {
      if (current) out.push(current);
      current = line.text.trim();
    } else {
      current += joiner(current, line.text.trim()) + line.text.trim();
    }
    previous = line;
  }
  if (current) out.push(current);
  // Rows of a table stay together, one line each; other blocks have a blank line between them.
  return out
    .map((block, i) => (i > 0 && block.includes('\t') && out[i - 1]!.includes('\t') ? '\n' : '\n\n') + block)
    .join('')
    .trimStart();
}

/** Whether `line` goes on the paragraph `previous` ends. */
function continues(previous: Line, line: Line, left: number, right: number): boolean {
  if (line.text.includes('\t') || previous.text.includes('\t')) return false;
  // A centred title broken over lines: the first line runs full, the rest are centred under it.
  const centre = (left + right) / 2;
  const centred = (l: Line) => Math.abs((l.left + l.right) / 2 - centre) < l.size * 0.6;
  if (line.left > left + line.size * 0.9 && centred(line) && centred(previous) && previous.size === line.size) {
    return previous.right >= right - previous.size * 1.5;
  }
  if (line.left > left + line.size * 0.9) return false; // an indented first line, or a centred one
  if (previous.right < right - previous.size * 1.5) return false; // the previous line stopped short
  if (Math.abs(previous.size - line.size) > 1) return false; // a title over the text
  return true;
}

/** Latin words broken over lines keep a space; Chinese text runs on. */
function joiner(before: string, after: string): string {
  return /[A-Za-z0-9,.;:]$/u.test(before) && /^[A-Za-z0-9]/u.test(after) ? ' ' : '';
}
