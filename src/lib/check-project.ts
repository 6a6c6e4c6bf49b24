/**
 * Run the whole of `content/` for `deeds check`: the same work as `runProject`, without
 * rendering HTML, and spread over worker threads when there are many entries (one per core).
 * The cross-file checks then run in the main thread on every entry, as in the build.
 *
 * A document processed in a worker comes back as plain data; the parts the cross-file checks
 * rarely need (its parsed frontmatter positions, its tree) are recomputed on demand.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { VFile } from 'vfile';
import type { CheckContext } from '../pipeline/checks.ts';
import { processDocument, type ProcessedDocument } from '../pipeline/process-document.ts';
import { projectChecks } from '../pipeline/project-checks.ts';
import { assembleEntries, projectFiles, type ProjectEntry } from '../pipeline/project.ts';
import type { PipelineContext } from '../pipeline/types.ts';
import { splitFrontmatter, type SplitDocument } from './frontmatter.ts';
import { loadRegistries } from './registries.ts';
import { loadCheckConfig } from './rule-config.ts';
import { CheckCache, toJobResult, type CheckJob, type CheckJobResult } from './check-cache.ts';

export { toJobResult, type CheckJob, type CheckJobResult } from './check-cache.ts';

export interface CheckProjectOptions {
  root: string;
  today?: string;
  /** Worker threads; default one per core when there are at least `parallelFrom` entries. */
  workers?: number;
  /** Reuse results of earlier runs for unchanged files (`node_modules/.cache/deeds-check/`). Default true. */
  cache?: boolean;
  /** Entries from which workers are worth starting (each costs about 1.5 s of CPU to start). Default 2000. */
  parallelFrom?: number;
  /**
   * Heap limits of the worker threads. None by default: a check is measured by its time, and the build's
   * limits (`WORKER_RESOURCE_LIMITS`) cost it a fifth more (10,000 deeds: 14–15 s against 11–12 s), as its
   * threads keep their results until the end.
   */
  resourceLimits?: ResourceLimits;
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
  const { files, items } = projectFiles(options.root, registries);
  // Threads start now, so that they load the pipeline while this thread reads the files.
  const workers = Math.min(options.workers ?? availableParallelism(), 8);
  const pool =
    workers > 1 && items.length >= (options.parallelFrom ?? 2000)
      ? new WorkerPool(workers, context, options.resourceLimits ?? {})
      : undefined;
  const jobs: CheckJob[] = items.map(({ index, id, collection, rel }) => ({
    index,
    path: rel,
    id,
    collection,
    value: options.sources?.get(rel) ?? readFileSync(join(options.root, rel), 'utf8'),
  }));
  const cache = options.cache === false ? undefined : CheckCache.open(options.root, context);
  const documents: ProcessedDocument[] = new Array<ProcessedDocument>(jobs.length);
  const misses: CheckJob[] = [];
  for (const job of jobs) {
    const hit = cache?.get(job);
    if (hit) documents[job.index] = revive(hit, job, context);
    else misses.push(job);
  }
  let fresh: CheckJobResult[] = [];
  let inThisThread = misses;
  if (pool && misses.length >= (options.parallelFrom ?? 2000)) {
    try {
      for (const result of await pool.run(misses)) {
        documents[result.index] = revive(result, jobs[result.index]!, context);
        fresh.push(result);
      }
      inThisThread = [];
    } catch {
      // A thread failed (out of memory on a giant file, say): the same work in this thread, nothing lost.
      pool.close();
      fresh = [];
    }
  } else {
    pool?.close();
  }
  for (const job of inThisThread) {
    const document = processDocument(
      { path: job.path, value: job.value, collection: job.collection, render: false },
      context,
    );
    documents[job.index] = document;
    fresh.push(toJobResult(job.index, document));
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

  constructor(count: number, context: PipelineContext, resourceLimits: ResourceLimits) {
    const url = new URL('./check-worker.ts', import.meta.url);
    // execArgv: [] — the worker loads its TypeScript with Node's own type stripping, not the loader hooks
    // (tsx) of the command that started it, which cost it a second of start-up.
    this.workers = Array.from(
      { length: count },
      () =>
        new Worker(url, {
          workerData: { context: plainContext(context) },
          execArgv: [],
          resourceLimits,
        }),
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
