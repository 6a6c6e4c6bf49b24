/**
 * Putting a cached file into the site: a hard link (no copy of the bytes), else a copy where links are not
 * possible (another file system). Used by every build step that keeps its output in a cache (繁體 pages,
 * precompressed twins, share pictures, search parts). Nothing writes into a site's files after they are
 * made, so a link never changes the cache; a file already at the target is replaced, never written into,
 * since it may be a link to another cached file.
 */
import { copyFileSync, linkSync, rmSync } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';

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
