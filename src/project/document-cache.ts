/**
 * What the build keeps of each processed document between builds: its portable form (`portable.ts`,
 * what a worker thread sends back) and what `deeds check` keeps of it, by the file's content, in one
 * file in Astro's cache folder of the output. A rebuild processes only the documents whose text
 * changed; the cross-document checks run over all of them as before.
 *
 * Reused only under the same key: the pipeline context (registries, check configuration, build date),
 * the code (`codeFingerprint`) and where bodies are stored. Files that reference images are never
 * cached (`isCacheable`), as in `deeds check`'s cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordedResult } from './cache.ts';
import type { PortableDocument } from './portable.ts';

/** Bump when the shape of a cached document changes. */
const CACHE_FORMAT = 'deeds-documents-1';

export interface CachedDocument {
  /** `sourceHash` of the file as processed. */
  hash: string;
  document: PortableDocument;
  check?: RecordedResult | undefined;
}

interface CacheFile {
  key: string;
  documents: Record<string, CachedDocument>;
}

export class DocumentCache {
  // No parameter properties: worker threads load this file with Node's type stripping, which refuses them.
  private readonly file: string;
  private readonly key: string;
  private readonly previous: Record<string, CachedDocument>;
  private readonly next: Record<string, CachedDocument> = {};
  private changed = false;

  private constructor(file: string, key: string, previous: Record<string, CachedDocument>) {
    this.file = file;
    this.key = key;
    this.previous = previous;
  }

  /** The cache in `file` if it was written under the same key (`parts`), else an empty one. */
  static open(file: string, parts: readonly unknown[]): DocumentCache {
    const key = createHash('sha256').update(CACHE_FORMAT).update(JSON.stringify(parts)).digest('hex');
    let previous: Record<string, CachedDocument> = {};
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.key === key) previous = data.documents;
    } catch {
      previous = {};
    }
    return new DocumentCache(file, key, previous);
  }

  /** The document at `path` as processed from text of digest `hash`, if it was, and its stored body is still there. */
  get(path: string, hash: string): CachedDocument | undefined {
    const cached = this.previous[path];
    if (!cached || cached.hash !== hash) return undefined;
    if (cached.document.stored && !existsSync(cached.document.stored.file)) return undefined;
    this.next[path] = cached;
    return cached;
  }

  set(path: string, cached: CachedDocument): void {
    this.next[path] = cached;
    this.changed = true;
  }

  /** Write the documents of this run (only them), when any was processed anew or any is gone. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const partial = `${this.file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify({ key: this.key, documents: this.next } satisfies CacheFile));
      renameSync(partial, this.file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
