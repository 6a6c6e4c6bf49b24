/**
 * The project runner's worker threads, for the build (`runProjectInWorkers`) and `deeds check`
 * (`checkProject`) alike. Threads start before their jobs are known, so that they load the pipeline
 * while the main thread reads and plans; each then gets one share of the jobs (round-robin, so that
 * each thread gets some of every collection), processes it in `worker.ts`, and posts back each
 * document in its portable form (`portable.ts`) with what the check cache keeps of it.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { PortableDocument } from './portable.ts';
import type { RecordedResult } from './cache.ts';
import type { Collection, PipelineContext } from '../pipeline/types.ts';

/** What every thread of a pool is started with. */
export interface PoolSettings {
  root: string;
  context: PipelineContext;
  /** Render HTML (the build) or not (`deeds check`). */
  render: boolean;
  /** Send back what `deeds check` keeps of each document (`ProjectOptions.recordChecks`). */
  recordChecks: boolean;
  /** Store each rendered body as a file in its collection's folder (`ProjectOptions.bodyFolders`). */
  bodyFolders?: Partial<Record<Collection, string>>;
}

/** One document to process: its text when the caller has read it, else it is read from `rel`. */
export interface PoolJob {
  index: number;
  rel: string;
  collection: Collection;
  value?: string;
}

/** One processed document: its portable form, and what the check cache keeps of it (when asked for). */
export interface DocumentReply {
  index: number;
  document: PortableDocument;
  check?: RecordedResult | undefined;
}

/** A thread's message: documents in a batch; the last says it is done. */
export interface WorkerReply {
  documents: DocumentReply[];
  done?: true;
}

/** Threads by default: one per core, at most `max` (`DEEDS_WORKERS` overrides; 0 or 1: none). */
export function workerCount(max = 4): number {
  const fromEnv = Number(process.env.DEEDS_WORKERS);
  if (process.env.DEEDS_WORKERS !== undefined && Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  return Math.min(max, availableParallelism());
}

export class WorkerPool {
  // No parameter properties: worker threads load these files with Node's type stripping, which refuses them.
  private readonly workers: Worker[];
  private readonly exits: Array<Promise<void>>;

  constructor(count: number, settings: PoolSettings, resourceLimits: ResourceLimits = {}) {
    const url = new URL('./worker.ts', import.meta.url);
    const workerData: PoolSettings = { ...settings, context: plainContext(settings.context) };
    // execArgv: [] — the worker loads its TypeScript with Node's own type stripping, not the loader hooks
    // (tsx) of the command that started it, which cost it a second of start-up.
    this.workers = Array.from({ length: count }, () => new Worker(url, { workerData, execArgv: [], resourceLimits }));
    this.exits = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`a worker thread stopped with code ${code}`)),
          );
        }),
    );
    // Nothing is lost if a thread fails before it is given work: `run` reports it.
    for (const exit of this.exits) exit.catch(() => undefined);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Process `jobs`, a share to each thread; `onReply` gets each document as it comes. Rejects when a
   * thread fails (the caller then does the work in its own thread: nothing is lost). The pool is
   * closed afterwards either way.
   */
  async run(jobs: readonly PoolJob[], onReply: (reply: DocumentReply) => void): Promise<void> {
    const shares: PoolJob[][] = this.workers.map(() => []);
    jobs.forEach((job, index) => shares[index % shares.length]!.push(job));
    try {
      await Promise.all(
        this.workers.map(
          (worker, i) =>
            new Promise<void>((resolve, reject) => {
              worker.on('message', (reply: WorkerReply) => {
                for (const document of reply.documents) onReply(document);
                if (reply.done) resolve();
              });
              this.exits[i]!.then(() => reject(new Error('a worker thread stopped before it finished')), reject);
              worker.postMessage(shares[i]);
            }),
        ),
      );
    } finally {
      this.close();
    }
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}

/** The context without anything a thread cannot receive. */
function plainContext(context: PipelineContext): PipelineContext {
  const { glossary, units, today, ...rest } = context as PipelineContext & { checks?: unknown };
  return { glossary, units, today, ...('checks' in rest ? { checks: rest.checks } : {}) } as PipelineContext;
}
