/**
 * Process the whole of `content/`: every announcement, roll and deed, the registries, and the
 * checks that look across files. The Astro loaders, `deeds check` and the tests share this.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { SplitDocument } from '../lib/frontmatter.ts';
import { loadRegistries, type Registries } from '../lib/registries.ts';
import type { NormaliseResult } from './normalise.ts';
import { storeBody, type StoredBody } from '../lib/entry-html.ts';
import { CheckCache, isCacheable, sourceHash, toJobResult, type RecordedResult } from '../lib/check-cache.ts';
import { loadCheckConfig } from '../lib/rule-config.ts';
import { processDocument, type ProcessedDocument } from './process-document.ts';
import { projectChecks } from './project-checks.ts';
import type { CheckContext } from './checks.ts';
import { MESSAGE_SOURCE, type Collection, type PipelineContext } from './types.ts';
import { WORKER_RESOURCE_LIMITS } from '../lib/worker-limits.ts';

export const COLLECTIONS: readonly Collection[] = Object.freeze(['announcements', 'rolls', 'deeds']);

export interface ProjectEntry {
  /** The entry's id: its path under the collection folder without `.mdx`, `2023/li-jing`. */
  id: string;
  collection: Collection;
  /** The file's path relative to the project root. */
  path: string;
  document: ProcessedDocument;
}

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
   * Keep each document's own findings in `deeds check`'s cache (`src/lib/check-cache.ts`), so that a
   * check after this run re-checks only what changed. The build does; default false.
   */
  recordChecks?: boolean;
  /**
   * Store each rendered body as a file in its collection's folder (`storeBody` in
   * `src/lib/entry-html.ts`), in the thread that rendered it: the document then carries `stored`, and
   * the HTML does not travel between threads. The build does; default none.
   */
  bodyFolders?: Partial<Record<Collection, string>>;
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
 * What an entry's digest covers besides its body: the frontmatter and what the pipeline derives for
 * the pages (the summary). Astro keeps a stored entry whose digest has not changed, metadata and all.
 */
export function digestedData(document: { frontmatter: unknown; file: { data: { summary?: string } } }): unknown {
  const { summary } = document.file.data;
  return summary === undefined ? document.frontmatter : { frontmatter: document.frontmatter, summary };
}

/**
 * What `deeds check` would keep of a document (its findings before the cross-file rules run), or
 * `undefined` for a file that is never cached. Called in a worker thread or before `finishProject`.
 */
export function checkRecord(item: PlannedFile, value: string, document: ProcessedDocument): RecordedResult | undefined {
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
  const workers = Math.min(options.workers ?? workerCount(), Math.ceil(plan.items.length / WORKER_MIN_FILES));
  if (workers < 2) return runProject(options);
  const documents: ProcessedDocument[] = new Array(plan.items.length);
  const recorded: RecordedResult[] = [];
  try {
    await Promise.all(
      chunk(plan.items, workers).map(
        (items) =>
          new Promise<void>((resolve, reject) => {
            const job: WorkerJob = {
              root: options.root,
              context: plan.context,
              items,
              recordChecks: options.recordChecks === true,
              ...(options.bodyFolders ? { bodyFolders: options.bodyFolders } : {}),
            };
            const thread = new Worker(new URL('./project-worker.ts', import.meta.url), {
              workerData: job,
              resourceLimits: WORKER_RESOURCE_LIMITS,
            });
            thread.on('message', (reply: WorkerReply) => {
              const item = plan.items[reply.index]!;
              documents[reply.index] = fromPortable(reply.document, item, options.root, plan.context);
              if (reply.check) recorded.push(reply.check);
            });
            thread.once('error', reject);
            thread.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
          }),
      ),
    );
  } catch (error) {
    // Threads could not run the pipeline here (a loader hook they lack, say): do it in this thread.
    options.warn?.(`worker threads failed, processing in one thread: ${(error as Error).message}`);
    return runProject(options);
  }
  if (options.recordChecks) CheckCache.record(options.root, plan.context, recorded);
  return finishProject(plan, documents);
}

/** Files per thread below which a thread costs more to start (it loads the whole pipeline) than it saves. */
const WORKER_MIN_FILES = 250;

function workerCount(): number {
  const fromEnv = Number(process.env.DEEDS_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  return Math.min(4, availableParallelism());
}

/** Round-robin, so that each thread gets a share of every collection. */
function chunk<T>(items: readonly T[], count: number): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => out[i % count]!.push(item));
  return out;
}

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

/**
 * What a worker thread sends back for one document: plain data that survives `postMessage`, and only
 * what the build keeps. The text is sent once, as HTML, or not at all when the worker stored the body
 * as a file (the build: `bodyFolders`): the body (three copies of it, in `split`, `body` and the
 * normaliser's result) and the normaliser's change record stay in the worker. The
 * record is summarised to its rule ids (all the pages show); the rare reader of the rest (a word
 * limit's overflow point) gets the document processed again on demand.
 */
export interface PortableDocument {
  frontmatter: Record<string, unknown>;
  data: Record<string, unknown> | undefined;
  split: Omit<SplitDocument, 'locate' | 'body'>;
  /** The body's HTML, or `''` when it was stored as a file (`stored`). */
  html: string;
  stored?: StoredBody;
  /** `file.data`, with `normalise` reduced to `NormaliseSummary`. */
  fileData: Record<string, unknown>;
  messages: Record<string, unknown>[];
}

/** What the pages need of the normaliser's result: the source script and which rules changed the text. */
export interface NormaliseSummary {
  sourceScript: NormaliseResult['sourceScript'];
  changes: Array<{ rule: string }>;
}

export interface WorkerJob {
  root: string;
  context: PipelineContext;
  items: PlannedFile[];
  /** Send back what `deeds check` keeps of each document (`ProjectOptions.recordChecks`). */
  recordChecks: boolean;
  bodyFolders?: ProjectOptions['bodyFolders'];
}

export interface WorkerReply {
  index: number;
  document: PortableDocument;
  check?: RecordedResult | undefined;
}

export function toPortable(document: ProcessedDocument): PortableDocument {
  const { locate: _locate, body: _body, ...split } = document.split;
  const { normalise, ...fileData } = document.file.data as Record<string, unknown>;
  if (normalise) {
    const result = normalise as NormaliseResult;
    fileData.normalise = {
      sourceScript: result.sourceScript,
      changes: result.changes.map((change) => ({ rule: change.rule })),
    } satisfies NormaliseSummary;
  }
  return {
    frontmatter: document.frontmatter,
    data: document.data,
    split,
    html: document.stored ? '' : document.html,
    ...(document.stored ? { stored: document.stored } : {}),
    fileData,
    // A VFileMessage is an Error: copy its fields, which structured cloning would drop.
    messages: document.file.messages.map((message) => {
      const { file: _file, ...fields } = message as unknown as Record<string, unknown>;
      return { ...fields, reason: message.reason, stack: undefined, cause: undefined };
    }),
  };
}

function fromPortable(
  portable: PortableDocument,
  item: PlannedFile,
  root: string,
  context: PipelineContext,
): ProcessedDocument {
  const file = new VFile({ path: item.rel });
  file.data = portable.fileData as VFile['data'];
  for (const fields of portable.messages) {
    const message = new VFileMessage(String(fields.reason));
    Object.assign(message, fields, { file: item.rel });
    file.messages.push(message);
  }
  // What stayed in the worker is recomputed, once, if anything asks for it.
  let again: ProcessedDocument | undefined;
  const reprocess = () =>
    (again ??= processDocument(
      { path: item.rel, value: readFileSync(join(root, item.rel), 'utf8'), collection: item.collection },
      context,
    ));
  return {
    file,
    frontmatter: portable.frontmatter,
    data: portable.data,
    split: {
      ...portable.split,
      get body() {
        return reprocess().split.body;
      },
      locate: (path) => reprocess().split.locate(path),
    },
    get normalised() {
      return reprocess().normalised;
    },
    get body() {
      return reprocess().body;
    },
    get html() {
      return portable.stored ? readFileSync(portable.stored.file, 'utf8') : portable.html;
    },
    ...(portable.stored ? { stored: portable.stored } : {}),
    get tree(): Root {
      return reprocess().tree;
    },
  };
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
