/**
 * What `deeds check` keeps between runs: each document's own findings (before the cross-file rules),
 * by file content, in `node_modules/.cache/deeds-check/`. `deeds check` reads and writes it; the
 * build writes it too (it runs the same pipeline on the same files), so that a check after a build
 * re-checks only the files that changed since.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessedDocument } from '../pipeline/process-document.ts';
import type { WordCountData } from '../pipeline/check/rules/word-limit.ts';
import type { Collection, PipelineContext } from '../pipeline/types.ts';

export interface CheckJob {
  index: number;
  /** Path relative to the root, as in diagnostics. */
  path: string;
  id: string;
  collection: Collection;
  value: string;
}

export interface CheckJobResult {
  index: number;
  messages: Array<{
    reason: string;
    place:
      | { line: number; column: number }
      | { start: { line: number; column: number }; end: { line: number; column: number } }
      | undefined;
    ruleId: string | undefined;
    source: string | undefined;
    fatal: boolean | null | undefined;
    actual: string | undefined;
    expected: string[] | undefined;
  }>;
  frontmatter: Record<string, unknown>;
  data: Record<string, unknown> | undefined;
  wordCount: WordCountData | undefined;
}

/** What a processed document contributes to the report and the cross-file checks, as plain data. */
export function toJobResult(index: number, document: ProcessedDocument): CheckJobResult {
  return {
    index,
    messages: document.file.messages.map((message) => ({
      reason: message.reason,
      place: message.place as CheckJobResult['messages'][number]['place'],
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      actual: message.actual,
      expected: message.expected,
    })),
    frontmatter: document.frontmatter,
    data: document.data,
    wordCount: document.file.data.wordCount,
  };
}

/**
 * Results of earlier runs, by file content, in `node_modules/.cache/deeds-check/`. A result is
 * reused only when the file, the registries, the check configuration, the build date and the
 * code of `src/` are all unchanged; files that reference images are never cached, since their
 * result depends on other files.
 */
export class CheckCache {
  // No parameter properties: worker threads load this file with Node's type stripping, which refuses them.
  private readonly path: string;
  private readonly entries: Record<string, { hash: string; result: CheckJobResult }>;

  private constructor(path: string, entries: Record<string, { hash: string; result: CheckJobResult }>) {
    this.path = path;
    this.entries = entries;
  }

  static open(root: string, context: PipelineContext): CheckCache | undefined {
    const path = CheckCache.pathFor(root, context);
    let entries: Record<string, { hash: string; result: CheckJobResult }> = {};
    try {
      entries = JSON.parse(readFileSync(path, 'utf8')) as typeof entries;
    } catch {
      entries = {};
    }
    return new CheckCache(path, entries);
  }

  /** One file per key: the pipeline context (registries, check configuration, build date) and the code. */
  private static pathFor(root: string, context: PipelineContext): string {
    const key = createHash('sha256')
      .update(CACHE_FORMAT)
      .update(JSON.stringify(context))
      .update(codeFingerprint())
      .digest('hex')
      .slice(0, 16);
    return join(root, 'node_modules', '.cache', 'deeds-check', `${key}.json`);
  }

  get(job: CheckJob): CheckJobResult | undefined {
    const entry = this.entries[job.path];
    if (!entry || entry.hash !== hashOf(job)) return undefined;
    return { ...entry.result, index: job.index };
  }

  save(jobs: readonly CheckJob[], fresh: readonly CheckJobResult[]): void {
    const next: Record<string, { hash: string; result: CheckJobResult }> = {};
    for (const job of jobs) if (this.entries[job.path]?.hash === hashOf(job)) next[job.path] = this.entries[job.path]!;
    for (const result of fresh) {
      const job = jobs[result.index]!;
      if (!isCacheable(job.value)) continue;
      next[job.path] = { hash: hashOf(job), result };
    }
    this.write(next);
  }

  /**
   * Keep findings computed elsewhere (by the build, which processes every file): they replace the
   * whole cache, since `results` covers the project as it is now.
   */
  static record(root: string, context: PipelineContext, results: readonly RecordedResult[]): void {
    const cache = new CheckCache(CheckCache.pathFor(root, context), {});
    const next: Record<string, { hash: string; result: CheckJobResult }> = {};
    for (const { path, hash, result } of results) next[path] = { hash, result };
    cache.write(next);
  }

  private write(next: Record<string, { hash: string; result: CheckJobResult }>): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      for (const name of readdirSync(dirname(this.path)))
        if (join(dirname(this.path), name) !== this.path) rmSync(join(dirname(this.path), name), { force: true });
      const temporary = `${this.path}.tmp-${process.pid}`;
      writeFileSync(temporary, JSON.stringify(next));
      renameSync(temporary, this.path);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}

/** Bump when the shape of cached results changes. */
const CACHE_FORMAT = 'deeds-check-1';

const hashes = new WeakMap<CheckJob, string>();

function hashOf(job: CheckJob): string {
  let hash = hashes.get(job);
  if (hash === undefined) {
    hash = sourceHash(job.collection, job.value);
    hashes.set(job, hash);
  }
  return hash;
}

let fingerprint: string | undefined;

/** Size and time of the pipeline, schema and helper sources and of the lock file: a change to them empties the cache. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const src = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    // The code a check runs: the pipeline, the content model, the runner and the helpers (not pages, styles or search).
    if (!/^(?:pipeline|model|project|lib)\//.test(name.split(sep).join('/')) || name.includes('bench')) continue;
    if (!/\.(?:ts|mjs|js|json)$/.test(name)) continue;
    const stat = statSync(join(src, name));
    hash.update(`${name}:${stat.size}:${stat.mtimeMs}\n`);
  }
  // Dependencies too (a new micromark or opencc can change results).
  const lock = join(src, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(`lock:${statSync(lock).mtimeMs}`);
  return (fingerprint = hash.digest('hex'));
}

/** A document's findings as the cache keeps them, for `CheckCache.record`. */
export interface RecordedResult {
  path: string;
  /** `sourceHash` of the file as processed. */
  hash: string;
  result: CheckJobResult;
}

/** The cache's key for a file's content. */
export function sourceHash(collection: Collection, value: string): string {
  return createHash('sha1').update(collection).update('\0').update(value).digest('hex');
}

/** Files that reference images are never cached: their result depends on other files. */
export function isCacheable(value: string): boolean {
  return !/!\[|^\s*photos:/m.test(value);
}
