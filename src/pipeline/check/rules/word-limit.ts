/**
 * Rule `word-limit`: count a deed's 字数 the way Microsoft Word does and hold it to its limit.
 * The count goes on `file.data.wordCount` for every deed, so that its page can show
 * "字数 N / 限 M". The limit comes from the deed's own `wordLimit`, else the announcement it
 * answers (resolved across files in `cross-document.ts`), else the site default.
 *
 *   事迹 1,184 字，限 1,000 字  →  error: 事迹材料共 1,184 字，超过 1,000 字的限制（来自 site default）；请删减 184 字
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { countWords, formatCount } from '../../../lib/word-count.ts';
import { visitText, type PointLike, type TextNode } from '../helpers.ts';
import { CHECK_DEFAULTS } from '../data/rules.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'word-limit',
  description: '事迹材料字数不超过限制（按 Word 的字数统计；限制来自事迹、评选通知或网站默认值）',
  fix: '删减到限制以内',
  severity: 'default',
  examples: [
    {
      frontmatter: { wordLimit: 10 },
      body: '她扎根社区二十年，守护居民健康，从不言苦。\n',
      message: '超过 10 字的限制',
    },
    { frontmatter: { wordLimit: 100 }, body: '她扎根社区二十年。\n' },
  ],
});

export type LimitSource = 'frontmatter' | 'announcement' | 'default';

/** What `file.data.wordCount` holds. */
export interface WordCountData {
  /** 字数, as Word counts it. */
  words: number;
  /** 字符数, spaces excluded. */
  characters: number;
  /** The limit that applies, in 字. */
  limit: number;
  /** `min`, `max` or `approx` (左右). */
  limitKind: 'max' | 'min' | 'approx';
  /** Where the limit comes from. */
  limitSource: LimitSource;
  /** For a limit from an announcement: its id and document number. */
  limitFrom?: string;
}

declare module 'vfile' {
  interface DataMap {
    wordCount: WordCountData;
  }
}

export interface Options {
  /** The limit when neither the deed nor its announcement gives one. */
  defaultLimit?: number;
}

const defaults: Required<Options> = Object.freeze({ defaultLimit: CHECK_DEFAULTS.wordLimit });

/** The text of the body as Word sees it: one paragraph per text-bearing block. */
export function bodyText(tree: Root): string {
  const parts: string[] = [];
  visitText(tree, (node) => parts.push(node.value));
  return parts.join('\n');
}

/** The point of the first 字 over `limit`, for the message's position. */
export function overflowPoint(tree: Root, limit: number): PointLike | undefined {
  let total = 0;
  let found: PointLike | undefined;
  visitText(tree, (node: TextNode) => {
    if (found) return;
    const words = countWords(node.value).words;
    if (total + words > limit) found = node.position?.start;
    total += words;
  });
  return found;
}

export function remarkCheckWordLimit(options: Options = {}) {
  const { defaultLimit } = { ...defaults, ...options };
  return (tree: Root, file: VFile) => {
    if (file.data.collection !== 'deeds') return;
    const frontmatter = (file.data.frontmatter ?? {}) as { wordLimit?: unknown; announcement?: unknown };
    const { words, characters } = countWords(bodyText(tree));
    const own = typeof frontmatter.wordLimit === 'number' ? frontmatter.wordLimit : undefined;
    const count: WordCountData = {
      words,
      characters,
      limit: own ?? defaultLimit,
      limitKind: 'max',
      limitSource: own !== undefined ? 'frontmatter' : 'default',
    };
    file.data.wordCount = count;
    // A deed that answers an announcement gets its limit in the cross-file checks.
    if (own === undefined && typeof frontmatter.announcement === 'string') return;
    checkWordLimit(file, count, {
      overflow: (limit) => overflowPoint(tree, limit),
      fallback: () => ({ line: 1, column: 1 }),
    });
  };
}

/** Where a word-limit message goes: computed only when there is a message to place. */
export interface WordLimitPlaces {
  /** The point of the first 字 over `limit`, in the file. */
  overflow(limit: number): PointLike | undefined;
  /** Where to report when there is no such point (a count under a minimum). */
  fallback(): PointLike;
}

/** Report a count outside its limit, at the first 字 over it. */
export function checkWordLimit(file: VFile, count: WordCountData, places: WordLimitPlaces): void {
  const source = describeSource(count);
  const { words, limit } = count;
  if (count.limitKind === 'min') {
    if (words >= limit) return;
    rule.report(
      file,
      `事迹材料共 ${formatCount(words)} 字，少于 ${formatCount(limit)} 字的要求（来自${source}）；请补充 ${formatCount(limit - words)} 字`,
      {
        place: places.fallback(),
        fatal: true,
      },
    );
    return;
  }
  const ceiling = count.limitKind === 'approx' ? Math.round(limit * 1.2) : limit;
  if (words <= ceiling) return;
  const place = places.overflow(ceiling) ?? places.fallback();
  if (count.limitKind === 'approx') {
    rule.report(
      file,
      `事迹材料共 ${formatCount(words)} 字，明显多于“${formatCount(limit)} 字左右”的要求（来自${source}）；请删减到 ${formatCount(ceiling)} 字以内`,
      {
        place,
        fatal: false,
      },
    );
    return;
  }
  rule.report(
    file,
    `事迹材料共 ${formatCount(words)} 字，超过 ${formatCount(limit)} 字的限制（来自${source}）；请删减 ${formatCount(words - limit)} 字`,
    {
      place,
      fatal: true,
    },
  );
}

function describeSource(count: WordCountData): string {
  if (count.limitSource === 'frontmatter') return '本文 frontmatter 的 wordLimit';
  if (count.limitSource === 'announcement') return ` ${count.limitFrom ?? '评选通知'}`;
  return '网站默认限制，可在 frontmatter 写 wordLimit 或 announcement 修改';
}
