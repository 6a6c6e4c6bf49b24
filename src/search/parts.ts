/**
 * The search index in parts: which Pagefind index holds a page, and which parts a query loads.
 * Plain functions, no DOM, no Node: the build plans the parts (`planParts`), the browser chooses
 * the parts to search (`partsToLoad`) from the manifest the build writes (`search/parts.json`).
 *
 *   write-ups of 2019–2020, 700 pages  →  deeds-2019-2020
 *   write-ups of 2023, 2,400 pages     →  deeds-2023-0, deeds-2023-1, deeds-2023-2
 *   awardees, rolls, notices of 2023   →  records-2023
 *
 * Why parts: Pagefind's indexer holds a whole index in memory (3.8 GB at 10,000 deeds, 7 GB at 20,000),
 * so one index cannot grow with a national archive; parts are indexed one after another, so the peak
 * depends on the largest part. A part whose pages did not change is not indexed again. In the browser a
 * query starts with the newest parts (and those the chosen filters need), so its first bytes do not grow
 * with the archive either: each part has its own page metadata and posting lists.
 *
 * Parts are cut by year and by group: write-ups (long full text) apart from the short pages of awardees,
 * rolls and notices, so that the short pages' word statistics are not drowned by the write-ups'. A page
 * goes to the part of its newest year (an awardee honoured in 2019 and 2023 is in 2023's); the manifest
 * lists every year and kind a part holds, so a filter on 2019 still finds it.
 */

/** Filters as the UI holds them: values chosen per filter. */
export type ChosenFilters = Record<string, readonly string[]>;

/** The two groups of pages. */
export type PartGroup = 'records' | 'deeds';

/** One part of the index, as the manifest lists it. */
export interface SearchPart {
  /** Folder name under `pagefind/`: `deeds-2023`, `records-2023`, `deeds-2023-1`. */
  id: string;
  group: PartGroup;
  /** The newest year of its pages (`0000` for pages without one): a page is placed by its newest year. */
  year: string;
  /** The oldest year that placed a page here: the part holds the pages placed in `since`…`year`. */
  since: string;
  /** How many pages it holds. */
  pages: number;
  /** Every `year` filter value of its pages. */
  years: string[];
  /** Every `kind` filter value of its pages. */
  kinds: string[];
}

/** `search/parts.json`. */
export interface PartsManifest {
  version: 1;
  /** A query first loads parts, newest first, until they hold at least this many pages. */
  firstPages: number;
  /** Newest first; within a year, the short records before the write-ups. */
  parts: SearchPart[];
}

/**
 * Most pages in one part. 1,000 write-ups (~1,500 characters each) take Pagefind's indexer
 * about 0.4 GB; records are short pages (docs/benchmarks.md).
 */
export const PART_LIMITS: Readonly<Record<PartGroup, number>> = Object.freeze({ deeds: 1000, records: 3000 });

/** Pages a query loads before it shows results: one year of a 10,000-deed archive (docs/search.md). */
export const FIRST_PAGES = 2000;

const NO_YEAR = '0000';

/** The group of a page of this kind. */
export function partGroup(kind: string | undefined): PartGroup {
  return kind === 'deed' ? 'deeds' : 'records';
}

/** The newest year among a page's `year` filter values, or `0000`. */
export function pageYear(filters: Record<string, readonly string[]>): string {
  let newest = NO_YEAR;
  for (const year of filters.year ?? []) if (/^\d{4}$/.test(year) && year > newest) newest = year;
  return newest;
}

/** FNV-1a of a page URL: which bucket of a year too large for one part it falls in. */
function bucketOf(url: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/**
 * The parts of a site: its pages (URL and filters) grouped by group and newest year. Within a group,
 * years are packed into parts oldest first, a part closed once it holds half its group's limit, and
 * a newest part of less than a quarter joined to the one before when both fit: parts of about one
 * size, because Pagefind weighs a word by how rare it is in its own part, so that in a part of three
 * notices about 乡村医生 those words would count for almost nothing against the same words in a larger
 * part. Oldest first, because new pages come in the newest years: adding one changes the newest part
 * and leaves the older ones (and their cached indexes) as they were. A year too large for one part is
 * split by a hash of the URL into parts of its own. Parts come newest first, the two groups taking
 * turns within a year; the pages of each part in URL order.
 */
export function planParts<P extends { url: string; filters: Record<string, readonly string[]> }>(
  pages: readonly P[],
  limits: Readonly<Record<PartGroup, number>> = PART_LIMITS,
): Array<{ part: SearchPart; pages: P[] }> {
  const byGroup = new Map<PartGroup, Map<string, P[]>>();
  for (const page of pages) {
    const group = partGroup(page.filters.kind?.[0]);
    const year = pageYear(page.filters);
    let years = byGroup.get(group);
    if (!years) byGroup.set(group, (years = new Map()));
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(page);
  }
  const out: Array<{ part: SearchPart; pages: P[] }> = [];
  const add = (group: PartGroup, id: string, since: string, year: string, own: P[]) => {
    own.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const values = (name: string) => [...new Set(own.flatMap((page) => page.filters[name] ?? []))].sort();
    out.push({
      part: { id, group, year, since, pages: own.length, years: values('year'), kinds: values('kind') },
      pages: own,
    });
  };
  for (const [group, years] of byGroup) {
    const limit = Math.max(1, limits[group]);
    const packed: Array<{ since: string; year: string; pages: P[] }> = [];
    let open: { since: string; year: string; pages: P[] } | undefined;
    for (const year of [...years.keys()].sort()) {
      const list = years.get(year)!;
      if (list.length > limit) {
        const buckets = Math.ceil(list.length / limit);
        const split: P[][] = Array.from({ length: buckets }, () => []);
        for (const page of list) split[bucketOf(page.url, buckets)]!.push(page);
        split.forEach((own, bucket) => {
          if (own.length > 0) add(group, `${group}-${year}-${bucket}`, year, year, own);
        });
        continue;
      }
      if (open && open.pages.length + list.length > limit) {
        packed.push(open);
        open = undefined;
      }
      open ??= { since: year, year, pages: [] };
      open.year = year;
      open.pages.push(...list);
      if (open.pages.length >= limit / 2) {
        packed.push(open);
        open = undefined;
      }
    }
    if (open) {
      const before = packed.at(-1);
      if (before && open.pages.length < limit / 4 && before.pages.length + open.pages.length <= limit) {
        before.year = open.year;
        before.pages.push(...open.pages);
      } else packed.push(open);
    }
    for (const { since, year, pages: own } of packed)
      add(group, since === year ? `${group}-${year}` : `${group}-${since}-${year}`, since, year, own);
  }
  // Within a year the groups take turns (records-2023-0, deeds-2023-0, records-2023-1 …), so that the first
  // parts a query loads hold write-ups as well as records however many parts a year is split into.
  const groupRank: Record<PartGroup, number> = { records: 0, deeds: 1 };
  const bucket = (id: string) => Number(/-\d{4}-(\d+)$/.exec(id)?.[1] ?? 0);
  out.sort(
    (a, b) =>
      (a.part.year < b.part.year ? 1 : a.part.year > b.part.year ? -1 : 0) ||
      bucket(a.part.id) - bucket(b.part.id) ||
      groupRank[a.part.group] - groupRank[b.part.group] ||
      (a.part.id < b.part.id ? -1 : a.part.id > b.part.id ? 1 : 0),
  );
  return out;
}

/** Whether a part can hold a page that passes the chosen kind and year filters. */
export function partMayMatch(part: SearchPart, chosen: ChosenFilters): boolean {
  const kinds = chosen.kind ?? [];
  const years = chosen.year ?? [];
  if (kinds.length > 0 && !part.kinds.some((kind) => kinds.includes(kind))) return false;
  if (years.length > 0 && !part.years.some((year) => years.includes(year))) return false;
  return true;
}

/**
 * The parts a query should search that it has not loaded yet: of the parts that may hold a page
 * passing the chosen filters, newest first, as many as make `firstPages` pages together with those
 * of them already loaded (at least one more when `more` asks for the next batch). `remaining` says
 * how many such parts would still be unloaded after these.
 */
export function partsToLoad(
  manifest: PartsManifest,
  chosen: ChosenFilters,
  loaded: ReadonlySet<string>,
  more = false,
): { load: SearchPart[]; remaining: number } {
  const candidates = manifest.parts.filter((part) => partMayMatch(part, chosen));
  let budget = Math.max(1, manifest.firstPages);
  if (!more) for (const part of candidates) if (loaded.has(part.id)) budget -= part.pages;
  const load: SearchPart[] = [];
  for (const part of candidates) {
    if (loaded.has(part.id)) continue;
    if (budget <= 0 && !(more && load.length === 0)) break;
    load.push(part);
    budget -= part.pages;
  }
  const remaining = candidates.filter((part) => !loaded.has(part.id) && !load.includes(part)).length;
  return { load, remaining };
}
