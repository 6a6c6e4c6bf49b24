/**
 * Process the whole of `content/`: every announcement, roll and deed, the registries, and the
 * checks that look across files. The Astro loaders, `deeds check` and the tests share this.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { loadRegistries, type Registries } from '../model/registries.ts';
import { storeBody } from '../pipeline/render/entry-html.ts';
import { fromPortable, type PortableDocument } from './portable.ts';
import { WorkerPool, workerCount } from './worker-pool.ts';
import { CheckCache, codeFingerprint, isCacheable, sourceHash, toJobResult, type RecordedResult } from './cache.ts';
import { DocumentCache } from './document-cache.ts';
import { toPortable } from './portable.ts';
import { loadCheckConfig } from '../pipeline/check/rule-config.ts';
import { processDocument, type ProcessedDocument, type ProjectEntry } from '../pipeline/process-document.ts';

export type { ProjectEntry };
import { projectChecks } from '../pipeline/check/cross-document.ts';
import type { CheckContext } from '../pipeline/check/checks.ts';
import { MESSAGE_SOURCE, type Collection, type PipelineContext } from '../pipeline/types.ts';
import { WORKER_RESOURCE_LIMITS } from './worker-limits.ts';

export const COLLECTIONS: readonly Collection[] = Object.freeze(['announcements', 'rolls', 'deeds']);

export interface ProjectResult {
  registries: Registries;
  context: PipelineContext;
  entries: ProjectEntry[];
  /** Every file with messages, including registries and cross-file findings. */
  files: VFile[];
  errorCount: number;
}

export interface ProjectOptions {
  /** The project root; `content/` is under it. */
  root: string;
  /** Build date, `YYYY-MM-DD`. Default: today. */
  today?: string;
  /** Only these files (paths relative to root); default all. */
  only?: readonly string[];
  /**
   * Keep each document's own findings in `deeds check`'s cache (`src/project/cache.ts`), so that a
   * check after this run re-checks only what changed. The build does; default false.
   */
  recordChecks?: boolean;
  /**
   * Store each rendered body as a file in its collection's folder (`storeBody` in
   * `src/pipeline/render/entry-html.ts`), in the thread that rendered it: the document then carries `stored`, and
   * the HTML does not travel between threads. The build does; default none.
   */
  bodyFolders?: Partial<Record<Collection, string>>;
  /**
   * Keep each processed document in this file between runs (`DocumentCache`), and process only the
   * documents whose text changed. The build does, in Astro's cache folder; default none.
   */
  documentCache?: string;
}

export function runProject(options: ProjectOptions): ProjectResult {
  const plan = planProject(options);
  const recorded: RecordedResult[] = [];
  const documents = plan.items.map((item) => {
    const value = readFileSync(join(options.root, item.rel), 'utf8');
    const document = processDocument({ path: item.rel, value, collection: item.collection }, plan.context);
    storeDocumentBody(document, item.collection, options.bodyFolders);
    if (options.recordChecks) {
      // A copy: the cross-file rules below still add to this document's file.
      const check = checkRecord(item, value, document);
      if (check) recorded.push(structuredClone(check));
    }
    return document;
  });
  if (options.recordChecks) CheckCache.record(options.root, plan.context, recorded);
  return finishProject(plan, documents);
}

/** Store `document`'s body in its collection's folder, if the run has one (`ProjectOptions.bodyFolders`). */
export function storeDocumentBody(
  document: ProcessedDocument,
  collection: Collection,
  folders: ProjectOptions['bodyFolders'],
): void {
  const folder = folders?.[collection];
  if (folder) document.stored = storeBody(folder, digestedData(document), document.html);
}

/**
 * What the pages read of what the pipeline derives, kept with the entry in Astro's store: the summary
 * line of a write-up without one of its own (src/lib/deed-summary.ts).
 */
export const PAGE_FIELDS = ['summary'] as const;

/**
 * The `PAGE_FIELDS` of a document's `file.data`: all that Astro's store keeps of what the pipeline
 * derived (`rendered.metadata.pipeline`, src/model/loader.ts). Astro keeps every entry for the whole
 * build, as objects and twice more as text in the server bundle, so the rest — word counts, the roll
 * entry, the awardees' write-ups, the normaliser's record, which `deeds check` and the cross-document
 * rules use — stays out of it: at 10,000 deeds it was 3.8 MB of the store's 8.5 MB (docs/benchmarks.md,
 * "Third pass").
 */
export function pipelineSummary(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field of PAGE_FIELDS) if (data[field] !== undefined) kept[field] = data[field];
  return kept;
}

/**
 * What an entry's digest covers besides its body: the frontmatter and exactly what the store keeps of
 * the pipeline (`pipelineSummary`). Astro keeps a stored entry whose digest has not changed, metadata and all.
 */
export function digestedData(document: { frontmatter: unknown; file: { data: Record<string, unknown> } }): unknown {
  const derived = pipelineSummary(document.file.data);
  return Object.keys(derived).length === 0 ? document.frontmatter : { frontmatter: document.frontmatter, ...derived };
}

/**
 * What `deeds check` would keep of a document (its findings before the cross-file rules run), or
 * `undefined` for a file that is never cached. Called in a worker thread or before `finishProject`.
 */
export function checkRecord(
  item: { index: number; rel: string; collection: Collection },
  value: string,
  document: ProcessedDocument,
): RecordedResult | undefined {
  if (!isCacheable(value)) return undefined;
  return {
    path: item.rel,
    hash: sourceHash(item.collection, value),
    result: toJobResult(item.index, document),
  };
}

/**
 * `runProject` with the documents processed in worker threads, one per core (at most 4, or
 * `DEEDS_WORKERS`), for the build and `deeds check` over a whole archive. The result is the same,
 * except that each document's `tree` is parsed again only if it is read, and `split.locate` parses
 * the frontmatter again when first called. Small projects, and any failure to start the threads,
 * fall back to `runProject`.
 */
export async function runProjectInWorkers(
  options: ProjectOptions & {
    /** Threads to use; default one per core, at most 4 (`DEEDS_WORKERS` overrides; 0 or 1: none). */
    workers?: number;
    /** Told when the threads fail and the run falls back to this thread. */
    warn?: (message: string) => void;
  },
): Promise<ProjectResult> {
  const plan = planProject(options);
  if (options.documentCache) return runWithCache(options, plan, options.documentCache);
  const workers = Math.min(options.workers ?? workerCount(), Math.ceil(plan.items.length / WORKER_MIN_FILES));
  if (workers < 2) return runProject(options);
  const documents: ProcessedDocument[] = new Array(plan.items.length);
  const recorded: RecordedResult[] = [];
  const pool = renderPool(options, plan, workers);
  try {
    await pool.run(plan.items, (reply) => {
      documents[reply.index] = fromPortable(reply.document, plan.items[reply.index]!, options.root, plan.context);
      if (reply.check) recorded.push(reply.check);
    });
  } catch (error) {
    // Threads could not run the pipeline here (a loader hook they lack, say): do it in this thread.
    options.warn?.(`worker threads failed, processing in one thread: ${(error as Error).message}`);
    return runProject(options);
  }
  if (options.recordChecks) CheckCache.record(options.root, plan.context, recorded);
  return finishProject(plan, documents);
}

/** The build's pool: threads that process and render documents with the plan's context. */
function renderPool(options: ProjectOptions, plan: ProjectPlan, workers: number): WorkerPool {
  return new WorkerPool(
    workers,
    {
      root: options.root,
      context: plan.context,
      render: true,
      recordChecks: options.recordChecks === true,
      ...(options.bodyFolders ? { bodyFolders: options.bodyFolders } : {}),
    },
    WORKER_RESOURCE_LIMITS,
  );
}

/**
 * `runProjectInWorkers` with a document cache: documents whose text is unchanged come from the cache;
 * the others are processed, in threads when there are enough of them, and join the cache.
 */
async function runWithCache(
  options: ProjectOptions & { workers?: number; warn?: (message: string) => void },
  plan: ProjectPlan,
  file: string,
): Promise<ProjectResult> {
  const cache = DocumentCache.open(file, [plan.context, codeFingerprint(), options.bodyFolders ?? null]);
  const documents: ProcessedDocument[] = new Array(plan.items.length);
  const recorded: RecordedResult[] = [];
  const todo: Array<PlannedFile & { value: string; hash: string | undefined }> = [];
  for (const item of plan.items) {
    const value = readFileSync(join(options.root, item.rel), 'utf8');
    const hash = isCacheable(value) ? sourceHash(item.collection, value) : undefined;
    const cached = hash ? cache.get(item.rel, hash) : undefined;
    if (!cached) {
      todo.push({ ...item, value, hash });
      continue;
    }
    documents[item.index] = fromPortable(cached.document, { ...item, value }, options.root, plan.context);
    if (cached.check && options.recordChecks) recorded.push(cached.check);
  }
  const keep = (job: (typeof todo)[number], portable: PortableDocument, check: RecordedResult | undefined) => {
    if (job.hash) cache.set(job.rel, { hash: job.hash, document: portable, check });
    if (check) recorded.push(check);
  };
  const inThisThread = (jobs: typeof todo) => {
    for (const job of jobs) {
      const document = processDocument({ path: job.rel, value: job.value, collection: job.collection }, plan.context);
      storeDocumentBody(document, job.collection, options.bodyFolders);
      const check = options.recordChecks ? checkRecord(job, job.value, document) : undefined;
      // Copies, taken now: the cross-file rules below still add to this document's file.
      keep(job, toPortable(document), check && structuredClone(check));
      documents[job.index] = document;
    }
  };
  const workers = Math.min(options.workers ?? workerCount(), Math.ceil(todo.length / WORKER_MIN_FILES));
  if (workers < 2) inThisThread(todo);
  else {
    const byIndex = new Map(todo.map((job) => [job.index, job]));
    const pool = renderPool(options, plan, workers);
    const done = new Set<number>();
    try {
      await pool.run(todo, (reply) => {
        const job = byIndex.get(reply.index)!;
        documents[reply.index] = fromPortable(reply.document, job, options.root, plan.context);
        keep(job, reply.document, reply.check);
        done.add(reply.index);
      });
    } catch (error) {
      options.warn?.(`worker threads failed, processing in one thread: ${(error as Error).message}`);
      inThisThread(todo.filter((job) => !done.has(job.index)));
    }
  }
  cache.save();
  if (options.recordChecks) CheckCache.record(options.root, plan.context, recorded);
  return finishProject(plan, documents);
}

/** Files per thread below which a thread costs more to start (it loads the whole pipeline) than it saves. */
const WORKER_MIN_FILES = 250;

/** A file to process, in the order of the result. */
export interface PlannedFile {
  index: number;
  id: string;
  collection: Collection;
  /** Path relative to the project root, `/`-separated. */
  rel: string;
}

interface ProjectPlan {
  registries: Registries;
  context: PipelineContext;
  items: PlannedFile[];
  /** Registry problems and refused files, found before any document is processed. */
  files: VFile[];
}

function planProject(options: ProjectOptions): ProjectPlan {
  const contentDir = join(options.root, 'content');
  const registries = loadRegistries(contentDir);
  const context: PipelineContext = {
    glossary: registries.glossary,
    units: registries.units,
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  try {
    // The project's own content/checks.yaml (as `deeds check` reads it), not the working folder's.
    (context as CheckContext).checks = loadCheckConfig(options.root);
  } catch {
    // A broken checks.yaml is reported where the checks read it.
  }
  const { files, items } = projectFiles(options.root, registries, options.only);
  return { registries, context, items, files };
}

/**
 * The project's entries to process, in order (collection by collection, sorted paths), and the files
 * already refused: registry problems and symlinks that leave `content/`. Shared by the build and `deeds check`.
 */
export function projectFiles(
  root: string,
  registries: Registries,
  only?: readonly string[],
): { files: VFile[]; items: PlannedFile[] } {
  const contentDir = join(root, 'content');
  const files: VFile[] = [];
  for (const problem of registries.problems) {
    const file = new VFile({ path: relative(root, problem.file) });
    file.message(problem.message, {
      place: { line: problem.line, column: problem.column },
      ruleId: 'registry',
      source: MESSAGE_SOURCE,
    }).fatal = true;
    files.push(file);
  }
  const items: PlannedFile[] = [];
  const wanted = only ? new Set(only) : undefined;
  for (const collection of COLLECTIONS) {
    const dir = join(contentDir, collection);
    for (const path of listEntries(dir, contentDir, files, root)) {
      const rel = relative(root, path).split(sep).join('/');
      if (wanted && !wanted.has(rel)) continue;
      const id = relative(dir, path)
        .split(sep)
        .join('/')
        .replace(/\.mdx$/, '');
      items.push({ index: items.length, id, collection, rel });
    }
  }
  return { files, items };
}

function finishProject(plan: ProjectPlan, documents: readonly ProcessedDocument[]): ProjectResult {
  const { registries, context, files } = plan;
  const entries = assembleEntries(
    plan.items.map((item) => ({
      id: item.id,
      collection: item.collection,
      path: item.rel,
      document: documents[item.index]!,
    })),
    files,
  );
  files.push(...projectChecks(entries, context));
  const errorCount = files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === true).length, 0);
  return { registries, context, entries, files, errorCount };
}

/**
 * The processed documents as entries, in order: an id that differs from an earlier one only in case is
 * reported (`duplicate-id`), and every document's file joins `files`. Shared by the build and `deeds check`.
 */
export function assembleEntries(processed: readonly ProjectEntry[], files: VFile[]): ProjectEntry[] {
  const seenIds = new Map<string, string>();
  for (const entry of processed) {
    const key = `${entry.collection}/${entry.id.toLowerCase()}`;
    const first = seenIds.get(key);
    if (first) {
      entry.document.file.message(`条目编号 ${entry.id} 与 ${first} 重复；请改其中一个文件名`, {
        place: { line: 1, column: 1 },
        ruleId: 'duplicate-id',
        source: MESSAGE_SOURCE,
      }).fatal = true;
    } else seenIds.set(key, entry.path);
    files.push(entry.document.file);
  }
  return [...processed];
}

/** Larger content files are not documents an editor wrote; `deeds check` and the build refuse them. */
export const MAX_CONTENT_BYTES = 10_000_000;

/** Why a content file of `bytes` bytes is refused. */
export function oversizeReason(bytes: number): string {
  return `有 ${(bytes / 1e6).toFixed(1)} MB，超过 10 MB；内容文件应是一篇文档，请拆分或改用导入`;
}

/**
 * The `.mdx` files of a collection; symlinks that leave `content/`, files over `MAX_CONTENT_BYTES` and
 * what is not a plain file are reported, not read.
 */
export function listEntries(dir: string, contentDir: string, files: VFile[], root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const realContent = realpathSync(contentDir);
  const out: string[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.mdx')) continue;
    const path = join(dir, name);
    const refuse = (reason: string, ruleId: string) => {
      const file = new VFile({ path: relative(root, path) });
      file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: MESSAGE_SOURCE }).fatal = true;
      files.push(file);
    };
    if (lstatSync(path).isSymbolicLink()) {
      let target = '';
      try {
        target = realpathSync(path);
      } catch {
        target = '';
      }
      if (!target || !(target + sep).startsWith(realContent + sep)) {
        refuse('这是指向 content/ 以外的符号链接，出于安全不予读取；请把文件复制到 content/ 内', 'symlink');
        continue;
      }
    }
    // Measured before reading: the build must not take in what `deeds check` refuses.
    const stat = statSync(path);
    if (stat.isDirectory()) continue;
    if (!stat.isFile()) {
      refuse('不是普通文件（设备、管道或套接字），无法读取；请换成 UTF-8 编码的 .mdx 文件', 'file-size');
      continue;
    }
    if (stat.size > MAX_CONTENT_BYTES) {
      refuse(oversizeReason(stat.size), 'file-size');
      continue;
    }
    out.push(path);
  }
  return out;
}
