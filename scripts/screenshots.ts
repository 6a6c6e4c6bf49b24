/**
 * `npx tsx scripts/screenshots.ts [dist] [--out docs/screenshots] [--review]`: the README's screenshots,
 * taken in Chromium from a built site (`npm run build` first): an awardee page, the statistics page and
 * the first A4 page of a printed notice. `--review` also writes every page at 1280 and 375 px, whole,
 * to `test-output/screenshots/review/`, to look at before committing.
 *
 * The printed notice is Chromium's PDF of it, its first and last A4 pages rendered by poppler's `pdftoppm`
 * (poppler-utils) side by side. Without pdftoppm, the first page is approximated: the notice under print
 * media on a sheet of A4 at 96 dpi with the print stylesheet's margins, cut at the sheet's foot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';

/** The pages shown in the README, by file name. */
export const SHOTS = {
  awardee: '/awardees/tang-yu-zhen-0cmlw5j/',
  statistics: '/stats/',
  notice: '/announcements/2024/shi-2024-pingxuan-tongzhi/',
} as const;

const A4 = { width: 794, height: 1123 } as const;

/** A screenshot as a small PNG: 256 colours are plenty for text on flat backgrounds. */
async function save(png: Buffer, file: string): Promise<void> {
  await sharp(png).png({ palette: true, colours: 128, effort: 10 }).toFile(file);
}

/**
 * The notice as Chromium prints it to PDF, its first and last A4 pages side by side, each rendered by
 * poppler's `pdftoppm` at 72 dpi; `false` where pdftoppm is not installed.
 */
async function printedPages(page: Page, url: string, file: string): Promise<boolean> {
  if (spawnSync('pdftoppm', ['-v']).error) return false;
  await page.goto(url);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const temp = mkdtempSync(join(tmpdir(), 'deeds-screenshots-'));
  try {
    writeFileSync(join(temp, 'notice.pdf'), pdf);
    const run = spawnSync('pdftoppm', ['-png', '-r', '72', 'notice.pdf', 'page'], { cwd: temp });
    if (run.status !== 0) throw new Error(`pdftoppm: ${run.stderr.toString()}`);
    const all = readdirSync(temp)
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort()
      .map((name) => readFileSync(join(temp, name)));
    // The first page (the heading) and the last (signature, QR code, quota table).
    const sheets = all.length > 1 ? [all[0]!, all.at(-1)!] : all;
    const { width = 595, height = 842 } = await sharp(sheets[0]).metadata();
    const gap = 24;
    const canvas = sharp({
      create: {
        width: sheets.length * width + (sheets.length + 1) * gap,
        height: height + 2 * gap,
        channels: 3,
        background: '#d0d7de',
      },
    }).composite(sheets.map((input, i) => ({ input, left: gap + i * (width + gap), top: gap })));
    await save(await canvas.png().toBuffer(), file);
    return true;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function printedFirstPage(page: Page, url: string, file: string): Promise<void> {
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  await page.goto(url);
  // The sheet: @page margins do not apply on screen, so the body takes them as padding.
  await page.addStyleTag({
    content: 'html{background:#fff}body{margin:0;padding:37mm 26mm 35mm 28mm;box-sizing:border-box;width:210mm}',
  });
  await save(await page.screenshot({ clip: { x: 0, y: 0, ...A4 } }), file);
  await page.emulateMedia({ media: 'screen' });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.slice(2),
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'docs/screenshots' },
      review: { type: 'boolean', default: false },
    },
  });
  const dist = resolve(positionals[0] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    stderr.write(`screenshots：${dist} 不是构建结果；请先 npm run build\n`);
    return 2;
  }
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    // The printed sheet is a style added to the page, which the site's Content-Security-Policy would refuse.
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      bypassCSP: true,
    });
    // The README's three: the top of each page at desktop width, the notice as printed.
    for (const name of ['awardee', 'statistics'] as const) {
      const response = await page.goto(`${server.url}${SHOTS[name]}`);
      if (response?.status() !== 200)
        throw new Error(`${SHOTS[name]} 不存在（${response?.status()}）；示例内容改过时请改 SHOTS`);
      await save(await page.screenshot(), join(out, `${name}.png`));
    }
    const noticeFile = join(out, 'notice-print.png');
    if (!(await printedPages(page, `${server.url}${SHOTS.notice}`, noticeFile))) {
      stderr.write('screenshots：没有 pdftoppm（poppler-utils），打印页改用 Chromium 的打印样式截图，只有第一页\n');
      await printedFirstPage(page, `${server.url}${SHOTS.notice}`, noticeFile);
    }
    stdout.write(`已写入 ${out}/{awardee,statistics,notice-print}.png\n`);
    if (values.review) {
      const review = resolve('test-output/screenshots/review');
      mkdirSync(review, { recursive: true });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        for (const [name, path] of Object.entries(SHOTS)) {
          for (const prefix of ['', '/zh-hant']) {
            await page.goto(`${server.url}${prefix}${path}`);
            const file = join(review, `${name}${prefix ? '-hant' : ''}-${width}.png`);
            await page.screenshot({ path: file, fullPage: true });
          }
        }
      }
      stdout.write(`审阅用截图：${review}\n`);
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  (code) => exit(code),
  (error: Error) => {
    stderr.write(`screenshots：${error.message}\n`);
    exit(1);
  },
);
