/**
 * Run the whole of `content/` for `deeds check`: the same work as `runProject`, without
 * rendering HTML, and spread over worker threads when there are many entries (one per core).
 * The cross-file checks then run in the main thread on every entry, as in the build.
 *
 * A document processed in a worker comes back as plain data; the parts the cross-file checks
 * rarely need (its parsed frontmatter positions, its tree) are recomputed on demand.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import type { CheckContext } from '../pipeline/checks.ts';
import { processDocument, type ProcessedDocument } from '../pipeline/process-document.ts';
import { projectChecks } from '../pipeline/project-checks.ts';
import { assembleEntries, COLLECTIONS, listEntries, type ProjectEntry } from '../pipeline/project.ts';
import type { WordCountData } from '../pipeline/remark-check-word-limit.ts';
import { MESSAGE_SOURCE, type Collection, type PipelineContext } from '../pipeline/types.ts';
import { splitFrontmatter, type SplitDocument } from './frontmatter.ts';
import { loadRegistries } from './registries.ts';
import { loadCheckConfig } from './rule-config.ts';

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

export interface CheckProjectOptions {
  root: string;
  today?: string;
  /** Worker threads; default one per core when there are at least `parallelFrom` entries. */
  workers?: number;
  /** Reuse results of earlier runs for unchanged files (`node_modules/.cache/deeds-check/`). Default true. */
  cache?: boolean;
  /** Entries from which workers are worth starting (each costs about 1.5 s of CPU to start). Default 2000. */
  parallelFrom?: number;
  /** Texts already read, by path relative to the root (`deeds check` has read them to vet them). */
  sources?: ReadonlyMap<string, string>;
}

export interface CheckProjectResult {
  files: VFile[];
  entries: ProjectEntry[];
  context: PipelineContext;
  /** How many entries came from the cache. */
  cached: number;
}

export async function checkProject(options: CheckProjectOptions): Promise<CheckProjectResult> {
  const contentDir = join(options.root, 'content');
  const registries = loadRegistries(contentDir);
  // content/checks.yaml is read here, so that a mistake in it stops the run before any work.
  const context: CheckContext = {
    glossary: registries.glossary,
    units: registries.units,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    checks: loadCheckConfig(options.root),
  };
  const files: VFile[] = [];
  for (const problem of registries.problems) {
    const file = new VFile({ path: relative(options.root, problem.file) });
    file.message(problem.message, {
      place: { line: problem.line, column: problem.column },
      ruleId: 'registry',
      source: MESSAGE_SOURCE,
    }).fatal = true;
    files.push(file);
  }
  const listed: Array<Omit<CheckJob, 'value'> & { absolute: string }> = [];
  for (const collection of COLLECTIONS) {
    const dir = join(contentDir, collection);
    for (const path of listEntries(dir, contentDir, files, options.root)) {
      const rel = relative(options.root, path).split(sep).join('/');
      const id = relative(dir, path)
        .split(sep)
        .join('/')
        .replace(/\.mdx$/, '');
      listed.push({ index: listed.length, path: rel, id, collection, absolute: path });
    }
  }
  // Threads start now, so that they load the pipeline while this thread reads the files.
  const workers = Math.min(options.workers ?? availableParallelism(), 8);
  const pool =
    workers > 1 && listed.length >= (options.parallelFrom ?? 2000) ? new WorkerPool(workers, context) : undefined;
  const jobs: CheckJob[] = listed.map(({ absolute, ...job }) => ({
    ...job,
    value: options.sources?.get(job.path) ?? readFileSync(absolute, 'utf8'),
  }));
  const cache = options.cache === false ? undefined : CheckCache.open(options.root, context);
  const documents: ProcessedDocument[] = new Array<ProcessedDocument>(jobs.length);
  const misses: CheckJob[] = [];
  for (const job of jobs) {
    const hit = cache?.get(job);
    if (hit) documents[job.index] = revive(hit, job, context);
    else misses.push(job);
  }
  const fresh: CheckJobResult[] = [];
  if (pool && misses.length >= (options.parallelFrom ?? 2000)) {
    for (const result of await pool.run(misses)) {
      documents[result.index] = revive(result, jobs[result.index]!, context);
      fresh.push(result);
    }
  } else {
    pool?.close();
    for (const job of misses) {
      const document = processDocument(
        { path: job.path, value: job.value, collection: job.collection, render: false },
        context,
      );
      documents[job.index] = document;
      fresh.push(toJobResult(job.index, document));
    }
  }
  cache?.save(jobs, fresh);

  const entries = assembleEntries(
    jobs.map((job, index) => ({ id: job.id, collection: job.collection, path: job.path, document: documents[index]! })),
    files,
  );
  files.push(...projectChecks(entries, context));
  return { files, entries, context, cached: jobs.length - misses.length };
}

/**
 * Worker threads for `checkProject`, started before the jobs are known: each loads the pipeline, then
 * waits for its share. Round-robin shares, so that each thread gets some of every collection.
 */
class WorkerPool {
  private readonly workers: Worker[];
  private readonly exits: Array<Promise<void>>;

  constructor(count: number, context: PipelineContext) {
    const url = new URL('./check-worker.ts', import.meta.url);
    // execArgv: [] — the worker loads its TypeScript with Node's own type stripping, not the loader hooks
    // (tsx) of the command that started it, which cost it a second of start-up.
    this.workers = Array.from(
      { length: count },
      () => new Worker(url, { workerData: { context: plainContext(context) }, execArgv: [] }),
    );
    this.exits = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`deeds check: a worker thread stopped with code ${code}`)),
          );
        }),
    );
    // Nothing is lost if a thread fails before it is given work: `run` reports it.
    for (const exit of this.exits) exit.catch(() => undefined);
  }

  async run(jobs: readonly CheckJob[]): Promise<CheckJobResult[]> {
    const shares: CheckJob[][] = this.workers.map(() => []);
    jobs.forEach((job, index) => shares[index % shares.length]!.push(job));
    const results = await Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<CheckJobResult[]>((resolve, reject) => {
            worker.once('message', (value: CheckJobResult[]) => resolve(value));
            this.exits[i]!.then(
              () => reject(new Error('deeds check: a worker thread stopped before it answered')),
              reject,
            );
            worker.postMessage(shares[i]);
          }),
      ),
    );
    this.close();
    return results.flat();
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
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
class CheckCache {
  // No parameter properties: worker threads load this file with Node's type stripping, which refuses them.
  private readonly path: string;
  private readonly entries: Record<string, { hash: string; result: CheckJobResult }>;

  private constructor(path: string, entries: Record<string, { hash: string; result: CheckJobResult }>) {
    this.path = path;
    this.entries = entries;
  }

  static open(root: string, context: PipelineContext): CheckCache | undefined {
    const dir = join(root, 'node_modules', '.cache', 'deeds-check');
    const key = createHash('sha256')
      .update(CACHE_FORMAT)
      .update(JSON.stringify(context))
      .update(codeFingerprint())
      .digest('hex')
      .slice(0, 16);
    const path = join(dir, `${key}.json`);
    let entries: Record<string, { hash: string; result: CheckJobResult }> = {};
    try {
      entries = JSON.parse(readFileSync(path, 'utf8')) as typeof entries;
    } catch {
      entries = {};
    }
    return new CheckCache(path, entries);
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
      if (/!\[|^\s*photos:/m.test(job.value)) continue;
      next[job.path] = { hash: hashOf(job), result };
    }
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
    hash = createHash('sha1').update(job.collection).update('\0').update(job.value).digest('hex');
    hashes.set(job, hash);
  }
  return hash;
}

let fingerprint: string | undefined;

/** Size and time of the pipeline, schema and helper sources and of the lock file: a change to them empties the cache. */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const src = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    // The code a check runs: the pipeline, the schemas and the helpers (not pages, styles or benchmarks).
    if (!/^(?:pipeline|schemas|lib)\//.test(name.split(sep).join('/')) || name.includes('bench')) continue;
    if (!/\.(?:ts|mjs|js|json)$/.test(name)) continue;
    const stat = statSync(join(src, name));
    hash.update(`${name}:${stat.size}:${stat.mtimeMs}\n`);
  }
  // Dependencies too (a new micromark or opencc can change results).
  const lock = join(src, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(`lock:${statSync(lock).mtimeMs}`);
  return (fingerprint = hash.digest('hex'));
}

/** The context without anything a worker cannot receive (the check configuration is reloaded there). */
function plainContext(context: PipelineContext): PipelineContext {
  const { glossary, units, today, ...rest } = context as PipelineContext & { checks?: unknown };
  return { glossary, units, today, ...('checks' in rest ? { checks: rest.checks } : {}) } as PipelineContext;
}

/** A processed document from a worker's plain data; its split, tree and normalised text are recomputed when asked for. */
function revive(result: CheckJobResult, job: CheckJob, context: PipelineContext): ProcessedDocument {
  const file = new VFile({ path: job.path, value: job.value });
  file.data.collection = job.collection;
  file.data.frontmatter = result.data ?? result.frontmatter;
  if (result.wordCount) file.data.wordCount = result.wordCount;
  for (const m of result.messages) {
    const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: m.source });
    message.fatal = m.fatal;
    if (m.actual !== undefined) message.actual = m.actual;
    if (m.expected !== undefined) message.expected = m.expected;
  }
  let full: ProcessedDocument | undefined;
  let split: SplitDocument | undefined;
  const load = () =>
    (full ??= processDocument(
      { path: job.path, value: job.value, collection: job.collection, render: false },
      context,
    ));
  return {
    file,
    frontmatter: result.frontmatter,
    data: result.data,
    get split() {
      return (split ??= splitFrontmatter(job.value));
    },
    get normalised() {
      return load().normalised;
    },
    get body() {
      return load().body;
    },
    get tree() {
      return load().tree;
    },
    html: '',
  };
}
