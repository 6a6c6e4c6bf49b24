/**
 * Search index for the built site: Pagefind over every page that declares a search kind
 * (`<SearchMeta kind="…">`, which writes `data-pagefind-filter="kind:…"`), in parts (`src/search/parts.ts`),
 * plus the names index (`src/search/names.ts`) built from the same pages' metadata.
 *
 *   // astro.config.mjs
 *   integrations: [pagefindSearch()]
 *
 * Runs in `astro:build:done`, so `npm run build` leaves one Pagefind index per part under
 * `dist/pagefind/<part>/`, the parts' manifest (`dist/search/parts.json`), the filters of each part's pages
 * (`dist/search/facets/<part>.json`, `facets.ts`), `dist/search/names/*.json` and the script conversion
 * tables beside the pages. The traditional variant (`/zh-hant/`) is not indexed: the browser searches the
 * simplified index and shows results converted.
 *
 * Pagefind indexes copies of the pages whose text is already cut into words by `Intl.Segmenter`
 * (`src/search/build/stage.ts`), as the browser cuts queries, under a language it neither segments nor
 * stems: both sides agree on the words, and Pagefind skips its own (slow, memory-hungry) Chinese
 * segmentation. The parts are indexed one after another, so the indexer's memory is that of the largest
 * part; a part whose pages are unchanged since a build that kept its index in the cache is not indexed
 * again (`cacheDir`).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheFolder, linkOrCopy, pruneCache } from './cached-files.ts';
import { siteFiles } from './site-files.ts';
import { runOrDefer, type StepLogger } from './later-steps.ts';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { loadRegistries } from '../model/registries.ts';
import { createTraditionalConverter } from '../lib/traditional.ts';
import { CharacterSet, conversionTables, type GlossaryEntry } from '../search/build/conversion.ts';
import { docNumberKey, nameKey } from '../search/query.ts';
import { unspaceWords } from '../search/segment.ts';
import { buildFacets } from '../search/facets.ts';
import { FIRST_PAGES, PART_LIMITS, planParts, type PartGroup, type PartsManifest } from '../search/parts.ts';
import {
  stageFiles,
  surveyFiles,
  type StageJob,
  type StageResult,
  type SurveyJob,
  type SurveyResult,
} from '../search/build/stage-files.ts';
import { WORKER_RESOURCE_LIMITS } from '../project/worker-limits.ts';
import { KIND_RANK, NAME_SHARDS, PAGE_KINDS, nameShard, type NameEntry, type PageKind } from '../search/names.ts';

export { readFilters, searchableHtml } from '../search/build/stage.ts';

export interface PagefindSearchOptions {
  /** Folders of the built site (relative, with a trailing slash) that are never indexed. */
  exclude?: readonly string[];
  /** How many worker threads survey and stage (read, segment, write) the pages for Pagefind. */
  workers?: number;
  /** Heap limits of those threads (`WORKER_RESOURCE_LIMITS` by default). */
  resourceLimits?: ResourceLimits;
  /**
   * Pagefind's language for every page, whatever `lang` says. The staged pages are already cut
   * into words (`stage.ts`), so it is one Pagefind neither segments nor stems: it indexes
   * the words as the spaces delimit them.
   */
  language?: string;
  /**
   * Protected terms (`content/glossary.yaml`): their traditional forms and variants are written to
   * `search/glossary.json` for the browser's query conversion, and names get keys in those forms.
   */
  glossary?: readonly GlossaryEntry[];
  /** Other names of units (`content/units.yaml` aliases), by the unit's name. */
  aliases?: ReadonlyMap<string, readonly string[]>;
  /** Most pages in one part of the index, per group (`PART_LIMITS`). */
  partLimits?: Readonly<Record<PartGroup, number>>;
  /** Pages a query loads before it shows results (`FIRST_PAGES`), written to the manifest. */
  firstPages?: number;
  /**
   * Where the index of each part is kept between builds, by a digest of its pages; none by default
   * (the integration keeps them in Astro's cache folder of the output, `…/deeds-search`).
   */
  cacheDir?: string;
}

const DEFAULTS = Object.freeze({
  exclude: ['zh-hant/', 'pagefind/', 'search/', '_astro/'] as readonly string[],
  workers: Math.min(2, availableParallelism()),
  language: 'zxx',
});

export interface IndexStats {
  /** Pages given to Pagefind. */
  pages: number;
  /** Parts of the index, and how many of them were indexed in this build (the rest came from the cache). */
  parts: number;
  indexedParts: number;
  /** Milliseconds spent staging the pages (reading, segmenting, writing) before Pagefind reads them. */
  stagingMilliseconds: number;
  /** Milliseconds Pagefind's indexer ran, all parts. */
  pagefindMilliseconds: number;
  /** Entries written to the names index. */
  names: number;
  /** Milliseconds from the first page read to the last file written. */
  milliseconds: number;
  /** The largest file under any part's `index/`, in bytes: the biggest chunk a query may fetch. */
  largestChunkBytes: number;
  /** Pagefind's complaints, if any. */
  errors: string[];
}

export default function pagefindSearch(options: PagefindSearchOptions = {}): AstroIntegration {
  let root = '';
  let cacheDir: string | undefined;
  return {
    name: 'deeds:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:config:done': ({ config }) => {
        // Astro's cache folder, one per output folder (atomic-output.ts): sites built side by side from one
        // node_modules/ (the tests') never prune each other's parts.
        cacheDir = cacheFolder(config.cacheDir, 'deeds-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const registries = loadRegistries(join(root, 'content'));
        const args: SearchStepArgs = {
          dir: fileURLToPath(dir),
          options: {
            glossary: registries.glossary,
            ...(cacheDir ? { cacheDir } : {}),
            ...options,
            aliases: options.aliases
              ? [...options.aliases.entries()]
              : registries.units.map((unit) => [unit.name, unit.aliases]),
          },
        };
        await runOrDefer('deeds:pagefind', import.meta.url, writeSearchIndex, args, logger);
      },
    },
  };
}

/** The search step's arguments as JSON: the unit aliases as pairs, not a Map. */
interface SearchStepArgs {
  dir: string;
  options: Omit<PagefindSearchOptions, 'aliases'> & { aliases: [string, readonly string[]][] };
}

/** Index the built site and say what was done (`indexSite`). */
export async function writeSearchIndex({ dir, options }: SearchStepArgs, logger: StepLogger): Promise<void> {
  const stats = await indexSite(dir, { ...options, aliases: new Map(options.aliases) });
  for (const error of stats.errors) logger.warn(error);
  logger.info(
    `已为 ${stats.pages} 个页面建立搜索索引，共 ${stats.parts} 个分卷，其中 ${stats.indexedParts} 个重新索引（姓名索引 ${stats.names} 条，最大索引块 ${Math.round(stats.largestChunkBytes / 1024)} KB，分词暂存 ${(stats.stagingMilliseconds / 1000).toFixed(1)} 秒，Pagefind ${(stats.pagefindMilliseconds / 1000).toFixed(1)} 秒），用时 ${(stats.milliseconds / 1000).toFixed(1)} 秒`,
  );
}

/** What the cache keeps of one part besides its Pagefind index: its pages' ids and metadata, its characters. */
interface PartRecord {
  pages: IndexedPage[];
  characters: string;
}

/**
 * Index a built site in `dir`: writes `dir/pagefind/<part>/`, `dir/search/parts.json`,
 * `dir/search/facets/<part>.json`, `dir/search/names/` and the conversion tables.
 *
 * 1. Worker threads survey the pages: a digest and the filters of each page that declares a kind.
 * 2. The pages are planned into parts (`planParts`); a part's digest covers its pages' URLs and
 *    digests and the code that stages and indexes them.
 * 3. Each part not in the cache is staged (its text cut into words, by worker threads) and handed to
 *    Pagefind's command line, one part after another; while Pagefind indexes one part the workers
 *    stage the next. Pagefind reads and parses the pages in its own threads (one `addHTMLFile`
 *    message per page through the Node API cost more than all of Pagefind's parsing: 3,088 pages,
 *    11 s against 3 s). Each part's page ids and metadata are read back from its fragments.
 * 4. The names index, the facets and the conversion tables are written from all parts' pages.
 */
export async function indexSite(dir: string, options: PagefindSearchOptions = {}): Promise<IndexStats> {
  const settings = { ...DEFAULTS, ...options };
  const started = performance.now();
  const limits = resourceLimitsOf(settings);
  const staging = join(dir, STAGING);
  await rm(staging, { recursive: true, force: true });
  const files = htmlFiles(dir).filter((file) => !settings.exclude.some((prefix) => file.startsWith(prefix)));

  const surveys = await Promise.all(
    shares(files, settings.workers).map((share) =>
      runWorker<SurveyResult>({ mode: 'survey', dir, files: share }, limits, () =>
        surveyFiles({ mode: 'survey', dir, files: share }),
      ),
    ),
  );
  const surveyed = surveys
    .flatMap((survey) => survey.pages)
    .map((page) => ({ ...page, url: pageUrl(page.file) }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  const planned = planParts(surveyed, settings.partLimits ?? PART_LIMITS);
  const fingerprint = await codeFingerprint(settings.language);

  const problems: string[] = [];
  const output = join(dir, 'pagefind');
  await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const cache = settings.cacheDir;
  const records = new Map<string, PartRecord>();
  let stagingMilliseconds = performance.now() - started;
  let pagefindMilliseconds = 0;
  let indexedParts = 0;

  const digests = planned.map(({ part, pages }) => {
    const hash = createHash('sha256').update(fingerprint).update(part.id);
    for (const page of pages) hash.update(`\u0000${page.url}\u0000${page.digest}`);
    return hash.digest('base64url').slice(0, 32);
  });
  const todo: number[] = [];
  for (const [i, { part }] of planned.entries()) {
    const cached = cache ? await readPartRecord(join(cache, digests[i]!)) : undefined;
    if (cached) {
      records.set(part.id, cached);
      await copyTree(join(cache!, digests[i]!, 'pagefind'), join(output, part.id));
    } else todo.push(i);
  }

  // Staging of part k + 1 runs while Pagefind indexes part k: Pagefind writes its files from one thread.
  const stage = async (i: number): Promise<{ folder: string; characters: string; ms: number }> => {
    const begun = performance.now();
    const folder = join(staging, planned[i]!.part.id);
    const pageFiles = planned[i]!.pages.map((page) => page.file);
    const results = await Promise.all(
      shares(pageFiles, settings.workers).map((share) => {
        const job: StageJob = { mode: 'stage', dir, staging: folder, files: share };
        return runWorker<StageResult>(job, limits, () => stageFiles(job));
      }),
    );
    return { folder, characters: results.map((result) => result.characters).join(''), ms: performance.now() - begun };
  };
  try {
    let next = todo.length > 0 ? stage(todo[0]!) : undefined;
    for (const [n, i] of todo.entries()) {
      const { part, pages } = planned[i]!;
      const staged = await next!;
      stagingMilliseconds += staged.ms;
      next = n + 1 < todo.length ? stage(todo[n + 1]!) : undefined;
      // A failure of the next part's staging is reported when it is awaited, not as an unhandled rejection.
      next?.catch(() => {});
      const target = cache ? join(cache, `${digests[i]}.partial-${process.pid}`) : join(staging, `${part.id}.out`);
      await rm(target, { recursive: true, force: true });
      const begun = performance.now();
      problems.push(...(await runPagefind(staged.folder, join(target, 'pagefind'), settings.language)));
      pagefindMilliseconds += performance.now() - begun;
      await rm(staged.folder, { recursive: true, force: true });
      await pruneBundle(join(target, 'pagefind'));
      const fragments = await readFragments(join(target, 'pagefind'));
      const record: PartRecord = {
        characters: staged.characters,
        pages: pages.map(({ url, filters }) => {
          const fragment = fragments.get(sameUrl(url));
          if (!fragment) problems.push(`${url}: Pagefind 没有为该页面写出片段，姓名索引缺少它的元数据`);
          return { url, filters, meta: fragment?.meta ?? {}, ...(fragment ? { id: fragment.id } : {}) };
        }),
      };
      await writeFile(join(target, 'part.json'), JSON.stringify(record));
      records.set(part.id, record);
      if (cache) {
        const kept = join(cache, digests[i]!);
        await rm(kept, { recursive: true, force: true });
        await rename(target, kept);
        await copyTree(join(kept, 'pagefind'), join(output, part.id));
      } else await rename(join(target, 'pagefind'), join(output, part.id));
      indexedParts += 1;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (cache) await pruneCache(cache, new Set(digests));

  const parts = planned.map(({ part }) => part);
  const manifest: PartsManifest = { version: 1, firstPages: settings.firstPages ?? FIRST_PAGES, parts };
  const searchDir = join(dir, 'search');
  await mkdir(searchDir, { recursive: true });
  await writeFile(join(searchDir, 'parts.json'), JSON.stringify(manifest));

  const pages = parts.flatMap((part) => records.get(part.id)!.pages);
  const glossary = settings.glossary ?? [];
  const toTraditional = createTraditionalConverter({ glossary });
  const entries = pages.flatMap((page) =>
    withOtherForms(nameEntries(page, page.id, settings.aliases), glossary, toTraditional),
  );
  await writeNameShards(join(searchDir, 'names'), entries);

  const facetsDir = join(searchDir, 'facets');
  await rm(facetsDir, { recursive: true, force: true });
  await rm(join(searchDir, 'facets.json'), { force: true });
  await mkdir(facetsDir, { recursive: true });
  for (const part of parts) {
    const own = records.get(part.id)!.pages;
    const facets = buildFacets(own.flatMap(({ id, filters }) => (id ? [{ id, filters }] : [])));
    if (facets) await writeFile(join(facetsDir, `${part.id}.json`), JSON.stringify(facets));
    else
      problems.push(
        `Pagefind 的页面编号不是预期的格式，未写出 search/facets/${part.id}.json：浏览器将由 Pagefind 筛选和计数（结果很多时较慢）`,
      );
  }

  const characters = new CharacterSet();
  for (const record of records.values()) characters.add(record.characters);
  const tables = conversionTables(characters, glossary);
  await writeFile(join(searchDir, 'to-simplified.json'), JSON.stringify(tables.toSimplified));
  await writeFile(join(searchDir, 'to-traditional.json'), JSON.stringify(tables.toTraditional));

  let largestChunkBytes = 0;
  for (const part of parts)
    largestChunkBytes = Math.max(largestChunkBytes, await largestFile(join(output, part.id, 'index')));
  return {
    pages: pages.length,
    parts: parts.length,
    indexedParts,
    stagingMilliseconds,
    pagefindMilliseconds,
    names: entries.length,
    milliseconds: performance.now() - started,
    largestChunkBytes,
    errors: problems,
  };
}

function resourceLimitsOf(settings: PagefindSearchOptions): ResourceLimits {
  return settings.resourceLimits ?? WORKER_RESOURCE_LIMITS;
}

/**
 * What a part's index depends on besides its pages: the language, the Pagefind executable, and the
 * code that stages pages and reads Pagefind's output. A change to any of them indexes every part again.
 */
async function codeFingerprint(language: string): Promise<string> {
  const hash = createHash('sha256').update(`parts-v1\u0000${language}\u0000`);
  const binary = pagefindBinary();
  hash.update(`${binary}\u0000${(await stat(binary)).size}\u0000`);
  for (const module of ['../search/build/stage.ts', '../search/segment.ts', './pagefind.ts']) {
    hash.update(await readFile(fileURLToPath(new URL(module, import.meta.url))).catch(() => Buffer.from(module)));
  }
  return hash.digest('base64url');
}

async function readPartRecord(folder: string): Promise<PartRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(join(folder, 'part.json'), 'utf8')) as PartRecord;
    await stat(join(folder, 'pagefind', 'pagefind-entry.json'));
    return record;
  } catch {
    return undefined;
  }
}

/** A cached part's index in the site, as hard links where the file system allows (`linkOrCopy`). */
async function copyTree(from: string, to: string): Promise<void> {
  const files = siteFiles(from);
  await mkdir(to, { recursive: true });
  const folders = new Set(files.map((file) => dirname(join(to, file))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  // One synchronous link after another: a part holds a fragment file per page, and at 10,000 deeds linking
  // the unchanged parts' 20,000 files took 2 s with promises (several round trips through libuv's pool each).
  for (const file of files) linkOrCopy(join(from, file), join(to, file));
}

/**
 * Pagefind's files the site's search never loads: its prebuilt UIs, their styles, its highlighter
 * and its worker (the engine runs Pagefind on the page's thread, `noWorker`).
 */
async function pruneBundle(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => /^pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\b/.test(name))
      .map((name) => rm(join(folder, name), { force: true })),
  );
}

/**
 * Pagefind's own command line over the staging folder. It writes the same files as the Node API's
 * `addDirectory` + `writeFiles`, in a fifth less time (10,000 deeds: 42 s against 53 s). Resolves to
 * the warnings and errors it printed; rejects when it fails.
 */
function runPagefind(site: string, output: string, language: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      pagefindBinary(),
      ['--site', site, '--output-path', output, '--force-language', language, '--quiet'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', (error) => reject(new Error(`无法运行 Pagefind：${error.message}`)));
    child.once('close', (code) => {
      const lines = Buffer.concat(chunks)
        .toString('utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (code === 0) resolve(lines);
      else reject(new Error(`Pagefind 建立索引失败（退出码 ${code}）：${lines.join('；') || '没有输出'}`));
    });
  });
}

/**
 * The Pagefind executable that the `pagefind` package installed for this platform (as its own
 * `resolveBinary.js` finds it), or the one `PAGEFIND_BINARY_PATH` names. `from` is where to resolve
 * it from: this project by default, another's `node_modules/pagefind/package.json` for the benchmark.
 */
export function pagefindBinary(from: string = import.meta.url): string {
  const override = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (override) return override;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  // npm puts the platform package beside `pagefind` (its optional dependency), where this module finds it.
  const require = createRequire(from);
  for (const name of ['pagefind_extended', 'pagefind']) {
    const executable = platform === 'windows' ? `${name}.exe` : name;
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${executable}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`找不到适用于 ${platform}-${process.arch} 的 Pagefind 程序；请重新运行 npm ci`);
}

/** The staging folder under the site, removed again once Pagefind has read it. */
const STAGING = '.pagefind-pages';

/** `files` dealt out into `count` shares of about equal size (neighbouring pages apart). */
function shares(files: string[], count: number): string[][] {
  const out: string[][] = Array.from({ length: Math.max(1, Math.min(count, files.length)) }, () => []);
  files.forEach((file, i) => out[i % out.length]!.push(file));
  return out;
}

/**
 * One job in a worker thread (`stage-worker.ts`); if the thread fails, in this thread (where a real
 * error, an unreadable page, is thrown).
 */
function runWorker<T>(job: SurveyJob | StageJob, resourceLimits: ResourceLimits, inThisThread: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('../search/build/stage-worker.ts', import.meta.url), {
      workerData: job,
      resourceLimits,
    });
    let result: T | undefined;
    worker.once('message', (message: T) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`搜索索引的暂存线程异常退出（退出码 ${code}），页面未能全部暂存`));
    });
  }).catch(() => inThisThread());
}

interface IndexedPage {
  url: string;
  /** Pagefind's id of the page (its fragment's name), when Pagefind wrote one. */
  id?: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every `.html` file under `dir`, as a path relative to it with `/` separators. */
function htmlFiles(dir: string): string[] {
  return siteFiles(dir, (name) => name.endsWith('.html'));
}

/** `awardees/li-jing/index.html` → `/awardees/li-jing/`; `404.html` → `/404.html`. */
export function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The names index entries of one page: its subject's name and its 发文字号, if it has them. */
export function nameEntries(
  page: IndexedPage,
  pagefindId?: string,
  aliases?: ReadonlyMap<string, readonly string[]>,
): NameEntry[] {
  const kind = page.filters.kind?.[0] as PageKind | undefined;
  if (!kind || !PAGE_KINDS.includes(kind)) return [];
  const { meta } = page;
  const base = {
    u: page.url,
    t: meta.title ?? meta.subject ?? page.url,
    c: kind,
    f: page.filters,
    ...(pagefindId ? { p: pagefindId } : {}),
  };
  const entries: NameEntry[] = [];
  const detail = [meta.unit, meta.honour].filter(Boolean).join(' · ');
  if (meta.subject && kind !== 'announcement') {
    entries.push({ k: nameKey(meta.subject), ...base, ...(detail ? { d: detail } : {}) });
  }
  const otherNames = [...(meta.alias ?? '').split('、'), ...(meta.subject ? (aliases?.get(meta.subject) ?? []) : [])];
  for (const alias of new Set(otherNames.filter(Boolean))) {
    entries.push({ k: nameKey(alias), ...base, ...(detail ? { d: detail } : {}) });
  }
  if (meta.docnumber) {
    const key = docNumberKey(meta.docnumber) ?? nameKey(meta.docnumber);
    entries.push({ k: key, ...base, d: meta.docnumber });
  }
  return entries.filter((entry) => entry.k.length > 0);
}

/**
 * The same entries under the keys a reader of the 繁體 variant may type: the name as that variant
 * prints it (`李靜`, `鍾乾`) and the glossary's variants (`鐘乾`). The browser converts queries to
 * simplified too; these keys keep names found where conversion goes wrong (鍾乾 → 钟干).
 */
export function withOtherForms(
  entries: NameEntry[],
  glossary: readonly GlossaryEntry[],
  toTraditional: (text: string) => string,
): NameEntry[] {
  const out: NameEntry[] = [];
  for (const entry of entries) {
    out.push(entry);
    if (entry.c === 'announcement') continue;
    const forms = new Set([nameKey(toTraditional(entry.k))]);
    for (const term of glossary) {
      if (!entry.k.includes(term.simplified)) continue;
      for (const form of [term.traditional, ...(term.variants ?? [])]) {
        if (form) forms.add(nameKey(entry.k.replaceAll(term.simplified, form)));
      }
    }
    forms.delete(entry.k);
    for (const k of forms) out.push({ ...entry, k });
  }
  return out;
}

interface FragmentInfo {
  /** Pagefind's page id, what its results call `id`: `zh_13af352`. */
  id: string;
  meta: Record<string, string>;
}

/**
 * Page id and metadata by page URL, read from the written fragments. A fragment file holds one page
 * (`{url, meta, …}`), or, past Pagefind's `maxFragments`, a group of pages keyed by page id.
 */
async function readFragments(output: string): Promise<Map<string, FragmentInfo>> {
  const found = new Map<string, FragmentInfo>();
  const folder = join(output, 'fragment');
  const names = await readdir(folder).catch(() => [] as string[]);
  const fragments = names.filter((name) => name.endsWith('.pf_fragment'));
  let next = 0;
  // A bounded number of files open at once: at 10,000 deeds there are more fragments than a process
  // may open (EMFILE).
  const reader = async () => {
    while (next < fragments.length) {
      const name = fragments[next++]!;
      const text = gunzipSync(await readFile(join(folder, name))).toString('utf8');
      const data = JSON.parse(text.slice(text.indexOf('{'))) as PagefindFragment | Record<string, PagefindFragment>;
      const single = typeof data.url === 'string';
      const group = (single ? { [name.replace(/\.pf_fragment$/, '')]: data } : data) as Record<
        string,
        PagefindFragment
      >;
      for (const [id, fragment] of Object.entries(group)) {
        if (typeof fragment.url === 'string')
          found.set(sameUrl(fragment.url), { id, meta: readableMeta(fragment.meta) });
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, reader));
  return found;
}

/**
 * A fragment's metadata as the page has it: the title Pagefind takes from the staged `<h1>` without
 * the spaces staging put between its words. The other fields come from attributes, which staging
 * leaves alone.
 */
function readableMeta(meta: Record<string, string> = {}): Record<string, string> {
  return meta.title === undefined ? meta : { ...meta, title: unspaceWords(meta.title) };
}

/** A URL as Pagefind may write it (percent-encoded) and as `pageUrl` makes it compare equal. */
function sameUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

interface PagefindFragment {
  url?: string;
  meta?: Record<string, string>;
}

async function writeNameShards(folder: string, entries: NameEntry[]): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const shards = new Map<string, NameEntry[]>();
  for (let i = 0; i < NAME_SHARDS; i++) shards.set(i.toString(16).padStart(3, '0'), []);
  for (const entry of entries) shards.get(nameShard(entry.k))!.push(entry);
  await Promise.all(
    [...shards].map(([shard, list]) => {
      list.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : KIND_RANK[a.c] - KIND_RANK[b.c]));
      return writeFile(join(folder, `${shard}.json`), JSON.stringify(list));
    }),
  );
}

async function largestFile(folder: string): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[]);
  let largest = 0;
  for (const name of names) largest = Math.max(largest, (await stat(join(folder, name))).size);
  return largest;
}
