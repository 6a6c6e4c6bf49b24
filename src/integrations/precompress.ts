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
 *
 * Twins are kept between builds in a cache folder, named by the digest of the file they compress
 * (Astro's cache folder of the output, `deeds-precompress/`): a rebuild compresses only files whose
 * bytes changed, and hard-links the rest.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { linkOrCopyAsync } from './cached-files.ts';
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
  /** Files compressed in this run (the others' twins came from the cache). */
  compressed: number;
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

/** What a cached twin's name covers besides the file's bytes: the settings that make it. */
const TWIN_SETTINGS = `gzip-9|brotli-${BROTLI_QUALITY}-text-window`;

/**
 * Write `.gz` and `.br` twins of every text file under `dir`. With `cacheDir`, twins of a file whose
 * bytes are in the cache are linked from there, and the cache keeps only this run's twins.
 */
export async function precompressDir(
  dir: string,
  concurrency = availableParallelism() * 2,
  cacheDir?: string,
): Promise<PrecompressResult> {
  const files = await listFiles(dir);
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const used = new Set<string>();
  const result: PrecompressResult = {
    files: files.length,
    compressed: 0,
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
      const twins = await compressed(data, cacheDir, used, () => {
        result.compressed += 1;
        return compress(data);
      });
      for (const [extension, size, path] of twins) {
        // A twin that would not be smaller than its original is not written.
        if (size >= data.length) continue;
        if (extension === 'gz') {
          result.gzip += 1;
          result.bytesGzip += size;
        } else {
          result.brotli += 1;
          result.bytesBrotli += size;
        }
        await placeTwin(path, `${file}.${extension}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, work));
  if (cacheDir) {
    const stale = (await readdir(cacheDir)).filter((name) => !used.has(name));
    await Promise.all(stale.map((name) => rm(join(cacheDir, name), { force: true })));
  }
  return result;
}

let partials = 0;

/** A twin: its extension, its size, and the file that holds it (in the cache, or written for it). */
type Twin = readonly [extension: 'gz' | 'br', size: number, path: string | Buffer];

/** Both twins of `data`: from the cache when there, else made by `make` (and kept, with a cache). */
async function compressed(
  data: Buffer,
  cacheDir: string | undefined,
  used: Set<string>,
  make: () => Promise<{ gz: Buffer; br: Buffer }>,
): Promise<Twin[]> {
  if (!cacheDir) {
    const { gz, br } = await make();
    return [
      ['gz', gz.length, gz],
      ['br', br.length, br],
    ];
  }
  const key = createHash('sha1').update(TWIN_SETTINGS).update(data).digest('base64url');
  const paths = { gz: join(cacheDir, `${key}.gz`), br: join(cacheDir, `${key}.br`) };
  used.add(`${key}.gz`).add(`${key}.br`);
  const sizes = await Promise.all(
    [stat(paths.gz), stat(paths.br)].map((p) =>
      p.then(
        (s) => s.size,
        () => -1,
      ),
    ),
  );
  if (sizes[0]! < 0 || sizes[1]! < 0) {
    const { gz, br } = await make();
    for (const [path, bytes] of [
      [paths.gz, gz],
      [paths.br, br],
    ] as const) {
      // Two files of the same bytes may be compressed at once: each writes a partial file of its own.
      const partial = `${path}.${process.pid}-${++partials}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
    }
    return [
      ['gz', gz.length, paths.gz],
      ['br', br.length, paths.br],
    ];
  }
  return [
    ['gz', sizes[0]!, paths.gz],
    ['br', sizes[1]!, paths.br],
  ];
}

/** Write a twin beside its file: its bytes, or a hard link to the cached twin (a copy where links fail). */
async function placeTwin(source: string | Buffer, target: string): Promise<void> {
  if (Buffer.isBuffer(source)) return writeFile(target, source);
  await linkOrCopyAsync(source, target);
}

async function compress(data: Buffer): Promise<{ gz: Buffer; br: Buffer }> {
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
  return { gz, br };
}

export default function precompress(options: PrecompressOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'deeds:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Astro's cache folder, one per output folder (atomic-output.ts).
        cacheDir = config.cacheDir ? join(fileURLToPath(config.cacheDir), 'deeds-precompress') : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!(options.enabled ?? precompressEnabled())) {
          logger.info('precompression off (DEEDS_PRECOMPRESS=0)');
          return;
        }
        const started = performance.now();
        const result = await precompressDir(fileURLToPath(dir), options.concurrency, cacheDir);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
        logger.info(
          `${result.gzip} .gz and ${result.brotli} .br files for ${result.files} text files, ${result.compressed} compressed anew ` +
            `(${mb(result.bytesIn)} MB → gzip ${mb(result.bytesGzip)} MB, brotli ${mb(result.bytesBrotli)} MB) in ${seconds} s`,
        );
      },
    },
  };
}
