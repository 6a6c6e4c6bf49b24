/**
 * Filters and their counts for search results, computed in the browser from one small file
 * (`search/facets.json`) instead of by Pagefind (no DOM, no Node: the build writes the file with
 * `buildFacets`, the engine reads it with `Facets`).
 *
 * Pagefind 1.6 counts filter values by testing each page of each value for membership in a plain
 * list of the results (`Vec::contains`): once its filter indexes are loaded, a query that matches
 * half of a large site takes seconds in Chromium, against a tenth of a second without them
 * (docs/benchmarks.md).
 * Here each result is looked up once and every count is a pass over the results.
 *
 *   facets.json  →  { prefix: 'zxx_', ids: [0x013c844, 0x1f2, …],
 *                     filters: { kind: { values: ['deed', …], pages: [0, 2, [0, 3], null, …] } } }
 *
 * `ids` holds the pages' Pagefind ids (the hex after `prefix`) in ascending order, each as the
 * difference from the one before; `pages[i]` of a filter is the index in `values` of page i's value,
 * a list of indexes when it has several, or `null` when it has none.
 */

/** The facets file. */
export interface FacetData {
  prefix: string;
  ids: number[];
  filters: Record<string, { values: string[]; pages: Array<number | number[] | null> }>;
}

/** Chosen values per filter: a page passes a filter when it has any of its values. */
export type ChosenFilters = Record<string, readonly string[]>;

/** Counts per filter value. */
export type FacetCounts = Record<string, Record<string, number>>;

/** Pagefind ids are the language and a hash of up to 12 hex digits: within a double's exact range. */
const PAGE_ID = /^([a-z][a-z0-9-]*_)([0-9a-f]{1,12})$/;

/**
 * The facets file for `pages` (their Pagefind ids and filters), or `undefined` when an id is not
 * of the form this file can hold (the browser then leaves filtering to Pagefind).
 */
export function buildFacets(
  pages: ReadonlyArray<{ id: string; filters: Record<string, string[]> }>,
): FacetData | undefined {
  let prefix: string | undefined;
  const byId = new Map<number, Record<string, string[]>>();
  for (const page of pages) {
    const match = PAGE_ID.exec(page.id);
    if (!match || (prefix !== undefined && match[1] !== prefix)) return undefined;
    prefix = match[1]!;
    const id = parseInt(match[2]!, 16);
    if (byId.has(id)) return undefined;
    byId.set(id, page.filters);
  }
  const ids = [...byId.keys()].sort((a, b) => a - b);
  const names = [...new Set([...byId.values()].flatMap((filters) => Object.keys(filters)))].sort();
  const filters: FacetData['filters'] = {};
  for (const name of names) {
    const values = [...new Set(ids.flatMap((id) => byId.get(id)![name] ?? []))].sort();
    const index = new Map(values.map((value, i) => [value, i]));
    filters[name] = {
      values,
      pages: ids.map((id) => {
        const own = [...new Set(byId.get(id)![name] ?? [])].map((value) => index.get(value)!);
        return own.length === 0 ? null : own.length === 1 ? own[0]! : own;
      }),
    };
  }
  return { prefix: prefix ?? '', ids: ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!)), filters };
}

type PageValues = number | number[] | null | undefined;

/** The value indexes of one page in one filter (`pages[i]`), as a list. */
function valueIndexes(own: PageValues): readonly number[] {
  return own === null || own === undefined ? [] : typeof own === 'number' ? [own] : own;
}

/** The pages of a facets file, ids and filters: what `buildFacets` was given, in id order. */
export function facetPages(data: FacetData): Array<{ id: string; filters: Record<string, string[]> }> {
  let id = 0;
  return data.ids.map((delta, page) => {
    id += delta;
    const filters: Record<string, string[]> = {};
    for (const [name, filter] of Object.entries(data.filters)) {
      const own = valueIndexes(filter.pages[page]);
      if (own.length > 0) filters[name] = own.map((i) => filter.values[i]!);
    }
    return { id: `${data.prefix}${id.toString(16)}`, filters };
  });
}

export class Facets {
  /**
   * The facets of several parts of the index (`search/facets/<part>.json`) as one; `undefined` when
   * they cannot be one (ids of different forms, or one page in two parts).
   */
  static of(files: readonly FacetData[]): Facets | undefined {
    if (files.length === 1) return new Facets(files[0]!);
    const merged = buildFacets(files.flatMap(facetPages));
    return merged ? new Facets(merged) : undefined;
  }

  readonly #prefix: string;
  /** Page index by the number of its Pagefind id. */
  readonly #index = new Map<number, number>();
  readonly #filters: Array<{ name: string; values: string[]; pages: PageValues[] }>;

  constructor(data: FacetData) {
    this.#prefix = data.prefix;
    let id = 0;
    data.ids.forEach((delta, i) => {
      id += delta;
      this.#index.set(id, i);
    });
    this.#filters = Object.entries(data.filters).map(([name, filter]) => ({ name, ...filter }));
  }

  /** The filters of the page with Pagefind id `id`, or `undefined` for a page the file does not know. */
  filtersOf(id: string): Record<string, string[]> | undefined {
    const page = this.#page(id);
    if (page === undefined) return undefined;
    const out: Record<string, string[]> = {};
    for (const filter of this.#filters) {
      const own = valueIndexes(filter.pages[page]);
      if (own.length > 0) out[filter.name] = own.map((i) => filter.values[i]!);
    }
    return out;
  }

  /**
   * Which of `ids` pass `chosen`, in their order, and the counts per value: for each filter, among
   * the pages that pass every other chosen filter, so that a reader sees what ticking another value
   * of the same filter would add. A page the file does not know passes only when nothing is chosen,
   * and is not counted.
   */
  select(ids: readonly string[], chosen: ChosenFilters): { passing: string[]; counts: FacetCounts } {
    const active = this.#filters
      .map((filter) => {
        const wanted = new Set(chosen[filter.name] ?? []);
        return { filter, wanted: new Set(filter.values.flatMap((value, i) => (wanted.has(value) ? [i] : []))) };
      })
      .filter(({ filter }) => (chosen[filter.name]?.length ?? 0) > 0);
    const all = (1 << active.length) - 1;
    const tallies = this.#filters.map((filter) => new Array<number>(filter.values.length).fill(0));
    const activeAt = new Map(active.map(({ filter }, bit) => [filter, bit]));
    const passing: string[] = [];
    for (const id of ids) {
      const page = this.#page(id);
      if (page === undefined) {
        if (active.length === 0) passing.push(id);
        continue;
      }
      let mask = 0;
      active.forEach(({ filter, wanted }, bit) => {
        if (valueIndexes(filter.pages[page]).some((value) => wanted.has(value))) mask |= 1 << bit;
      });
      if (mask === all) passing.push(id);
      this.#filters.forEach((filter, f) => {
        const bit = activeAt.get(filter);
        const others = bit === undefined ? all : all & ~(1 << bit);
        if ((mask & others) !== others) return;
        for (const value of valueIndexes(filter.pages[page])) tallies[f]![value]! += 1;
      });
    }
    const counts: FacetCounts = {};
    this.#filters.forEach((filter, f) => {
      const group: Record<string, number> = {};
      filter.values.forEach((value, i) => {
        if (tallies[f]![i]! > 0) group[value] = tallies[f]![i]!;
      });
      counts[filter.name] = group;
    });
    return { passing, counts };
  }

  #page(id: string): number | undefined {
    const match = PAGE_ID.exec(id);
    return match && match[1] === this.#prefix ? this.#index.get(parseInt(match[2]!, 16)) : undefined;
  }
}
