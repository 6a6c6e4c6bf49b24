/**
 * The names index: a small index of our own that maps a person's or unit's name, and an
 * announcement's 发文字号, to its page. Pagefind's Chinese word segmentation cannot be trusted
 * with names (the index is cut by jieba, the query by the browser's Intl.Segmenter), so the
 * search looks a query up here first and ranks what it finds ahead of Pagefind's results.
 *
 * The index is split into shards by a hash of the key, so a query fetches one small file per
 * key however large the site: `/search/names/3f0.json`.
 */

/** What a page is, as the `kind` filter says. */
export type PageKind = 'awardee' | 'deed' | 'announcement' | 'roll';

export const PAGE_KINDS: readonly PageKind[] = ['awardee', 'deed', 'announcement', 'roll'];

/** One entry of a shard. Short field names: the shards are downloaded. */
export interface NameEntry {
  /** The lookup key (`nameKey` of the name, or a 发文字号 in GB/T 9704 form). */
  k: string;
  /** The page's URL. */
  u: string;
  /** The page's title. */
  t: string;
  /** The page's kind. */
  c: PageKind;
  /** A line to show under the title: unit, honours or 发文字号. */
  d?: string;
  /** The page's filters, so that filtered searches can keep or drop it. */
  f: Record<string, string[]>;
  /** Pagefind's id for the page, so that its own result for the page is recognised unloaded. */
  p?: string;
}

/** How many shards the names index has: 10,000 deeds (20,000 keys) give shards of about 6 KB. */
export const NAME_SHARDS = 1024;

/**
 * The shard a key lives in, as three hex digits: FNV-1a of the whole key, so that names sharing a
 * first character (every 示例市… unit) spread over the shards. Lookups are by exact key.
 */
export function nameShard(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % NAME_SHARDS).toString(16).padStart(3, '0');
}

/** Kinds in the order the names index ranks them: a person's page before their write-up. */
export const KIND_RANK: Record<PageKind, number> = { awardee: 0, announcement: 1, deed: 2, roll: 3 };
