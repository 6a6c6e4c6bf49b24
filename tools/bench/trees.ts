/**
 * Two output trees compared file by file, and files counted, walking one folder at a time: a
 * 100,000-deed site has some 2.5 million files, which a recursive listing would hold in memory at once
 * (twice, for a comparison); a folder at a time holds the largest folder's names and one pair of files.
 *
 *   compareTrees('a/dist', 'b/dist')  →  { identical: false, files: 5232, differingCount: 1,
 *                                          differing: [{ path: 'deeds/2016/x/index.html', kind: 'content' }] }
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** One path where two trees differ. */
export interface TreeDifference {
  path: string;
  /** `content`: both have the file, bytes differ; `missing`: only in the first tree; `extra`: only in the second. */
  kind: 'content' | 'missing' | 'extra';
}

export interface TreeComparison {
  identical: boolean;
  /** Files compared (the union of both trees). */
  files: number;
  /** How many paths differ in all. */
  differingCount: number;
  /** The first differing paths (folder by folder, names in order), at most `limit`. */
  differing: TreeDifference[];
}

/** The entries of a folder by name, in code-unit order; a missing folder has none. */
function entries(dir: string): Dirent[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every file (anything not a folder) under `root`, as paths relative to it, one folder at a time. */
export function* walkFiles(root: string, prefix = ''): Generator<string> {
  for (const entry of entries(join(root, prefix))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walkFiles(root, path);
    else yield path;
  }
}

/** How many files under `root` pass `keep` (by name). */
export function countFiles(root: string, keep: (path: string) => boolean = () => true): number {
  let count = 0;
  for (const path of walkFiles(root)) if (keep(path)) count++;
  return count;
}

/** Bytes of all files under `root`. */
export function treeBytes(root: string): number {
  let bytes = 0;
  for (const path of walkFiles(root)) bytes += statSync(join(root, path)).size;
  return bytes;
}

/**
 * Whether a second copy of a site of `siteBytes` fits in `freeBytes`, with a quarter and 1 GB to spare
 * (a build also writes logs and caches). At 20,000 deeds `dist/` is 5.4 GB; at 100,000 some five times that.
 */
export function copyFits(freeBytes: number, siteBytes: number): boolean {
  return freeBytes >= siteBytes * 1.25 + 2 ** 30;
}

/** Every file of two trees compared byte for byte, one pair in memory at a time. */
export function compareTrees(first: string, second: string, limit = 10): TreeComparison {
  const result: TreeComparison = { identical: true, files: 0, differingCount: 0, differing: [] };
  const note = (path: string, kind: TreeDifference['kind']) => {
    result.differingCount++;
    if (result.differing.length < limit) result.differing.push({ path, kind });
  };
  /** Everything under a path that only one tree has. */
  const oneSided = (root: string, path: string, isDir: boolean, kind: TreeDifference['kind']) => {
    if (!isDir) {
      result.files++;
      note(path, kind);
      return;
    }
    for (const file of walkFiles(root, path)) {
      result.files++;
      note(file, kind);
    }
  };
  const walk = (prefix: string) => {
    const a = entries(join(first, prefix));
    const b = entries(join(second, prefix));
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const left = a[i];
      const right = b[j];
      const path = (name: string) => (prefix ? `${prefix}/${name}` : name);
      if (right === undefined || (left !== undefined && left.name < right.name)) {
        oneSided(first, path(left!.name), left!.isDirectory(), 'missing');
        i++;
      } else if (left === undefined || right.name < left.name) {
        oneSided(second, path(right.name), right.isDirectory(), 'extra');
        j++;
      } else {
        const here = path(left.name);
        if (left.isDirectory() && right.isDirectory()) walk(here);
        else if (left.isDirectory() || right.isDirectory()) {
          // A folder on one side, a file on the other: both sides' contents differ.
          oneSided(first, here, left.isDirectory(), 'missing');
          oneSided(second, here, right.isDirectory(), 'extra');
        } else {
          result.files++;
          if (!readFileSync(join(first, here)).equals(readFileSync(join(second, here)))) note(here, 'content');
        }
        i++;
        j++;
      }
    }
  };
  walk('');
  result.identical = result.differingCount === 0;
  return result;
}
