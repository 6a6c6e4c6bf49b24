/**
 * The benchmark behind `npm run bench`: one corpus, then, in the same run, the project's full build
 * (search index included), the stock Astro + MDX baseline and stock Pagefind over its output, search
 * in Chromium on the built site, one deed edited and rebuilt (compared with a clean build),
 * `deeds check`, and the normaliser against the native `opencc` command. Everything is written under
 * one temporary folder, removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, type CorpusSummary } from './corpus.ts';
import { BenchError } from './errors.ts';
import { measureIncremental, type IncrementalResult } from './incremental.ts';
import { pagefindBinary } from '../../src/integrations/pagefind.ts';
import { measureCommand } from './process-tree.ts';
import { buildScript } from '../build-script.ts';
import { benchSearch, summariseSearch, type SearchSummary } from './search.ts';
import { prepareBaselineSite, prepareProjectSite } from './sites.ts';
import { totalRatio, wholeBuildVerdicts, type Verdicts } from './targets.ts';
import { countFiles, walkFiles } from './trees.ts';
import { TEXT_BYTES, traditionalText } from './traditional-text.ts';

export interface BenchOptions {
  /** The project to measure (where `src/`, `astro.config.mjs` and `node_modules/` are). */
  projectRoot: string;
  /** Number of deeds. Default 10,000. */
  pages?: number;
  /** Skip the stock baseline build and its Pagefind run (for quick iterations). */
  baseline?: boolean;
  /** Skip search in Chromium on the built site. */
  search?: boolean;
  /** Skip the edit-one-deed rebuild and its clean comparison build. */
  incremental?: boolean;
  /** Size of the traditional text for the normaliser, in bytes. Default 7,000,000. */
  textBytes?: number;
  /** Where the seed documents are; the traditional text repeats one of them when present. */
  seedsDir?: string;
  /** Measure the last commit (`head`, default) or the working tree as it is (`worktree`). */
  source?: 'head' | 'worktree';
  /** Keep the temporary folder for inspection. */
  keep?: boolean;
  /**
   * Builds of each side (the project and the baseline). Default 1. From the second round on, the order
   * alternates (ours, stock, stock, ours, …), each build starts from clean caches and output, and the
   * medians are reported: on a noisy machine, one pair of builds minutes apart says little.
   */
  rounds?: number;
  /** Progress messages. */
  log?: (line: string) => void;
}

/**
 * The result, in the shape `npm run bench -- --json` prints. Seconds are wall time; memory is the peak
 * of the summed RSS of a command's whole process tree, in MiB. With `--rounds`, medians.
 */
export interface BenchResult {
  pages: number;
  /** The project's build without its search index: the whole build less the index step and its process. */
  build: { seconds: number; peakRssMB: number | null };
  /** The whole `npm run build` of the project, search index included (issue 21). */
  total: { seconds: number; peakRssMB: number | null };
  /** The search index step of the build (or Pagefind's CLI when the build makes none). */
  pagefind: { seconds: number | null; indexBytes: number | null };
  /**
   * Stock Astro + MDX (`seconds`, `peakRssMB`: the build alone), then stock Pagefind's CLI with its
   * defaults over that output (`pagefindSeconds`, `pagefindPeakRssMB`; `null` when it failed).
   */
  baseline: {
    seconds: number;
    peakRssMB: number | null;
    pagefindSeconds: number | null;
    pagefindPeakRssMB: number | null;
  } | null;
  /**
   * `time`, `memory`: our build without search over the stock build (issue 8); `total`: our whole
   * build over the stock build plus stock Pagefind (issue 21).
   */
  ratio: { time: number | null; memory: number | null; total: number | null };
  /**
   * One generated deed edited and `npm run build` run again in the same folder; `identical`: every file
   * of its `dist/` equals a clean build's of the same content (`null`: no room on the disk to compare);
   * `differing`: the first paths that do not.
   */
  incremental: { seconds: number; peakRssMB: number | null; identical: boolean | null; differing: string[] } | null;
  /** Search in Chromium on the built site (tools/bench/search.ts); kilobytes of 1,024 bytes. */
  search: { nameFirstKB: number; fullTextFirstKB: number; laterP90KB: number; p50ms: number } | null;
  /** Issue 21's targets (tools/bench/targets.ts): met, missed, or `null` when not measured. */
  targets: Verdicts;
  check: { seconds: number | null };
  normalise: { MBps: number | null; nativeOpenccMBps: number | null };
  machine: { cpus: number; node: string };
}

/** What the table shows beyond the JSON object. */
export interface BenchDetails {
  dir: string;
  corpus: CorpusSummary;
  /** The whole build's time, the search index included when the build makes it: `result.total.seconds`, kept for the log. */
  buildTotalSeconds: number;
  /** CPU seconds (user + system, whole tree) of the build and of the baseline: steadier than wall time. */
  buildCpuSeconds: number | null;
  baselineCpuSeconds: number | null;
  /** Peak RSS of the whole build tree, the search indexer included. */
  buildPeakRssWithIndexMB: number | null;
  /** Peak RSS of Pagefind's indexer process alone (when the build runs it). */
  pagefindPeakRssMB: number | null;
  /** Steps of the build as its log times them. */
  steps: BuildSteps;
  /**
   * Each round's builds, in the order run: the project's seconds without its search index, its whole
   * build's (`totalSeconds`), and peak RSS; the stock build's, and stock Pagefind's seconds after it.
   */
  rounds: Array<{
    ours: { seconds: number; peakRssMB: number | null; totalSeconds: number };
    stock: { seconds: number; peakRssMB: number | null; pagefindSeconds: number | null } | null;
  }>;
  /** The search run in full (medians and p90s of the later queries), when it ran. */
  search: SearchSummary | null;
  /** The edit-and-rebuild, when it ran: the clean build's time and the comparison. */
  incremental: Pick<IncrementalResult, 'cleanSeconds' | 'comparison' | 'deedPath'> | null;
  /** Whether the build wrote a Pagefind index itself (an integration), or the bench ran the CLI. */
  pagefindByBuild: boolean;
  /** The largest chunk of the Pagefind word index (`index/*.pf_index`), in bytes. */
  largestIndexChunkBytes: number | null;
  pagefindFiles: number;
  htmlPages: number;
  checkExit: number | null;
  /** `deeds check` with its cache, right after the build (which fills it). */
  checkAfterBuildSeconds: number | null;
  normaliseSource: string;
  /** Seconds of one steady-state pass (median of three, after a first pass). */
  normaliseSeconds: number | null;
  /** Seconds of the first pass over the text, with the JIT still cold (reported, not the measure). */
  normaliseFirstPassSeconds: number | null;
  textBytes: number;
}

export { BenchError };

const mb = (value: number | null) => (value === null ? '—' : `${Math.round(value)} MB`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runBench(options: BenchOptions): Promise<{ result: BenchResult; details: BenchDetails }> {
  const pages = options.pages ?? 10_000;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'deeds-bench-'));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  const node = process.execPath;
  const astro = (root: string) => join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  try {
    const site = join(dir, 'site');
    log(`corpus: ${pages} deeds → ${site}/content`);
    prepareProjectSite(options.projectRoot, site, options.source);
    const corpus = generateCorpus(join(site, 'content'), { pages });
    // The project's protected terms, so that script conversion does the work it does here.
    const glossary = join(options.projectRoot, 'content', 'glossary.yaml');
    if (existsSync(glossary)) copyFileSync(glossary, join(site, 'content', 'glossary.yaml'));

    const rounds = Math.max(1, Math.floor(options.rounds ?? 1));
    const baseRoot = join(dir, 'baseline');
    if (options.baseline !== false) prepareBaselineSite(options.projectRoot, baseRoot, join(site, 'content'));

    /** One build of the project, with what it says of its steps and its search index. */
    const buildOurs = async (pass: number) => {
      if (pass > 0) clearBuild(site);
      // `npm run build` without an npm process in the measured tree (tools/build-script.ts).
      const [command, args] = buildScript(site);
      log(`build${rounds > 1 ? ` (round ${pass + 1})` : ''}: npm run build (${[command, ...args].join(' ')})`);
      const build = await measureCommand(command, args, { cwd: site, env, apart: /pagefind/ });
      if (options.keep) writeFileSync(join(dir, pass > 0 ? `build-${pass + 1}.log` : 'build.log'), build.output);
      if (build.code !== 0) throw new BenchError('project build', build);
      const steps = buildSteps(build.output);
      log(
        `build: ${build.seconds.toFixed(1)} s (CPU ${build.cpuSeconds?.toFixed(1)} s), peak ${mb(build.peakRssMB)}; steps ${JSON.stringify(steps)}`,
      );
      const pagefindByBuild = existsSync(join(site, 'dist', 'pagefind'));
      const pagefindSeconds = pagefindByBuild ? steps.searchIndex : undefined;
      // The build's own time without the search index, when the build made one; likewise its memory:
      // the tree's peak without Pagefind's indexer process.
      const seconds = pagefindSeconds !== undefined ? Math.max(0, build.seconds - pagefindSeconds) : build.seconds;
      const peak = pagefindByBuild ? build.peakRssWithoutApartMB : build.peakRssMB;
      return { build, steps, pagefindByBuild, pagefindSeconds, seconds, peak };
    };
    /** One build of the stock baseline, then stock Pagefind over its output (`null` when it failed). */
    const buildStock = async (pass: number) => {
      if (pass > 0) clearBuild(baseRoot);
      log(`baseline${rounds > 1 ? ` (round ${pass + 1})` : ''}: stock Astro + @astrojs/mdx → ${baseRoot}`);
      const base = await measureCommand(node, [astro(baseRoot), 'build'], { cwd: baseRoot, env });
      if (base.code !== 0) throw new BenchError('baseline build', base);
      log(`baseline: ${base.seconds.toFixed(1)} s (CPU ${base.cpuSeconds?.toFixed(1)} s), peak ${mb(base.peakRssMB)}`);
      // Pagefind's own CLI with its defaults over the stock output (into dist/pagefind), as a stock site
      // would add search; a failure (say, memory) is reported, not fatal: the rest still measures.
      const pagefind = await measureCommand(
        pagefindBinary(join(options.projectRoot, 'node_modules', 'pagefind', 'package.json')),
        ['--site', 'dist'],
        {
          cwd: baseRoot,
          env,
        },
      );
      if (options.keep) writeFileSync(join(dir, `baseline-pagefind-${pass + 1}.log`), pagefind.output);
      if (pagefind.code === 0)
        log(
          `baseline: stock Pagefind ${pagefind.seconds.toFixed(1)} s (CPU ${pagefind.cpuSeconds?.toFixed(1)} s), peak ${mb(pagefind.peakRssMB)}`,
        );
      else log(`baseline: stock Pagefind failed (exit ${pagefind.code}): ${pagefind.output.trim().slice(-300)}`);
      return { ...base, pagefind: pagefind.code === 0 ? pagefind : null };
    };

    const ourBuilds: Array<Awaited<ReturnType<typeof buildOurs>>> = [];
    const stockBuilds: Array<Awaited<ReturnType<typeof buildStock>>> = [];
    for (let pass = 0; pass < rounds; pass++) {
      const stockFirst = pass % 2 === 1;
      if (stockFirst && options.baseline !== false) stockBuilds.push(await buildStock(pass));
      ourBuilds.push(await buildOurs(pass));
      if (!stockFirst && options.baseline !== false) stockBuilds.push(await buildStock(pass));
    }
    // The round of median time stands for our build (its steps, index and memory are shown with it).
    const ours = medianBy(ourBuilds, (b) => b.seconds);
    const { build, steps, pagefindByBuild } = ours;
    const buildSeconds = ours.seconds;
    const buildPeak = median(ourBuilds.map((b) => b.peak));
    const totalSeconds = median(ourBuilds.map((b) => b.build.seconds))!;
    const totalPeak = median(ourBuilds.map((b) => b.build.peakRssMB));
    const dist = join(site, 'dist');
    const htmlPages = countFiles(dist, (name) => name.endsWith('.html'));

    const builtIndex = join(dist, 'pagefind');
    let pagefindSeconds = ours.pagefindSeconds;
    let indexDir = builtIndex;
    if (pagefindSeconds === undefined) {
      // The build made no index, or did not log its time: index the output with Pagefind's CLI.
      indexDir = pagefindByBuild ? join(dir, 'pagefind-timed') : builtIndex;
      log('pagefind: indexing the build output with the CLI');
      const bin = join(site, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
      const run = await measureCommand(node, [bin, '--site', dist, '--output-path', indexDir], { cwd: site, env });
      if (run.code !== 0) throw new BenchError('pagefind', run);
      pagefindSeconds = run.seconds;
    }
    log(
      `pagefind: ${pagefindSeconds.toFixed(1)} s${indexDir === builtIndex && pagefindByBuild ? ' (in the build)' : ''}`,
    );
    const index = sizes(indexDir);

    let baseline: BenchResult['baseline'] = null;
    let baselineCpuSeconds: number | null = null;
    if (stockBuilds.length > 0) {
      const seconds = median(stockBuilds.map((b) => b.seconds))!;
      const peak = median(stockBuilds.map((b) => b.peakRssMB));
      baselineCpuSeconds = median(stockBuilds.map((b) => b.cpuSeconds));
      const pagefindSeconds = median(stockBuilds.map((b) => b.pagefind?.seconds ?? null));
      const pagefindPeak = median(stockBuilds.map((b) => b.pagefind?.peakRssMB ?? null));
      baseline = {
        ...reported(seconds, peak),
        pagefindSeconds: pagefindSeconds === null ? null : round(pagefindSeconds),
        pagefindPeakRssMB: pagefindPeak === null ? null : Math.round(pagefindPeak),
      };
    }
    const roundsRun = ourBuilds.map((b, i) => ({
      ours: { ...reported(b.seconds, b.peak), totalSeconds: round(b.build.seconds) },
      stock: stockBuilds[i]
        ? {
            ...reported(stockBuilds[i].seconds, stockBuilds[i].peakRssMB),
            pagefindSeconds: stockBuilds[i].pagefind ? round(stockBuilds[i].pagefind.seconds) : null,
          }
        : null,
    }));

    // Search in Chromium on the site as built (before the edit below changes one deed).
    let search: SearchSummary | null = null;
    if (options.search !== false) {
      log('search: Chromium on the built site (a name, a phrase, then sampled queries)');
      try {
        search = summariseSearch(await benchSearch(dist));
        log(`search: ${JSON.stringify(search)}`);
      } catch (error) {
        log(`search: not measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    // One deed edited, rebuilt in place, compared with a clean build: once, after the last round.
    let incremental: IncrementalResult | null = null;
    if (options.incremental !== false && corpus.deedPaths.length > 0) {
      // A failure here (a rebuild that fails, a full disk) is reported, not fatal: the rest still measures.
      try {
        incremental = await measureIncremental({
          site,
          deedPath: corpus.deedPaths[Math.floor(corpus.deedPaths.length / 2)]!,
          cleanRoot: join(dir, 'clean'),
          build: buildScript,
          env,
          keep: options.keep,
          log,
        });
      } catch (error) {
        log(`incremental: not measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    // The measure is a cold check (--no-cache: every file processed, as on a fresh clone); then, for the
    // record, a check as it runs after a build, which reuses the build's findings for unchanged files.
    log('check: deeds check --no-cache');
    const tsx = join(site, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const deeds = join(site, 'scripts', 'deeds.ts');
    const check = await measureCommand(node, [tsx, deeds, 'check', '--no-cache'], { cwd: site, env });
    if (options.keep) writeFileSync(join(dir, 'check.log'), check.output);
    const checkAvailable = check.code === 0 || check.code === 1;
    let checkAfterBuildSeconds: number | null = null;
    if (!checkAvailable) log(`check: not measured (exit ${check.code}): ${check.output.trim().split('\n')[0]}`);
    else {
      log(
        `check: ${check.seconds.toFixed(1)} s, exit ${check.code}${check.code === 1 ? ' (content errors in the corpus)' : ''}`,
      );
      const again = await measureCommand(node, [tsx, deeds, 'check'], { cwd: site, env });
      if (again.code === check.code) checkAfterBuildSeconds = round(again.seconds);
      log(`check: after the build (its findings reused): ${again.seconds.toFixed(1)} s, exit ${again.code}`);
    }

    const textBytes = options.textBytes ?? TEXT_BYTES;
    log(`normalise: ${(textBytes / 1e6).toFixed(1)} MB traditional text`);
    const { text, source } = traditionalText(textBytes, options.seedsDir);
    const bytes = Buffer.byteLength(text);
    let normaliseSeconds: number | null = null;
    let normaliseFirstPassSeconds: number | null = null;
    const textFile = join(dir, 'traditional.txt');
    writeFileSync(textFile, text);
    try {
      const timing = timeNormaliser(site, textFile);
      normaliseSeconds = timing.steady;
      normaliseFirstPassSeconds = timing.first;
      log(
        `normalise: ${(bytes / 1e6 / normaliseSeconds).toFixed(1)} MB/s (first pass ${(bytes / 1e6 / normaliseFirstPassSeconds).toFixed(1)} MB/s)`,
      );
    } catch (error) {
      log(`normalise: not measured: ${error instanceof Error ? error.message : String(error)}`);
    }
    const openccSeconds = timeNativeOpencc(textFile, join(dir, 'simplified.txt'));

    const measured: Omit<BenchResult, 'targets'> = {
      pages,
      build: { seconds: round(buildSeconds), peakRssMB: buildPeak === null ? null : Math.round(buildPeak) },
      total: reported(totalSeconds, totalPeak),
      pagefind: { seconds: round(pagefindSeconds), indexBytes: index.total },
      baseline,
      ratio: {
        time: baseline ? round(buildSeconds / baseline.seconds, 3) : null,
        memory: baseline?.peakRssMB && buildPeak !== null ? round(buildPeak / baseline.peakRssMB, 3) : null,
        // Each round's stock build plus its stock Pagefind, the median of the sums.
        total: totalRatio(
          totalSeconds,
          stockBuilds.map((b) => ({ seconds: b.seconds, pagefindSeconds: b.pagefind?.seconds ?? null })),
        ),
      },
      incremental: incremental && {
        seconds: round(incremental.seconds),
        peakRssMB: incremental.peakRssMB === null ? null : Math.round(incremental.peakRssMB),
        identical: incremental.comparison?.identical ?? null,
        differing: incremental.comparison?.differing.map((d) => d.path) ?? [],
      },
      search: search && {
        nameFirstKB: search.nameFirstKB,
        fullTextFirstKB: search.fullTextFirstKB,
        laterP90KB: search.laterP90KB,
        p50ms: search.p50ms,
      },
      check: { seconds: checkAvailable ? round(check.seconds) : null },
      normalise: {
        MBps: normaliseSeconds === null ? null : round(bytes / 1e6 / normaliseSeconds),
        nativeOpenccMBps: openccSeconds === null ? null : round(bytes / 1e6 / openccSeconds),
      },
      machine: { cpus: availableParallelism(), node: process.version },
    };
    const result: BenchResult = { ...measured, targets: wholeBuildVerdicts(measured) };
    const details: BenchDetails = {
      dir,
      corpus,
      buildTotalSeconds: round(totalSeconds),
      buildPeakRssWithIndexMB: build.peakRssMB === null ? null : Math.round(build.peakRssMB),
      pagefindPeakRssMB: build.peakApartRssMB === null ? null : Math.round(build.peakApartRssMB),
      buildCpuSeconds: build.cpuSeconds === null ? null : round(build.cpuSeconds),
      baselineCpuSeconds: baselineCpuSeconds === null ? null : round(baselineCpuSeconds),
      steps,
      rounds: roundsRun,
      search,
      incremental: incremental && {
        cleanSeconds: incremental.cleanSeconds === null ? null : round(incremental.cleanSeconds),
        comparison: incremental.comparison,
        deedPath: incremental.deedPath,
      },
      pagefindByBuild,
      largestIndexChunkBytes: index.largest,
      pagefindFiles: index.files,
      htmlPages,
      checkExit: check.code,
      checkAfterBuildSeconds,
      normaliseSource: source,
      normaliseSeconds: normaliseSeconds === null ? null : round(normaliseSeconds, 3),
      normaliseFirstPassSeconds: normaliseFirstPassSeconds === null ? null : round(normaliseFirstPassSeconds, 3),
      textBytes: bytes,
    };
    return { result, details };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** A build as reported: seconds to two decimals, peak RSS in whole MB. */
function reported(seconds: number, peakRssMB: number | null): { seconds: number; peakRssMB: number | null } {
  return { seconds: round(seconds), peakRssMB: peakRssMB === null ? null : Math.round(peakRssMB) };
}

/** The median of the numbers (the lower middle of an even count); `null` when any is `null` or there are none. */
export function median(values: ReadonlyArray<number | null>): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return medianBy(values as number[], (v) => v);
}

/** The item whose key is the median (the lower middle of an even count). */
function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** A site as before its first build: no output, and none of Astro's, Vite's or the check's caches. */
function clearBuild(root: string): void {
  // `.cache/` at the root is where CI keeps share pictures (DEEDS_OG_CACHE=.cache/…).
  for (const folder of [
    'dist',
    '.astro',
    '.cache',
    'node_modules/.astro',
    'node_modules/.vite',
    'node_modules/.cache',
  ]) {
    rmSync(join(root, folder), { recursive: true, force: true });
  }
}

/** Steps of a build, in seconds, read from the lines the build logs. */
export interface BuildSteps {
  /** Content layer: the pipeline over every entry (our loader's line, else Astro's "[types] Generated"). */
  content?: number;
  /** Rendering the pages ("N page(s) built in …", the simplified site). */
  pages?: number;
  /** The 繁體 variant (our integration's "繁體版 … 用时 N ms"). */
  traditional?: number;
  /** The search index (our integration's "建立搜索索引 … 用时 N 秒"). */
  searchIndex?: number;
  /** Share pictures, drawn or taken from the cache (our integration's "分享图片 N 张 … 用时 N 秒"). */
  shareImages?: number;
}

/** Read the step times from a build log; steps whose line is missing are left out. */
export function buildSteps(log: string): BuildSteps {
  // eslint-disable-next-line no-control-regex
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const find = (pattern: RegExp) => {
    const match = pattern.exec(text);
    return match ? duration(match[1]!) : undefined;
  };
  const steps: BuildSteps = {
    content: find(/内容管线处理 \d+ 个条目，用时 ([\d.]+ ?秒)/) ?? find(/\[types\] Generated ((?:\d+m ?)?[\d.]+m?s)/),
    pages: find(/generating static routes[\s\S]*?Completed in ((?:\d+m ?)?[\d.]+m?s)/),
    traditional: find(/繁體版[^\n]*用时 ([\d.]+ ?ms)/),
    searchIndex: find(/建立搜索索引[^\n]*用时 ([\d.]+ ?秒)/),
    shareImages: find(/分享图片 \d+ 张[^\n]*用时 ([\d.]+ ?秒)/),
  };
  for (const key of Object.keys(steps) as (keyof BuildSteps)[]) if (steps[key] === undefined) delete steps[key];
  return steps;
}

/** `1m 4s`, `55.75s`, `231ms`, `7035 ms`, `29.5 秒` → seconds. */
export function duration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+) ?(ms|m|s|秒)/g)) {
    seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  }
  return seconds;
}

/**
 * The site copy's `normaliseText` over the text in `file`, timed in a process of its own
 * (`time-normaliser.ts`): first pass apart, then the median of three.
 */
function timeNormaliser(projectRoot: string, file: string): { first: number; steady: number } {
  const probe = fileURLToPath(new URL('./time-normaliser.ts', import.meta.url));
  const run = spawnSync(process.execPath, [probe, projectRoot, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const timing = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { first: number; steady: number };
  if (!(timing.first > 0 && timing.steady > 0)) throw new Error(`no timing in: ${run.stdout.slice(0, 200)}`);
  return timing;
}

/** `opencc -c t2s` on the file, or `null` when the command is not installed. */
function timeNativeOpencc(input: string, output: string): number | null {
  const probe = spawnSync('opencc', ['--version'], { encoding: 'utf8' });
  if (probe.error) return null;
  const started = performance.now();
  const run = spawnSync('opencc', ['-c', 't2s', '-i', input, '-o', output], {
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) return null;
  return (performance.now() - started) / 1000;
}

function sizes(root: string): {
  total: number | null;
  largest: number | null;
  files: number;
} {
  if (!existsSync(root)) return { total: null, largest: null, files: 0 };
  let total = 0;
  let largest = 0;
  let files = 0;
  for (const name of walkFiles(root)) {
    const stat = statSync(join(root, name));
    if (!stat.isFile()) continue;
    total += stat.size;
    if (name.startsWith('index/') || name.includes('/index/')) largest = Math.max(largest, stat.size);
    files++;
  }
  return { total, largest, files };
}
