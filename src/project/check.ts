/**
 * Run the whole of `content/` for `deeds check`: the same work as `runProject`, without
 * rendering HTML, and spread over worker threads when there are many entries (one per core).
 * The cross-file checks then run in the main thread on every entry, as in the build.
 *
 * A document processed in a worker comes back as plain data; the parts the cross-file checks
 * rarely need (its parsed frontmatter positions, its tree) are recomputed on demand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { VFile } from 'vfile';
import type { CheckContext } from '../pipeline/check/checks.ts';
import { processDocument, type ProcessedDocument } from '../pipeline/process-document.ts';
import { projectChecks } from '../pipeline/check/cross-document.ts';
import { assembleEntries, projectFiles, type ProjectEntry } from './run.ts';
import type { PipelineContext } from '../pipeline/types.ts';
import { splitFrontmatter, type SplitDocument } from '../model/frontmatter.ts';
import { loadRegistries } from '../model/registries.ts';
import { loadCheckConfig } from '../pipeline/check/rule-config.ts';
import { CheckCache, toJobResult, type CheckJob, type CheckJobResult } from './cache.ts';
import { fromPortable } from './portable.ts';
import { WorkerPool, workerCount } from './worker-pool.ts';

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
   * limits (`WORKER_RESOURCE_LIMITS`) cost it a fifth more (docs/benchmarks.md).
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
  const workers = Math.min(options.workers ?? workerCount(8), 8);
  const pool =
    workers > 1 && items.length >= (options.parallelFrom ?? 2000)
      ? new WorkerPool(
          workers,
          { root: options.root, context, render: false, recordChecks: true },
          options.resourceLimits ?? {},
        )
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
      const poolJobs = misses.map((job) => ({
        index: job.index,
        rel: job.path,
        collection: job.collection,
        value: job.value,
      }));
      await pool.run(poolJobs, (reply) => {
        const job = jobs[reply.index]!;
        documents[reply.index] = fromPortable(reply.document, { ...job, rel: job.path }, options.root, context);
        if (reply.check) fresh.push(reply.check.result);
      });
      inThisThread = [];
    } catch {
      // A thread failed (out of memory on a giant file, say): the same work in this thread, nothing lost.
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

/** A processed document from the check cache's record; its split, tree and normalised text are recomputed when asked for. */
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
