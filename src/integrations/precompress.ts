/**
 * Precompressed twins of the built site's text files: `page.html` gets `page.html.gz` and
 * `page.html.br` beside it, so that a static server (nginx's `gzip_static`/`brotli_static`, most
 * object stores and CDNs) sends them as they are and spends no CPU per request (docs/deploy.md).
 *
 *   // astro.config.mjs — before atomicOutput(), which swaps the finished site into place
 *   integrations: [..., precompress(), atomicOutput()]
 *
 * On by default; `DEEDS_PRECOMPRESS=0 npm run build` turns it off. Node's zlib only: gzip at level 9,
 * Brotli at a quality that keeps a 10,000-deed build in seconds (`BROTLI_QUALITY`). Pagefind's index
 * files (`.pf_*`, `.pagefind`) are gzip already and are left alone; a twin that would not be smaller
 * than its original is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The text files that get twins, by extension. */
export const PRECOMPRESSED_EXTENSIONS: readonly string[] = [
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.svg',
  '.txt',
  '.ics',
  '.csv',
  '.webmanifest',
];

/**
 * Brotli's quality: 9, with the window sized to the file (`windowBits`); 10 and 11 take ten to thirty
 * times as long for files under a tenth smaller (docs/benchmarks.md, "Measurements behind the design").
 */
export const BROTLI_QUALITY = 9;

/** Brotli's window: the smallest (2^16) to 2^24 bytes, just large enough for the file. */
function windowBits(size: number): number {
  return Math.min(24, Math.max(16, Math.ceil(Math.log2(size + 1))));
}

export interface PrecompressOptions {
  /** Whether to write the twins. Default: on unless `DEEDS_PRECOMPRESS` is `0`, `false` or `off`. */
  enabled?: boolean;
  /** How many files are compressed at once. Default: twice the available cores (zlib runs in libuv's pool). */
  concurrency?: number;
}

export interface PrecompressResult {
  files: number;
  gzip: number;
  brotli: number;
  bytesIn: number;
  bytesGzip: number;
  bytesBrotli: number;
}

export function precompressEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.DEEDS_PRECOMPRESS ?? '').trim().toLowerCase();
  return !['0', 'false', 'off', 'no'].includes(value);
}

function wanted(name: string): boolean {
  const lower = name.toLowerCase();
  return PRECOMPRESSED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && wanted(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Write `.gz` and `.br` twins of every text file under `dir`. */
export async function precompressDir(
  dir: string,
  concurrency = availableParallelism() * 2,
): Promise<PrecompressResult> {
  const files = await listFiles(dir);
  const result: PrecompressResult = {
    files: files.length,
    gzip: 0,
    brotli: 0,
    bytesIn: 0,
    bytesGzip: 0,
    bytesBrotli: 0,
  };
  let next = 0;
  const work = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = await readFile(file);
      result.bytesIn += data.length;
      const [gz, br] = await Promise.all([
        gzipAsync(data, { level: 9 }),
        brotliAsync(data, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_LGWIN]: windowBits(data.length),
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      ]);
      if (gz.length < data.length) {
        await writeFile(`${file}.gz`, gz);
        result.gzip += 1;
        result.bytesGzip += gz.length;
      }
      if (br.length < data.length) {
        await writeFile(`${file}.br`, br);
        result.brotli += 1;
        result.bytesBrotli += br.length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, work));
  return result;
}

export default function precompress(options: PrecompressOptions = {}): AstroIntegration {
  return {
    name: 'deeds:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!(options.enabled ?? precompressEnabled())) {
          logger.info('precompression off (DEEDS_PRECOMPRESS=0)');
          return;
        }
        const started = performance.now();
        const result = await precompressDir(fileURLToPath(dir), options.concurrency);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
        logger.info(
          `${result.gzip} .gz and ${result.brotli} .br files for ${result.files} text files ` +
            `(${mb(result.bytesIn)} MB → gzip ${mb(result.bytesGzip)} MB, brotli ${mb(result.bytesBrotli)} MB) in ${seconds} s`,
        );
      },
    },
  };
}
