/**
 * Search index for the built site: Pagefind over every page that declares a search kind
 * (`<SearchMeta kind="…">`, which writes `data-pagefind-filter="kind:…"`), plus the names
 * index (`src/search/names.ts`) built from the same pages' metadata.
 *
 *   // astro.config.mjs
 *   integrations: [pagefindSearch()]
 *
 * Runs in `astro:build:done`, so `npm run build` leaves `dist/pagefind/`, `dist/search/names/*.json`,
 * the filters of every indexed page (`dist/search/facets.json`, `facets.ts`) and the script
 * conversion tables (`pagefind-conversion.ts`) beside the pages. The traditional variant (`/zh-hant/`) is not
 * indexed: the browser searches the simplified index and shows results converted.
 *
 * Pagefind indexes copies of the pages whose text is already cut into words by `Intl.Segmenter`
 * (`pagefind-stage.ts`), as the browser cuts queries, under a language it neither segments nor
 * stems: both sides agree on the words, and Pagefind skips its own (slow, memory-hungry) Chinese
 * segmentation.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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
import { stageFiles, type StageJob, type StageResult } from '../search/build/stage-files.ts';
import { WORKER_RESOURCE_LIMITS } from '../project/worker-limits.ts';
import { KIND_RANK, NAME_SHARDS, PAGE_KINDS, nameShard, type NameEntry, type PageKind } from '../search/names.ts';

export { readFilters, searchableHtml } from '../search/build/stage.ts';

export interface PagefindSearchOptions {
  /** Folders of the built site (relative, with a trailing slash) that are never indexed. */
  exclude?: readonly string[];
  /** How many worker threads stage (read, segment, write) the pages for Pagefind. */
  workers?: number;
  /** Heap limits of those threads (`WORKER_RESOURCE_LIMITS` by default). */
  resourceLimits?: ResourceLimits;
  /**
   * Pagefind's language for every page, whatever `lang` says. The staged pages are already cut
   * into words (`pagefind-stage.ts`), so it is one Pagefind neither segments nor stems: it indexes
   * the words as the spaces delimit them. The browser loads the only index there is, whatever its
   * page's `lang`.
   */
  language?: string;
  /**
   * Protected terms (`content/glossary.yaml`): their traditional forms and variants are written to
   * `search/glossary.json` for the browser's query conversion, and names get keys in those forms.
   */
  glossary?: readonly GlossaryEntry[];
  /** Other names of units (`content/units.yaml` aliases), by the unit's name. */
  aliases?: ReadonlyMap<string, readonly string[]>;
}

const DEFAULTS = Object.freeze({
  exclude: ['zh-hant/', 'pagefind/', 'search/', '_astro/'] as readonly string[],
  workers: Math.min(2, availableParallelism()),
  language: 'zxx',
});

export interface IndexStats {
  /** Pages given to Pagefind. */
  pages: number;
  /** Milliseconds spent staging the pages (reading, segmenting, writing) before Pagefind reads them. */
  stagingMilliseconds: number;
  /** Entries written to the names index. */
  names: number;
  /** Milliseconds from the first page read to the last file written. */
  milliseconds: number;
  /** The largest file under `pagefind/index/`, in bytes: the biggest chunk a query may fetch. */
  largestChunkBytes: number;
  /** Pagefind's complaints, if any. */
  errors: string[];
}

export default function pagefindSearch(options: PagefindSearchOptions = {}): AstroIntegration {
  let root = '';
  return {
    name: 'deeds:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const registries = loadRegistries(join(root, 'content'));
        const aliases = new Map(registries.units.map((unit) => [unit.name, unit.aliases] as const));
        const stats = await indexSite(fileURLToPath(dir), { glossary: registries.glossary, aliases, ...options });
        for (const error of stats.errors) logger.warn(error);
        logger.info(
          `已为 ${stats.pages} 个页面建立搜索索引（姓名索引 ${stats.names} 条，最大索引块 ${Math.round(stats.largestChunkBytes / 1024)} KB，其中分词暂存 ${(stats.stagingMilliseconds / 1000).toFixed(1)} 秒），用时 ${(stats.milliseconds / 1000).toFixed(1)} 秒`,
        );
      },
    },
  };
}

/**
 * Index a built site in `dir`: writes `dir/pagefind/` and `dir/search/names/`.
 *
 * The pages that declare a kind are copied, their text cut into words (`pagefind-stage.ts`), into a
 * staging folder inside `dir` by worker threads, and handed to Pagefind's command line as one site:
 * Pagefind reads and parses them in its own threads (one `addHTMLFile` message per page through the
 * Node API cost more than all of Pagefind's parsing: 3,088 pages, 11 s against 3 s). The metadata for
 * the names index is read back from the written fragments.
 */
export async function indexSite(dir: string, options: PagefindSearchOptions = {}): Promise<IndexStats> {
  const settings = { ...DEFAULTS, ...options };
  const started = performance.now();
  const staging = join(dir, STAGING);
  await rm(staging, { recursive: true, force: true });
  const files = (await htmlFiles(dir)).filter((file) => !settings.exclude.some((prefix) => file.startsWith(prefix)));

  const characters = new CharacterSet();
  const settled = await Promise.allSettled(
    shares(files, settings.workers).map((share) =>
      runStageWorker({ dir, staging, files: share }, settings.resourceLimits ?? WORKER_RESOURCE_LIMITS),
    ),
  );
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await rm(staging, { recursive: true, force: true });
    throw failed.reason;
  }
  const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<StageResult>).value);
  const staged = results
    .flatMap((result) => result.staged)
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map(({ file, filters }) => ({ url: pageUrl(file), filters }));
  for (const result of results) characters.add(result.characters);
  const stagingMilliseconds = performance.now() - started;

  const problems: string[] = [];
  const output = join(dir, 'pagefind');
  try {
    await rm(output, { recursive: true, force: true });
    // Pagefind's command line refuses a folder without pages; its Node API writes the empty bundle that a
    // site with nothing to find still needs, so that the browser can load it.
    problems.push(
      ...(staged.length > 0
        ? await runPagefind(staging, output, settings.language)
        : await writeEmptyIndex(output, settings.language)),
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  const fragments = await readFragments(output);
  const pages: IndexedPage[] = staged.map(({ url, filters }) => {
    const fragment = fragments.get(sameUrl(url));
    if (!fragment) problems.push(`${url}: Pagefind 没有为该页面写出片段，姓名索引缺少它的元数据`);
    return { url, filters, meta: fragment?.meta ?? {}, ...(fragment ? { id: fragment.id } : {}) };
  });
  const glossary = settings.glossary ?? [];
  const toTraditional = createTraditionalConverter({ glossary });
  const entries = pages.flatMap((page) =>
    withOtherForms(nameEntries(page, page.id, settings.aliases), glossary, toTraditional),
  );
  await writeNameShards(join(dir, 'search', 'names'), entries);
  const facets = buildFacets(pages.flatMap(({ id, filters }) => (id ? [{ id, filters }] : [])));
  const facetsFile = join(dir, 'search', 'facets.json');
  if (facets) await writeFile(facetsFile, JSON.stringify(facets));
  else {
    await rm(facetsFile, { force: true });
    problems.push(
      'Pagefind 的页面编号不是预期的格式，未写出 search/facets.json：浏览器将由 Pagefind 筛选和计数（结果很多时较慢）',
    );
  }
  const tables = conversionTables(characters, glossary);
  await writeFile(join(dir, 'search', 'to-simplified.json'), JSON.stringify(tables.toSimplified));
  await writeFile(join(dir, 'search', 'to-traditional.json'), JSON.stringify(tables.toTraditional));

  return {
    pages: pages.length,
    stagingMilliseconds,
    names: entries.length,
    milliseconds: performance.now() - started,
    largestChunkBytes: await largestFile(join(output, 'index')),
    errors: problems,
  };
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

/** An index of no pages, through Pagefind's Node API. */
async function writeEmptyIndex(output: string, language: string): Promise<string[]> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
    const written = await index.writeFiles({ outputPath: output });
    return written.errors;
  } finally {
    await pagefind.close();
  }
}

/**
 * The Pagefind executable that the `pagefind` package installed for this platform (as its own
 * `resolveBinary.js` finds it), or the one `PAGEFIND_BINARY_PATH` names.
 */
function pagefindBinary(): string {
  const override = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (override) return override;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  // npm puts the platform package beside `pagefind` (its optional dependency), where this module finds it.
  const require = createRequire(import.meta.url);
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
 * Stage one share of the pages in a worker thread (`pagefind-stage-worker.ts`); if the thread fails, in this thread (where a real error, an unreadable page, is thrown).
 */
function runStageWorker(job: StageJob, resourceLimits: ResourceLimits): Promise<StageResult> {
  return new Promise<StageResult>((resolve, reject) => {
    const worker = new Worker(new URL('../search/build/stage-worker.ts', import.meta.url), {
      workerData: job,
      resourceLimits,
    });
    let result: StageResult | undefined;
    worker.once('message', (message: StageResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`搜索索引的暂存线程异常退出（退出码 ${code}），页面未能全部暂存`));
    });
  }).catch(() => stageFiles(job));
}

interface IndexedPage {
  url: string;
  /** Pagefind's id of the page (its fragment's name), when Pagefind wrote one. */
  id?: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every `.html` file under `dir`, as a path relative to it with `/` separators. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
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
