/**
 * Build hook that writes the 繁體 reading variant: every built page `dist/<path>` is converted
 * to `dist/zh-hant/<path>` (see `src/lib/traditional-html.ts`). Runs after Astro has written the
 * simplified site and before the search index is built, so Pagefind sees both scripts.
 *
 *   integrations: [traditionalVariant({ variant: 'tw' }), sitemap({ customPages: … })]
 *
 * Work is split over worker threads (one converter per thread, reused for every page it gets).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadRegistries } from '../model/registries.ts';
import type { TraditionalVariant } from '../lib/traditional.ts';
import { VARIANT_PREFIX } from '../lib/traditional-html.ts';
import { normaliseBase } from '../lib/base-path.ts';
import { convertFiles, pageUrl, type ConvertResult, type Job } from './traditional-pages.ts';
import { inWorkers } from './file-workers.ts';
import { siteFiles } from './site-files.ts';
import { cacheFolder, pruneCache } from './cached-files.ts';
import { runOrDefer, type StepLogger } from './later-steps.ts';

export interface Options {
  /** Taiwan (`tw`) or Hong Kong (`hk`) standard. Default `tw`, or env `DEEDS_TRADITIONAL`. */
  variant?: TraditionalVariant;
  /** Worker threads; `1` converts in the build's own thread. Default: cores, at most 4. */
  workers?: number;
  /** Fewer pages than this are converted in the build's thread (a worker costs more to start). Default 400. */
  minPagesForWorkers?: number;
}

export interface TraditionalVariantIntegration extends AstroIntegration {
  /** Absolute URLs of the 繁體 pages, filled at `astro:build:done`; pass to sitemap's `customPages`. */
  sitemapPages: string[];
}

export function traditionalVariant(options: Options = {}): TraditionalVariantIntegration {
  const sitemapPages: string[] = [];
  let site = '';
  let base = '/';
  let root = '';
  let cacheDir: string | undefined;
  return {
    name: 'deeds-traditional-variant',
    sitemapPages,
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base ?? '/');
        // The site's address with its base path: `https://wjw.example.gov.cn/honours`.
        site = config.site ? new URL(base, config.site).href.replace(/\/$/, '') : '';
        root = fileURLToPath(config.root);
        // Astro's cache folder, one per output folder (atomic-output.ts): converted pages are kept there.
        cacheDir = cacheFolder(config.cacheDir, 'deeds-traditional');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = htmlFiles(outDir);
        const variant = options.variant ?? (process.env.DEEDS_TRADITIONAL === 'hk' ? 'hk' : 'tw');
        const glossary = loadRegistries(join(root, 'content')).glossary.map((t) => ({
          simplified: t.simplified,
          traditional: t.traditional,
          variants: t.variants,
        }));
        const fingerprint = converterFingerprint({ variant, glossary, base });
        const job: Job = { outDir, files, variant, glossary, base, ...(cacheDir ? { cacheDir, fingerprint } : {}) };
        const workers = Math.max(1, Math.min(options.workers ?? Math.min(4, availableParallelism()), files.length));
        const inThread = workers === 1 || files.length < (options.minPagesForWorkers ?? 400);
        // The sitemap (next) lists the pages to be written, whether they are written now or after Astro exits.
        for (const path of job.files) sitemapPages.push(`${site}${VARIANT_PREFIX}${pageUrl(path)}`);
        const args = { job, workers: inThread ? 1 : workers };
        await runOrDefer('deeds-traditional-variant', import.meta.url, writeTraditionalPages, args, logger);
      },
    },
  };
}

/** Convert the job's pages, in worker threads unless `workers` is 1; then prune the cache. */
export async function writeTraditionalPages(
  { job, workers }: { job: Job; workers: number },
  logger: StepLogger,
): Promise<void> {
  const started = performance.now();
  const results =
    workers <= 1
      ? [await convertFiles(job)]
      : await inWorkers<Job, ConvertResult>(
          new URL('./traditional-worker.ts', import.meta.url),
          job,
          workers,
          '繁體版转换',
        );
  if (job.cacheDir) await pruneCache(job.cacheDir, new Set(results.flatMap((result) => result.used)));
  const converted = results.reduce((sum, result) => sum + result.converted, 0);
  logger.info(
    `繁體版 ${job.files.length} 页（${job.variant}，新转换 ${converted} 页，其余取自缓存），用时 ${Math.round(performance.now() - started)} ms`,
  );
}

/**
 * The converter's digest: its code (the script tables and the HTML walk in `src/lib/`, this folder's
 * page code), the OpenCC package, and what it is given. Any change converts every page again.
 */
function converterFingerprint(settings: { variant: string; glossary: unknown; base: string }): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  const lib = fileURLToPath(new URL('../lib/', import.meta.url));
  for (const name of readdirSync(lib).sort()) {
    if (name.startsWith('traditional')) hash.update(name).update(readFileSync(join(lib, name)));
  }
  hash.update(readFileSync(fileURLToPath(new URL('./traditional-pages.ts', import.meta.url))));
  try {
    hash.update(readFileSync(join(lib, '..', '..', 'node_modules', 'opencc-js', 'package.json')));
  } catch {
    // Not installed beside the project: the lock file's version is what runs, and `npm ci` empties the cache.
  }
  return hash.digest('base64url');
}

/** The simplified pages: every `.html` file but the 繁體 copies, the search index's and the assets'. */
function htmlFiles(outDir: string): string[] {
  return siteFiles(outDir, (name) => name.endsWith('.html')).filter(
    (path) => !/^(?:zh-hant|pagefind|_astro|data)\//.test(path),
  );
}
