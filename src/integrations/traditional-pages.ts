/**
 * Converting built pages to the 繁體 variant, shared by the build hook and its worker threads.
 * Converted pages are kept in a cache folder named by the digest of the simplified page, its path and
 * the converter (`fingerprint`), and hard-linked into the site: a rebuild converts only the pages
 * whose simplified HTML changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkOrCopy, writeCached } from './cached-files.ts';
import { createTraditionalConverter, regionalUsage, type TraditionalVariant } from '../lib/traditional.ts';
import { convertPageHtml, VARIANT_PREFIX } from '../lib/traditional-html.ts';

export interface Job {
  outDir: string;
  /** Paths of simplified pages relative to `outDir`, `/`-separated. */
  files: string[];
  variant: TraditionalVariant;
  /** The site's base path with a trailing slash: `/` or `/honours/`. */
  base?: string;
  glossary: { simplified: string; traditional?: string | undefined; variants?: readonly string[] | undefined }[];
  /** Where converted pages are kept between builds; none: every page is converted. */
  cacheDir?: string;
  /** The converter's own digest (its code, the glossary, the variant, the base): part of every page's key. */
  fingerprint?: string;
}

/** What a share of the pages cost: how many were converted, and the cache entries used (the rest are pruned). */
export interface ConvertResult {
  converted: number;
  used: string[];
}

/**
 * Convert a list of pages in this thread, with one converter for all of them. File access is
 * synchronous: the thread has nothing else to do meanwhile, and a page costs well under a
 * millisecond, so a promise per read and write would cost more than the reads and writes.
 */
export async function convertFiles(job: Job): Promise<ConvertResult> {
  let convert: ((text: string) => string) | undefined;
  // Body text, UI strings and attribute values all go through this one converter: Taiwan usage
  // (「」, 搜尋, 資料) applies to all of them alike. Made only when a page is not in the cache.
  const converter = () =>
    (convert ??= createTraditionalConverter({
      variant: job.variant,
      glossary: [...job.glossary, ...regionalUsage(job.variant)],
    }));
  const made = new Set<string>();
  const used: string[] = [];
  let converted = 0;
  if (job.cacheDir) mkdirSync(job.cacheDir, { recursive: true });
  for (const path of job.files) {
    const html = readFileSync(join(job.outDir, path), 'utf8');
    const target = join(job.outDir, VARIANT_PREFIX.slice(1), path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const page = () => {
      converted++;
      return convertPageHtml(html, { pathname: pageUrl(path), base: job.base ?? '/', convert: converter() });
    };
    if (!job.cacheDir) {
      writeFileSync(target, page());
      continue;
    }
    const name = `${createHash('sha1')
      .update(`${job.fingerprint ?? ''}\n${path}\n`)
      .update(html)
      .digest('base64url')}.html`;
    const cached = join(job.cacheDir, name);
    used.push(name);
    if (!existsSync(cached)) writeCached(cached, page());
    linkOrCopy(cached, target);
  }
  return { converted, used };
}

/** `rolls/2023/x/index.html` → `/rolls/2023/x/`; `404.html` → `/404.html`. */
export function pageUrl(path: string): string {
  return path.endsWith('index.html') ? `/${path.slice(0, -'index.html'.length)}` : `/${path}`;
}
