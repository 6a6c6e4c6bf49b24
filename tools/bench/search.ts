/**
 * Search on a built site, measured in real Chromium the way a reader meets it (issue 7's budgets):
 * bytes on the wire for the first query (script, WASM, index, fragments) and for each later one, and
 * the time from query to results on the search page. Queries are sampled from the site itself — the
 * names of awardees (`data/awardees.json`) and four-character phrases from write-ups — so that the
 * same run works on the demo site and on a 10,000-deed benchmark site.
 *
 *   npx tsx scripts/bench-search.ts /tmp/deeds-bench-xxx/site/dist
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import { serveStatic } from '../static-server.ts';
import { SEARCH_PAGE, waitForResults } from '../search-ui.ts';

export interface SearchBenchOptions {
  /** Queries to sample after the first. Default 40. */
  queries?: number;
  /** Chromium's executable. Default `/usr/bin/chromium` (Debian's package) or `CHROMIUM_PATH`. */
  executablePath?: string;
}

export interface SearchBenchResult {
  /**
   * A reader's first search for a name: a fresh browser (new context, empty cache) loads the home
   * page, waits until the network is idle, then types an awardee's name in the header box. Counted:
   * what the typing and the results cause after the page has loaded, not the page itself.
   */
  nameQuery: string;
  nameQueryBytes: number;
  /** The same for a phrase of a write-up (two words), in another fresh context. */
  firstQuery: string;
  firstQueryBytes: number;
  /** Bytes of each later query, in the order typed. */
  laterBytes: number[];
  /** Query → results on the search page, milliseconds, every sampled query twice. */
  timesMs: number[];
  queries: string[];
}

const BOX = 'form[data-search-box]';
const HAN_RUN = /[\u4e00-\u9fff]{4,}/g;

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** Two whole words from the middle of a run of Han text, as a reader would type a phrase they remember. */
function twoWords(run: string): string {
  const words = [...WORDS.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
  if (words.length < 2) return run.slice(0, 4);
  const at = Math.floor((words.length - 2) / 2);
  return words[at]! + words[at + 1]!;
}

/** Names of awardees and phrases of write-ups, spread evenly over the site, in a fixed order. */
export function sampleQueries(dist: string, count: number): { first: string; name: string; later: string[] } {
  const names: string[] = [];
  const awardees = join(dist, 'data', 'awardees.json');
  if (existsSync(awardees)) {
    const rows = JSON.parse(readFileSync(awardees, 'utf8')) as Array<{ name?: string }> | { awardees?: unknown };
    const list = Array.isArray(rows) ? rows : ((rows as { awardees?: Array<{ name?: string }> }).awardees ?? []);
    for (const row of list) if (typeof row.name === 'string' && row.name) names.push(row.name);
  }
  const deedsDir = join(dist, 'deeds');
  const pages = existsSync(deedsDir)
    ? (readdirSync(deedsDir, { recursive: true, encoding: 'utf8' }) as string[])
        .filter((path) => path.endsWith('index.html') && path.split('/').length >= 3)
        .sort()
    : [];
  const phrases: string[] = [];
  const half = Math.ceil(count / 2);
  for (let k = 0; k < half && pages.length > 0; k++) {
    const html = readFileSync(join(deedsDir, pages[Math.floor((k * pages.length) / half)]!), 'utf8');
    const prose = /<div class="prose"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? html;
    const runs = [...prose.replace(/<[^>]+>/g, ' ').matchAll(HAN_RUN)].map((m) => m[0]);
    const run = runs[(k * 7) % Math.max(1, runs.length)];
    if (run) phrases.push(twoWords(run));
  }
  const sampledNames: string[] = [];
  for (let k = 0; k < count - phrases.length && names.length > 0; k++) {
    sampledNames.push(names[Math.floor((k * names.length) / Math.max(1, count - phrases.length))]!);
  }
  const later: string[] = [];
  for (let k = 0; later.length < count && (k < phrases.length || k < sampledNames.length); k++) {
    if (k < sampledNames.length) later.push(sampledNames[k]!);
    if (k < phrases.length && later.length < count) later.push(phrases[k]!);
  }
  const first = phrases.at(-1) ?? later[0] ?? '先进';
  // The first name search: an awardee from the middle of the list (the later queries take theirs from
  // the start of each stretch); falls back to the phrase on a site without awardees.
  const name = names[Math.floor(names.length / 2)] ?? first;
  return { first, name, later: later.filter((q) => q !== phrases.at(-1)) };
}

export async function benchSearch(dist: string, options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const { first, name, later } = sampleQueries(dist, options.queries ?? 40);
  const server = await serveStatic(dist);
  const browser = await launchChromium(options.executablePath);
  try {
    /** A fresh context (nothing cached), the home page loaded, `query` typed: the page and what it cost. */
    const firstSearch = async (query: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForLoadState('networkidle');
      const wire = meter(page);
      const input = page.locator(`${BOX} input`);
      await input.focus();
      await input.pressSequentially(query);
      await waitForResults(page, query, BOX);
      await page.waitForLoadState('networkidle');
      return { context, page, input, wire, bytes: await wire.bytes() };
    };
    const byName = await firstSearch(name);
    await byName.context.close();
    const { context, page, input, wire, bytes: firstQueryBytes } = await firstSearch(first);
    const laterBytes: number[] = [];
    for (const query of later) {
      await input.fill(query);
      await waitForResults(page, query, BOX);
      await page.waitForLoadState('networkidle');
      laterBytes.push(await wire.bytes());
    }
    await page.goto(`${server.url}/search/`);
    const timesMs: number[] = [];
    for (const query of [...later, ...later]) {
      await page.fill(`${SEARCH_PAGE} input[name="q"]`, query);
      await waitForResults(page, query, SEARCH_PAGE);
      timesMs.push(Number(await page.locator(SEARCH_PAGE).getAttribute('data-search-ms')));
    }
    await context.close();
    return {
      nameQuery: name,
      nameQueryBytes: byName.bytes,
      firstQuery: first,
      firstQueryBytes,
      laterBytes,
      timesMs,
      queries: later,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Bytes on the wire (headers and body) of every response since the last call. */
function meter(page: Page) {
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  return {
    async bytes() {
      const sizes = await Promise.all(responses.map((r) => r.request().sizes()));
      responses.length = 0;
      return sizes.reduce((sum, s) => sum + s.responseHeadersSize + s.responseBodySize, 0);
    },
  };
}

/** The value at quantile `q` (0–1) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

/** What `npm run bench` reports of a search run (issue 21's fields), kilobytes of 1,024 bytes to one decimal. */
export interface SearchSummary {
  /** A name typed in the header box of a freshly loaded page: bytes the query caused. */
  nameFirstKB: number;
  /** The same for a two-word phrase of a write-up. */
  fullTextFirstKB: number;
  laterMedianKB: number;
  laterP90KB: number;
  /** Query → results on the search page, milliseconds. */
  p50ms: number;
  p90ms: number;
  queries: number;
}

export function summariseSearch(result: SearchBenchResult): SearchSummary {
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    nameFirstKB: kb(result.nameQueryBytes),
    fullTextFirstKB: kb(result.firstQueryBytes),
    laterMedianKB: kb(quantile(result.laterBytes, 0.5)),
    laterP90KB: kb(quantile(result.laterBytes, 0.9)),
    p50ms: quantile(result.timesMs, 0.5),
    p90ms: quantile(result.timesMs, 0.9),
    queries: result.laterBytes.length,
  };
}
