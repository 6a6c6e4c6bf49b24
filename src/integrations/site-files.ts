/**
 * The files of a built site, listed once by a synchronous walk: relative paths with `/` separators, in
 * order. At 10,000 deeds (some 150,000 files) `fs/promises`' recursive `readdir` took 1.1–2.2 s where the
 * synchronous one takes a twentieth of that: each folder costs it round trips through libuv's pool.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function siteFiles(dir: string, accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !accept(entry.name)) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    out.push(sep === '/' ? path : path.split(sep).join('/'));
  }
  return out.sort();
}
