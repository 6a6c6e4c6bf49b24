/**
 * Query patterns for search, as data: each with an id and an example of what it matches.
 * Used in the browser (query normalisation) and at build time (the names index), so that both
 * sides fold text the same way.
 */

export interface QueryPattern {
  /** A kebab-case id, for tests and messages. */
  id: string;
  pattern: RegExp;
  /** A query this pattern matches. */
  example: string;
}

/**
 * A 发文字号 in any form people type: 武卫字〔2023〕4号, 武卫字[2023]4号, 武卫字（2023）第4号,
 * 武卫字2023年4号. Groups: agency code, year, serial. Applied after NFKC, so full-width
 * brackets and digits are already ASCII. Anchored: the whole (space-free) query is the number.
 */
export const DOC_NUMBER_QUERY: QueryPattern = Object.freeze({
  id: 'doc-number-query',
  pattern:
    /^(\p{Script=Han}[\p{Script=Han}A-Za-z]{0,11}?)(?:[〔[【(﹝〖{<]((?:19|20|21)\d{2})[〕\]】)﹞〗}>]|((?:19|20|21)\d{2})年?)第?0*(\d{1,5})[号號]$/u,
  example: '武卫字2023年4号',
});

/** The same, unanchored: a document number inside a longer query (`武卫字[2023]4号 名单`). */
export const DOC_NUMBER_IN_QUERY: QueryPattern = Object.freeze({
  id: 'doc-number-in-query',
  pattern:
    /(\p{Script=Han}[\p{Script=Han}A-Za-z]{0,11}?)(?:[〔[【(﹝〖{<]((?:19|20|21)\d{2})[〕\]】)﹞〗}>]|((?:19|20|21)\d{2})年)第?0*(\d{1,5})[号號]/gu,
  example: '武卫字[2023]4号 名单',
});

/** Whitespace between two Han characters is padding (李 静, 张  三), not a word break. */
export const HAN_PADDING: QueryPattern = Object.freeze({
  id: 'han-padding',
  pattern: /(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu,
  example: '李 静',
});

/** Separators inside names that people type or leave out: 阿依古丽·买买提, 阿依古丽•买买提. */
export const NAME_SEPARATORS: QueryPattern = Object.freeze({
  id: 'name-separators',
  pattern: /[\s\u3000·•・‧.\-－—_]+/gu,
  example: '阿依古丽·买买提',
});

/**
 * Function words that would be on every page of Pagefind's index (的 alone ~37 places per
 * write-up of the bench corpus, 在 and 了 ~20), each the longest posting list of its index chunk.
 * The index keeps them joined to the Han word before them (`segment.ts`: 医院的), and a Pagefind
 * query that has other words leaves them out; the remaining words still match the same pages.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([...'的了和与及在是为对把被将地得着之其等也都并而或']);
