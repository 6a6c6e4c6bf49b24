/**
 * The search engine in the browser: query normalisation, the names index, Pagefind, merged.
 *
 *   const engine = new SearchEngine();
 *   const outcome = await engine.search('李 靜');
 *   outcome.hits[0]  →  { url: '/awardees/…/', title: '李静', kind: 'awardee', … }
 *
 * 1. The query is folded (NFKC, padding between Han characters removed) and, only if it has a
 *    traditional character, converted to simplified with a converter loaded on demand.
 * 2. Its keys (whole query, words, 发文字号 in GB/T 9704 form) are looked up in the names index.
 * 3. Pagefind searches the same text cut into words by Intl.Segmenter, as the index was cut at
 *    build time (`segment.ts`); if every word must match and none does, it searches the words one
 *    by one and ranks pages by how many of them they contain. The index is in parts
 *    (`search/parts.json`, `parts.ts`): a query loads the newest parts that may hold what the
 *    chosen filters ask for, and older ones only when asked (`more`); parts once loaded are merged
 *    into one Pagefind instance (`mergeIndex`), which ranks their results together.
 * 4. Filters and their counts come from the loaded parts' `search/facets/<part>.json` (`facets.ts`),
 *    not from Pagefind, whose counting slows to seconds on a query that matches thousands of pages.
 * 5. Names-index hits come first, then Pagefind's results without the pages already listed. Text
 *    from the index (titles, excerpts) is shown without the spaces between words.
 */
import { loadToSimplified } from './convert.ts';
import { Facets, type FacetData } from '../facets.ts';
import { partMayMatch, partsToLoad, type PartsManifest, type SearchPart } from '../parts.ts';
import { KIND_RANK, nameShard, type NameEntry, type PageKind } from '../names.ts';
import {
  docNumberKey,
  foldQuery,
  lookupKeys,
  nameKey,
  needsSimplification,
  otherCuts,
  pagefindTerm,
  segmentWords,
} from '../query.ts';
import { unspaceWords } from '../segment.ts';

/** Filters as the UI holds them: values chosen per filter; any value of a filter may match. */
export type SelectedFilters = Record<string, string[]>;

export interface SearchOptions {
  filters?: SelectedFilters;
  /** `relevance` (default) or newest first. */
  sort?: 'relevance' | 'date';
  /** How many hits to load excerpts for. */
  limit?: number;
  /** Count results per filter value (loads `search/facets.json` once). */
  counts?: boolean;
  /**
   * `always` (default) searches the full text too; `unless-named` skips it when the whole query is
   * a name, unit or 发文字号 of the names index: the quick box then answers from one small file
   * instead of the index chunks of every character of a name.
   */
  fullText?: 'always' | 'unless-named';
  /**
   * Abandons the search (it rejects with the signal's reason) once aborted: results as you type
   * abort the query a keystroke has overtaken, so that it fetches no excerpts nobody will see.
   */
  signal?: AbortSignal;
  /** Search the next older parts of the index too (those the first query left for later). */
  more?: boolean;
}

export interface SearchHit {
  url: string;
  title: string;
  /** HTML: text with `<mark>` around what matched, nothing else. */
  excerpt: string;
  kind: PageKind | undefined;
  /** `names` for a names-index hit, `pagefind` for a full-text one. */
  source: 'names' | 'pagefind';
}

export interface SearchOutcome {
  /** The query as typed. */
  query: string;
  /** The query as searched: folded and simplified. */
  normalised: string;
  hits: SearchHit[];
  /** How many pages match in all (only `limit` of them are in `hits`). */
  total: number;
  /** Counts per filter value for this query under the other chosen filters. */
  filters: Record<string, Record<string, number>>;
  /**
   * Whether `total` counts every page: false when the full text was not searched
   * (`fullText: 'unless-named'` and the query is a name), so only the names index answered.
   */
  complete: boolean;
  /**
   * Whether no page has every word of the query (and none is named by it), so that the hits are
   * pages with some of its words only (`张三丰` → pages with `张`).
   */
  loose: boolean;
  /**
   * Parts of the index that may hold more results and were not searched yet (older years): ask for
   * them with `more`. 0 when every part was searched, or the full text was not.
   */
  remaining: number;
  /**
   * When parts remain: the newest year of a part not searched yet (`2023`): pages of that year and
   * earlier may be missing from the results; later ones are not.
   */
  unsearched?: string;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
  /** Set on our word-by-word fallback (`#searchWords`): pages with some of the words only. */
  loose?: boolean;
}

/** What the full-text search found: the results that pass the filters, counts, and every page found. */
interface FullTextOutcome {
  results: PagefindResult[];
  counts: Record<string, Record<string, number>>;
  /** Pagefind ids of every page the counts include. */
  counted: Set<string>;
  /** Pages with some of the query's words only (see `SearchOutcome.loose`). */
  loose?: boolean;
  remaining: number;
  unsearched?: string;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

/** What `pagefind.js` exports that the engine uses: an instance per page, over any part's index. */
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}

const ZERO_WIDTH = /[\u200b\u200c\u200d\ufeff]/g;

const NO_RESULTS: FullTextOutcome = Object.freeze({
  results: [],
  counts: {},
  counted: new Set<string>(),
  remaining: 0,
});

export class SearchEngine {
  readonly #base: string;
  readonly #loadModule: (part: SearchPart) => Promise<PagefindModule>;
  #module: Promise<PagefindModule> | undefined;
  #manifest: Promise<PartsManifest> | undefined;
  /** One Pagefind instance: the first part loaded, with every later one merged into it. */
  #pagefind: Promise<PagefindApi> | undefined;
  /** Parts merged into the instance, and the queue that merges them one batch at a time. */
  readonly #loaded = new Set<string>();
  #merging: Promise<unknown> = Promise.resolve();
  readonly #shards = new Map<string, Promise<NameEntry[]>>();
  readonly #partFacets = new Map<string, Promise<FacetData | undefined>>();
  #facets: { key: string; facets: Promise<Facets | undefined> } | undefined;
  #filtersLoaded: Promise<unknown> | undefined;

  /**
   * @param base The site's base path, with a trailing slash.
   * @param loadModule How to get Pagefind's script; by default from the first part's folder.
   */
  constructor(base = '/', loadModule?: (part: SearchPart) => Promise<PagefindModule>) {
    this.#base = base.endsWith('/') ? base : `${base}/`;
    this.#loadModule =
      loadModule ??
      ((part) => import(/* @vite-ignore */ `${this.#partPath(part)}pagefind.js`) as Promise<PagefindModule>);
  }

  /**
   * Start loading the parts' manifest and (unless `script` is false) Pagefind's script before the first
   * query needs them. No index metadata: a name is answered from the names index alone.
   */
  warm({ script = true }: { script?: boolean } = {}): void {
    this.#loadManifest()
      .then((manifest) => (script && manifest.parts[0] ? this.#script(manifest.parts[0]) : undefined))
      .catch(() => {
        // The query that follows reports it.
      });
  }

  async normalise(query: string): Promise<string> {
    const folded = foldQuery(query);
    if (!needsSimplification(folded)) return folded;
    const toSimplified = await loadToSimplified(this.#base);
    return foldQuery(toSimplified(folded));
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const filters = options.filters ?? {};
    const limit = options.limit ?? 10;
    const { signal } = options;
    signal?.throwIfAborted();
    const folded = foldQuery(query);
    const normalised = await this.normalise(query);
    signal?.throwIfAborted();
    if (!normalised)
      return { query, normalised, hits: [], total: 0, filters: {}, complete: true, loose: false, remaining: 0 };

    // A simplified name may hold a character the converter would change (钟乾 → 钟干): look up both.
    const keys = [...new Set([...lookupKeys(normalised), ...(folded !== normalised ? lookupKeys(folded) : [])])];
    const fullText = () => this.#searchPagefind(normalised, folded, filters, options, signal);
    let named: NameEntry[];
    let found: FullTextOutcome;
    if (options.fullText === 'unless-named') {
      named = await this.#lookupNames(keys);
      const whole = new Set([normalised, folded].flatMap((text) => [nameKey(text), docNumberKey(text)]));
      found = named.some((entry) => whole.has(entry.k)) ? NO_RESULTS : await fullText();
    } else {
      [named, found] = await Promise.all([this.#lookupNames(keys), fullText()]);
    }

    signal?.throwIfAborted();
    const chosen = named.filter((entry) => matchesFilters(entry.f, filters));
    const namedUrls = new Set(chosen.map((entry) => entry.u));
    const namedIds = new Set(chosen.map((entry) => entry.p).filter(Boolean));
    const rest = found.results.filter((result) => !namedIds.has(result.id));

    const counts = structuredClone(found.counts);
    for (const entry of named) {
      if (entry.p && found.counted.has(entry.p)) continue;
      for (const [name, values] of Object.entries(entry.f)) {
        if (!matchesFilters(entry.f, filters, name)) continue;
        const group = (counts[name] ??= {});
        for (const value of values) group[value] = (group[value] ?? 0) + 1;
      }
    }

    const hits: SearchHit[] = chosen.slice(0, limit).map((entry) => ({
      url: entry.u,
      title: entry.t,
      excerpt: escapeHtml(entry.d ?? ''),
      kind: entry.c,
      source: 'names',
    }));
    // Pages the names index found are recognised by Pagefind id; any without one may come back here.
    const unrecognised = chosen.filter((entry) => !entry.p).length;
    const wanted = Math.max(0, limit - hits.length) + unrecognised;
    const loaded = await Promise.all(rest.slice(0, wanted).map((result) => result.data()));
    for (const data of loaded) {
      if (hits.length >= limit) break;
      if (namedUrls.has(data.url)) continue;
      hits.push({
        url: data.url,
        title: unspaceWords((data.meta.title ?? data.url).replace(ZERO_WIDTH, '')),
        excerpt: cleanExcerpt(data.excerpt),
        kind: data.meta.kind as PageKind | undefined,
        source: 'pagefind',
      });
    }
    return {
      query,
      normalised,
      hits,
      total: chosen.length + rest.length,
      filters: counts,
      complete: found !== NO_RESULTS,
      loose: named.length === 0 && (found.loose ?? false),
      remaining: found.remaining,
      ...(found.unsearched ? { unsearched: found.unsearched } : {}),
    };
  }

  #partPath(part: SearchPart): string {
    return `${this.#base}pagefind/${part.id}/`;
  }

  /**
   * The parts' manifest, once; revalidated with the server (a 304 when unchanged): its name has no
   * hash, and a copy cached from an earlier build would name another build's parts.
   */
  #loadManifest(): Promise<PartsManifest> {
    this.#manifest ??= fetch(`${this.#base}search/parts.json`, { cache: 'no-cache' }).then(async (response) => {
      if (!response.ok) throw new Error(`search/parts.json: ${response.status}`);
      return (await response.json()) as PartsManifest;
    });
    // A failed load is tried again by the next query rather than remembered.
    this.#manifest.catch(() => {
      this.#manifest = undefined;
    });
    return this.#manifest;
  }

  #script(part: SearchPart): Promise<PagefindModule> {
    this.#module ??= this.#loadModule(part);
    this.#module.catch(() => {
      this.#module = undefined;
    });
    return this.#module;
  }

  /**
   * Pagefind over `parts` and every part loaded before: the first part makes the instance, the others
   * are merged into it. Batches are merged one after another, so that two queries typed in quick
   * succession never merge a part twice.
   */
  #withParts(parts: readonly SearchPart[]): Promise<PagefindApi> {
    const run = this.#merging.then(async () => {
      const todo = parts.filter((part) => !this.#loaded.has(part.id));
      if (!this.#pagefind) {
        const first = todo.shift();
        if (!first) throw new Error('搜索索引没有可加载的分卷');
        const created = (async () => {
          const module = await this.#script(first);
          // The worker would cost another 43 KB of script for a search that takes milliseconds.
          // Result URLs as paths inside the site, like the names index's (Pagefind would prefix the
          // base path it was loaded from); the UI places them under the base path.
          const instance = module.createInstance({
            basePath: this.#partPath(first),
            baseUrl: '/',
            noWorker: true,
            excerptLength: 24,
          });
          await instance.init();
          return instance;
        })();
        this.#pagefind = created;
        try {
          await created;
        } catch (error) {
          this.#pagefind = undefined;
          throw error;
        }
        this.#loaded.add(first.id);
      }
      const pagefind = await this.#pagefind;
      await Promise.all(
        todo.map(async (part) => {
          await pagefind.mergeIndex(this.#partPath(part), { baseUrl: '/' });
          this.#loaded.add(part.id);
        }),
      );
      return pagefind;
    });
    this.#merging = run.catch(() => undefined);
    return run;
  }

  async #lookupNames(keys: string[]): Promise<NameEntry[]> {
    const found: NameEntry[] = [];
    const seen = new Set<string>();
    const shards = await Promise.all(keys.map((key) => this.#shard(nameShard(key))));
    for (const [i, key] of keys.entries()) {
      const shard = shards[i]!;
      const matches = shard.filter((entry) => entry.k === key).sort((a, b) => KIND_RANK[a.c] - KIND_RANK[b.c]);
      for (const entry of matches) {
        if (seen.has(entry.u)) continue;
        seen.add(entry.u);
        found.push(entry);
      }
    }
    return found;
  }

  #shard(shard: string): Promise<NameEntry[]> {
    let entries = this.#shards.get(shard);
    if (!entries) {
      entries = fetch(`${this.#base}search/names/${shard}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<NameEntry[]>) : []))
        .catch(() => []);
      this.#shards.set(shard, entries);
    }
    return entries;
  }

  /**
   * Pagefind's results for the query, filtered and counted with the facets file. Without that file
   * (a site built before it existed, or a failed fetch) Pagefind filters and counts itself.
   */
  async #searchPagefind(
    normalised: string,
    folded: string,
    filters: SelectedFilters,
    { sort, counts = false, more = false }: SearchOptions,
    signal: AbortSignal | undefined,
  ): Promise<FullTextOutcome> {
    const chosen = Object.values(filters).some((values) => values.length > 0);
    const manifest = await this.#loadManifest();
    if (manifest.parts.length === 0) return NO_RESULTS;
    const { load, remaining } = partsToLoad(manifest, filters, this.#loaded, more);
    const pagefind = await this.#withParts(load);
    signal?.throwIfAborted();
    const searched = manifest.parts.filter((part) => this.#loaded.has(part.id));
    const facets = counts || chosen ? await this.#loadFacets(searched) : undefined;
    // Parts come newest first: the first one not searched says from which year on results may be missing.
    const unsearched = manifest.parts.find((part) => !this.#loaded.has(part.id) && partMayMatch(part, filters))?.year;
    const partial = { remaining, ...(remaining > 0 && unsearched && unsearched !== '0000' ? { unsearched } : {}) };
    const options: Record<string, unknown> = {};
    if (sort === 'date') options.sort = { date: 'desc' };
    if (!facets) {
      options.filters = pagefindFilters(filters);
      if (counts) {
        this.#filtersLoaded ??= pagefind.filters();
        await this.#filtersLoaded;
      }
    }
    const response = await this.#searchText(pagefind, normalised, folded, options, signal);
    const ids = response.results.map((result) => result.id);
    const loose = response.loose ?? false;
    if (!facets)
      return { results: response.results, counts: response.filters ?? {}, counted: new Set(ids), loose, ...partial };
    const { passing, counts: tallies } = facets.select(ids, filters);
    const kept = new Set(passing);
    return {
      results: response.results.filter((result) => kept.has(result.id)),
      counts: tallies,
      counted: new Set(ids),
      loose,
      ...partial,
    };
  }

  /** Every word must match; failing that, the query as typed; failing that, word by word. */
  async #searchText(
    pagefind: PagefindApi,
    normalised: string,
    folded: string,
    options: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<PagefindResponse> {
    const term = pagefindTerm(normalised);
    const response = await pagefind.search(term, options);
    signal?.throwIfAborted();
    if (response.results.length > 0) return response;
    if (folded !== normalised) {
      const original = await pagefind.search(pagefindTerm(folded), options);
      signal?.throwIfAborted();
      if (original.results.length > 0) return original;
    }
    // The query's long words cut otherwise (`卫生院` → `卫生 院`): every word still in the page.
    const cuts = otherCuts(term);
    if (cuts.length > 0) {
      const responses = await Promise.all(cuts.map((cut) => pagefind.search(cut, options)));
      signal?.throwIfAborted();
      const found = responses.filter((one) => one.results.length > 0);
      if (found.length > 0) {
        const best = new Map<string, PagefindResult>();
        for (const one of found)
          for (const result of one.results)
            if ((best.get(result.id)?.score ?? -Infinity) < result.score) best.set(result.id, result);
        const results = [...best.values()].sort((a, b) => b.score - a.score);
        return { results, filters: found[0]!.filters, totalFilters: found[0]!.totalFilters };
      }
    }
    return this.#searchWords(pagefind, term, options, response);
  }

  /**
   * The filters of the searched parts' pages, each part's file once; `undefined` when a part has
   * none (Pagefind then filters and counts). Revalidated with the server (a 304 when unchanged): the
   * names have no hash, and a copy cached from an earlier build would hold another build's Pagefind
   * ids, whose pages a chosen filter would then drop.
   */
  #loadFacets(parts: readonly SearchPart[]): Promise<Facets | undefined> {
    const key = parts.map((part) => part.id).join(' ');
    if (this.#facets?.key !== key) {
      const files = parts.map((part) => {
        let file = this.#partFacets.get(part.id);
        if (!file) {
          file = fetch(`${this.#base}search/facets/${part.id}.json`, { cache: 'no-cache' })
            .then(async (response) => (response.ok ? ((await response.json()) as FacetData) : undefined))
            .catch(() => undefined);
          this.#partFacets.set(part.id, file);
        }
        return file;
      });
      const facets = Promise.all(files).then((data) =>
        data.every((one) => one !== undefined) ? Facets.of(data as FacetData[]) : undefined,
      );
      this.#facets = { key, facets };
    }
    return this.#facets.facets;
  }

  /** Every word must match in Pagefind; when none does, rank pages by how many words they have. */
  async #searchWords(
    pagefind: PagefindApi,
    term: string,
    options: Record<string, unknown>,
    empty: PagefindResponse,
  ): Promise<PagefindResponse> {
    const words = segmentWords(term);
    if (words.length < 2) return empty;
    const responses = await Promise.all(words.map((word) => pagefind.search(word, options)));
    const ranked = new Map<string, { result: PagefindResult; words: number; score: number }>();
    for (const response of responses) {
      for (const result of response.results) {
        const entry = ranked.get(result.id) ?? { result, words: 0, score: 0 };
        entry.words += 1;
        entry.score += result.score;
        ranked.set(result.id, entry);
      }
    }
    const results = [...ranked.values()]
      .sort((a, b) => b.words - a.words || b.score - a.score)
      .map((entry) => entry.result);
    const best = responses.reduce((a, b) => (b.results.length > a.results.length ? b : a), empty);
    return { results, filters: best.filters, totalFilters: best.totalFilters, loose: true };
  }
}

/** Pagefind's filter syntax: any of the chosen values within a filter, every filter. */
function pagefindFilters(filters: SelectedFilters): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(filters)) if (values.length > 0) out[name] = { any: values };
  return out;
}

/**
 * Whether a page with `pageFilters` passes the chosen filters. When counting the values of one
 * filter (`except`), that filter's own choice is left out.
 */
function matchesFilters(pageFilters: Record<string, string[]>, chosen: SelectedFilters, except?: string): boolean {
  return Object.entries(chosen).every(([name, values]) => {
    if (values.length === 0 || name === except) return true;
    return (pageFilters[name] ?? []).some((value) => values.includes(value));
  });
}

/**
 * Pagefind's excerpt, kept to text and `<mark>`, without the spaces the index put between words
 * (`unspaceWords`) and with the marks of neighbouring words joined: `李 <mark>静</mark>` →
 * `李<mark>静</mark>`.
 */
export function cleanExcerpt(html: string): string {
  return unspaceWords(html.replace(ZERO_WIDTH, '').replace(/<(?!\/?mark>)[^>]*>/g, '')).replace(/<\/mark><mark>/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
