/**
 * Building blocks shared by the content schemas.
 *
 * Every schema here is plain zod (through `astro/zod`) so that the same
 * definitions validate frontmatter in the Astro build, in `deeds check` and in
 * tests. Messages are written for editors, in Chinese.
 */
import { z } from 'astro/zod';

/** A calendar date written as `YYYY-MM-DD`, e.g. `2023-01-04`. Impossible dates (2月30日) are rejected. */
export const IsoDateSchema = z
  .string({ error: '日期应写成 YYYY-MM-DD 形式，如 2023-01-04' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写成 YYYY-MM-DD 形式，如 2023-01-04' })
  .refine(isRealDate, { error: '日期不存在（例如 2 月没有 30 日），请核对原文' });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** A year such as 2022 (评选年度 or 表彰年度). */
export const YearSchema = z
  .number({ error: '年份应为四位数字，如 2022' })
  .int({ error: '年份应为整数，如 2022' })
  .min(1949, { error: '年份应在 1949 年之后' })
  .max(2100, { error: '年份应在 2100 年之前' });

/** Whether an honour goes to a person (个人) or to a unit (集体/单位). */
export const SubjectTypeSchema = z.enum(['person', 'unit'], {
  error: '类型只能是 person（个人）或 unit（集体/单位）',
});

/** A word limit stated by a notice, e.g. 事迹材料1000字以内 → `{ limit: 1000, kind: max, appliesTo: 事迹材料 }`. */
export const WordLimitSchema = z
  .object({
    /** The number of 字 (counted the way Microsoft Word counts), e.g. `1000`. */
    limit: z.number().int().positive({ error: '字数限制应为正整数，如 1000' }),
    /** `max` (以内/不超过), `min` (不少于) or `approx` (左右). Default `max`. */
    kind: z.enum(['max', 'min', 'approx']).default('max'),
    /** What the limit applies to, as the notice says it: `事迹材料`, `典型事迹`. */
    appliesTo: z.string().nullable().default(null),
  })
  .strict();

/**
 * Whether `value` is an absolute `http:` or `https:` URL with a host, and nothing a browser would read
 * differently: no white space or control characters (`java\tscript:`), no backslashes, no other scheme
 * (`javascript://host/%0a…`, `data:`, `vbscript:`), not protocol-relative (`//host`).
 */
export function isHttpUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s\\/?#]/i.test(value) || /[\s\x00-\x1f\x7f\\]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A web address: `http:` or `https:` only. `field` names it in the message, e.g. `来源网址（source.url）`. */
export function httpUrlSchema(field: string) {
  const error = `${field}只能是以 http:// 或 https:// 开头的网址（不能用 javascript:、data: 等协议，也不能省略协议）`;
  return z.string({ error }).refine(isHttpUrl, { error });
}

/** Where an entry came from, so that nothing is ever lost. Filled in by `deeds import`. */
export const SourceSchema = z
  .object({
    /** The web page it was taken from, e.g. `https://wjw.example.gov.cn/…`. */
    url: httpUrlSchema('来源网址（source.url）').optional(),
    /** The original file kept beside the entry, e.g. `original.docx`. */
    file: z.string().optional(),
    /** The sha256 of the original file, written by `deeds import`. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { error: 'sha256 应为 64 位十六进制' })
      .optional(),
    /** The day it was imported, `YYYY-MM-DD`. */
    importedAt: IsoDateSchema.optional(),
    /** The original file's character encoding, as detected on import (`UTF-8`, `GB18030`, `Big5`). */
    encoding: z.string().optional(),
    /**
     * Other originals of the same document, imported together with it (the notice as `.doc` and as
     * `.pdf`), each archived with its sha256: `[{ file: archive/originals/…/tongzhi.original-2.pdf, sha256: … }]`.
     * Default none.
     */
    also: z
      .array(
        z
          .object({
            /** Where this original is archived, from the project root. */
            file: z.string(),
            /** Its sha256. */
            sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'sha256 应为 64 位十六进制' }),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** A reference to another entry by its id: the path under its collection without `.mdx`, e.g. `2023/wujin-xianjin-tongzhi`. */
export const EntryIdSchema = z
  .string({ error: '引用应为条目编号，如 2023/shifan-xianjin-tongzhi' })
  .regex(/^[0-9a-z][0-9a-z/_-]*$/, {
    error: '条目编号只能包含小写字母、数字、-、_ 和 /，如 2023/shifan-xianjin-tongzhi',
  });
