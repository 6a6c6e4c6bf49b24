/** Converting built pages to the 繁體 variant, shared by the build hook and its worker threads. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
}

/**
 * Convert a list of pages in this thread, with one converter for all of them. File access is
 * synchronous: the thread has nothing else to do meanwhile, and a page costs well under a
 * millisecond, so a promise per read and write would cost more than the reads and writes.
 */
export async function convertFiles(job: Job): Promise<void> {
  // Body text, UI strings and attribute values all go through this one converter: Taiwan usage
  // (「」, 搜尋, 資料) applies to all of them alike.
  const convert = createTraditionalConverter({
    variant: job.variant,
    glossary: [...job.glossary, ...regionalUsage(job.variant)],
  });
  const made = new Set<string>();
  for (const path of job.files) {
    const html = readFileSync(join(job.outDir, path), 'utf8');
    const target = join(job.outDir, VARIANT_PREFIX.slice(1), path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, convertPageHtml(html, { pathname: pageUrl(path), base: job.base ?? '/', convert }));
  }
}

/** `rolls/2023/x/index.html` → `/rolls/2023/x/`; `404.html` → `/404.html`. */
export function pageUrl(path: string): string {
  return path.endsWith('index.html') ? `/${path.slice(0, -'index.html'.length)}` : `/${path}`;
}
