/**
 * Precompressed twins of the built site's text files: `page.html` gets `page.html.gz` and
 * `page.html.br` beside it, so that a static server (nginx's `gzip_static`/`brotli_static`, most
 * object stores and CDNs) sends them as they are and spends no CPU per request (docs/deploy.md).
 *
 *   // astro.config.mjs — before atomicOutput(), which swaps the finished site into place
 *   integrations: [..., precompress(), atomicOutput()]
 *
 * On by default; `DEEDS_PRECOMPRESS=0 npm run build` turns it off. Node's zlib only, at the levels in
 * `precompress-files.ts`, run synchronously in worker threads (`file-workers.ts`). Pagefind's index
 * files (`.pf_*`, `.pagefind`) are gzip already and are left alone; a twin that would not be smaller
 * than its original is not written.
 *
 * Twins are kept between builds in a cache folder, named by the digest of the file they compress
 * (Astro's cache folder of the output, `deeds-precompress/`): a rebuild compresses only files whose
 * bytes changed, and hard-links the rest.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inWorkers } from './file-workers.ts';
import { siteFiles } from './site-files.ts';
import { cacheFolder, pruneCache } from './cached-files.ts';
import { writeTwins, type TwinJob, type TwinResult } from './precompress-files.ts';
import { runOrDefer, type StepLogger } from './later-steps.ts';

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

/** Fewer files than this are compressed in the build's own thread: a worker costs more to start. */
const MIN_FILES_FOR_WORKERS = 200;

export interface PrecompressOptions {
  /** Whether to write the twins. Default: on unless `DEEDS_PRECOMPRESS` is `0`, `false` or `off`. */
  enabled?: boolean;
  /** Worker threads. Default: the available cores, at most 4. */
  concurrency?: number;
}

/** The text files found, and the threads' counts summed. */
export interface PrecompressResult extends Omit<TwinResult, 'used'> {
  files: number;
}

export function precompressEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.DEEDS_PRECOMPRESS ?? '').trim().toLowerCase();
  return !['0', 'false', 'off', 'no'].includes(value);
}

function wanted(name: string): boolean {
  const lower = name.toLowerCase();
  return PRECOMPRESSED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * Write `.gz` and `.br` twins of every text file under `dir`. With `cacheDir`, twins of a file whose
 * bytes are in the cache are linked from there, and the cache keeps only this run's twins.
 */
export async function precompressDir(
  dir: string,
  concurrency = Math.min(4, availableParallelism()),
  cacheDir?: string,
): Promise<PrecompressResult> {
  const files = siteFiles(dir, wanted);
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const job: TwinJob = { dir, files, ...(cacheDir ? { cacheDir } : {}) };
  const shares =
    concurrency <= 1 || files.length < MIN_FILES_FOR_WORKERS
      ? [writeTwins(job)]
      : await inWorkers<TwinJob, TwinResult>(
          new URL('./precompress-worker.ts', import.meta.url),
          job,
          concurrency,
          '预压缩',
        );
  const result: PrecompressResult = {
    files: files.length,
    compressed: 0,
    gzip: 0,
    brotli: 0,
    bytesIn: 0,
    bytesGzip: 0,
    bytesBrotli: 0,
  };
  for (const share of shares) {
    for (const key of ['compressed', 'gzip', 'brotli', 'bytesIn', 'bytesGzip', 'bytesBrotli'] as const)
      result[key] += share[key];
  }
  if (cacheDir) await pruneCache(cacheDir, new Set(shares.flatMap((share) => share.used)));
  return result;
}

export default function precompress(options: PrecompressOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'deeds:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Astro's cache folder, one per output folder (atomic-output.ts).
        cacheDir = cacheFolder(config.cacheDir, 'deeds-precompress');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!(options.enabled ?? precompressEnabled())) {
          logger.info('precompression off (DEEDS_PRECOMPRESS=0)');
          return;
        }
        const args: TwinsStepArgs = {
          dir: fileURLToPath(dir),
          ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
          ...(cacheDir ? { cacheDir } : {}),
        };
        await runOrDefer('deeds:precompress', import.meta.url, writeTwinsStep, args, logger);
      },
    },
  };
}

interface TwinsStepArgs {
  dir: string;
  concurrency?: number;
  cacheDir?: string;
}

/** Write the twins of the built site (`precompressDir`) and say how many. */
export async function writeTwinsStep({ dir, concurrency, cacheDir }: TwinsStepArgs, logger: StepLogger): Promise<void> {
  const started = performance.now();
  const result = await precompressDir(dir, concurrency, cacheDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  logger.info(
    `${result.gzip} .gz and ${result.brotli} .br files for ${result.files} text files, ${result.compressed} compressed anew ` +
      `(${mb(result.bytesIn)} MB → gzip ${mb(result.bytesGzip)} MB, brotli ${mb(result.bytesBrotli)} MB) in ${seconds} s`,
  );
}
