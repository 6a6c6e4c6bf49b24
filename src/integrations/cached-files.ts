/**
 * Build caches kept between builds, one folder per step inside Astro's cache folder of the output
 * (atomic-output.ts): 繁體 pages, precompressed twins, share pictures, search parts. Here is what every
 * such step does with its cache:
 *
 * - `cacheFolder`: where the step keeps its files;
 * - `writeCached`: a file is written whole under a name of its own and renamed into place, so a build that
 *   stops half-way, or another thread writing the same entry, never leaves a half file under the real name;
 * - `linkOrCopy`: a cached file is put into the site as a hard link (no copy of the bytes), else a copy
 *   where links are not possible (another file system). Nothing writes into a site's files after they are
 *   made, so a link never changes the cache; a file already at the target is replaced, never written into,
 *   since it may be a link to another cached file;
 * - `pruneCache`: the entries this build did not use are removed, so a cache holds one site's files.
 */
import { copyFileSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, link, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

export function cacheFolder(cacheDir: URL | undefined, name: string): string | undefined {
  return cacheDir ? join(fileURLToPath(cacheDir), name) : undefined;
}

let partials = 0;

export function writeCached(path: string, bytes: string | Uint8Array): void {
  const partial = `${path}.${process.pid}-${threadId}-${++partials}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

export function linkOrCopy(cached: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch {
    copyFileSync(cached, target);
  }
}

export async function linkOrCopyAsync(cached: string, target: string): Promise<void> {
  await rm(target, { force: true });
  await link(cached, target).catch(() => copyFile(cached, target));
}

/** Remove every entry of `dir` (file or folder) not named in `used`, and partial ones a failed build left. */
export async function pruneCache(dir: string, used: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => !used.has(name)).map((name) => rm(join(dir, name), { recursive: true, force: true })),
  );
}
