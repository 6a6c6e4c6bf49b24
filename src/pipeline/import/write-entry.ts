/**
 * Write an imported entry and archive its original, atomically: each file is written to a
 * temporary name and renamed into place, so a failed import leaves no half-written file. The same
 * original (by sha256) maps to the same entry; an existing entry is replaced only with `force`.
 * The original may hold personal data, so it is kept out of `content/`, in the private archive
 * (`archive/originals/…`, which `.gitignore` covers): nothing private is committed.
 *
 *   writeEntry({ contentDir: 'content', plan, original: bytes, originalPath: 'archive/originals/…/guanyu-….original.docx', force: false })
 *     →  { status: 'written', entryPath: 'content/announcements/2023/guanyu-….mdx', originalPath: 'archive/originals/…' }
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderEntry, type EntryPlan } from './to-entry.ts';

export interface WriteInput {
  /** The content directory: `content`, or `--out`. */
  contentDir: string;
  plan: EntryPlan;
  original: Uint8Array;
  /** Where to archive the original: `<project>/archive/originals/<collection>/<year>/<slug>.original.txt`. */
  originalPath: string;
  sha256: string;
  force: boolean;
  /** Other originals of the same document, archived with it (and removed with it if writing fails). */
  others?: { path: string; bytes: Uint8Array }[];
}

export type WriteResult =
  | { status: 'written' | 'replaced'; entryPath: string; originalPath: string }
  | { status: 'unchanged'; entryPath: string }
  | { status: 'exists'; entryPath: string };

/** The path of an entry already imported from a file with this sha256, if any. */
export function findImported(contentDir: string, sha256: string): string | null {
  for (const collection of ['announcements', 'rolls', 'deeds']) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.mdx')) continue;
      const path = join(dir, name);
      const head = readFileSync(path, 'utf8').slice(0, 20000);
      if (head.includes(`sha256: ${sha256}`)) return path;
    }
  }
  return null;
}

export function entryPathOf(contentDir: string, plan: EntryPlan): string {
  return join(contentDir, plan.collection, String(plan.year), `${plan.slug}.mdx`);
}

export function writeEntry(input: WriteInput): WriteResult {
  const entryPath = entryPathOf(input.contentDir, input.plan);
  const previous = findImported(input.contentDir, input.sha256);
  if (previous && !input.force) return { status: 'unchanged', entryPath: previous };
  const existed = existsSync(entryPath);
  if (existed && !input.force && previous !== entryPath) return { status: 'exists', entryPath };
  const directory = dirname(entryPath);
  mkdirSync(directory, { recursive: true });
  const originalPath = input.originalPath;
  mkdirSync(dirname(originalPath), { recursive: true });
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const originals = [{ path: originalPath, bytes: input.original }, ...(input.others ?? [])];
  const temporaryEntry = entryPath + suffix;
  const renamed: string[] = [];
  try {
    for (const original of originals) writeFileSync(original.path + suffix, original.bytes);
    writeFileSync(temporaryEntry, renderEntry(input.plan), 'utf8');
    for (const original of originals) {
      if (original.path !== originalPath) mkdirSync(dirname(original.path), { recursive: true });
      const existed = existsSync(original.path);
      renameSync(original.path + suffix, original.path);
      if (!existed) renamed.push(original.path);
    }
    renameSync(temporaryEntry, entryPath);
  } catch (error) {
    for (const original of originals) rmSync(original.path + suffix, { force: true });
    for (const path of renamed) rmSync(path, { force: true });
    rmSync(temporaryEntry, { force: true });
    throw error;
  }
  if (previous && previous !== entryPath && input.force) {
    // The same original imported before under another name: the new entry replaces it.
    rmSync(previous, { force: true });
  }
  return { status: existed || previous ? 'replaced' : 'written', entryPath, originalPath };
}
