import { z } from 'astro/zod';
import {
  EntryIdSchema,
  IsoDateSchema,
  SourceSchema,
  SubjectTypeSchema,
  WordLimitSchema,
  YearSchema,
} from './common.ts';

/** The kinds of announcement: 评选通知 (call for nominations), 表彰决定 (decision), 公示 (public notice before a decision). */
export const AnnouncementKindSchema = z.enum(['notice', 'decision', 'publicity'], {
  error: '公告类型只能是 notice（评选通知）、decision（表彰决定）或 publicity（公示）',
});

/** An award category with its quota, e.g. 先进个人 63 名. */
export const AwardCategorySchema = z
  .object({
    /** The category's name as printed: `先进单位`, `标杆医院`, `优秀个人`. */
    name: z.string().min(1, { error: '类别名称不能为空' }),
    /** How many may be honoured (名额), if the notice says: `8`. */
    quota: z.number().int().nonnegative().optional(),
    /** Whether the category honours people or units. Default `person`. */
    subjectType: SubjectTypeSchema.default('person'),
  })
  .strict();

/** One row of a quota table (名额分配表): a unit and its numbers, one per category column. */
export const QuotaRowSchema = z
  .object({
    /** The unit or group of units: `武进人民医院`, `南片卫生院（雪堰、漕桥…）`. */
    unit: z.string().min(1),
    /** One number per column of the table, `null` for an empty or merged cell. */
    counts: z.array(z.number().int().nonnegative().nullable()),
    /** Sub-allocations stated in words, e.g. `{ 雪堰: 2, 五院: 2 }`, for the column they refine. */
    subAllocations: z.record(z.string(), z.number().int().nonnegative()).optional(),
    /** Which column `subAllocations` refine (0-based). Default: the last column. */
    subAllocationColumn: z.number().int().nonnegative().optional(),
    /** Merged cells: the number for a group of rows, stated once, e.g. `{ column: 0, rows: 6, count: 3 }`. */
    merged: z
      .array(
        z
          .object({
            column: z.number().int().nonnegative(),
            rows: z.number().int().positive(),
            count: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .optional(),
    /** A note printed under the row. */
    note: z.string().optional(),
  })
  .strict();

/** A quota table such as 附件1 名额分配表. */
export const QuotaTableSchema = z
  .object({
    /** The table's caption: `2022年度全区卫生健康系统先进单位和先进个人评选名额分配表`. */
    caption: z.string(),
    /** Column headers after the unit column: `[先进单位名额, 先进个人推荐名额]`. */
    columns: z.array(z.string()).min(1),
    rows: z.array(QuotaRowSchema).min(1),
    /** The 合计 row as printed, one number per column. */
    total: z.array(z.number().int().nonnegative().nullable()).optional(),
  })
  .strict();

/** A phase of the process: `活动开展阶段`, 2021-05 to 2021-08-31. */
export const PhaseSchema = z
  .object({
    name: z.string().min(1),
    /** `YYYY-MM-DD` or `YYYY-MM` when the notice gives only a month. */
    start: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .nullable()
      .default(null),
    end: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .nullable()
      .default(null),
  })
  .strict();

/** A 公示 period: from when to when objections are taken, and where to send them. */
export const PublicityPeriodSchema = z
  .object({
    start: IsoDateSchema,
    end: IsoDateSchema,
    /** Where to send objections (an office, an address or a public phone line of the office). */
    contact: z.string().optional(),
  })
  .strict();

/**
 * Frontmatter of an announcement (`content/announcements/<year>/<slug>.mdx`):
 * 评选通知, 表彰决定 or 公示, with the elements of GB/T 9704-2012.
 */
export const AnnouncementSchema = z
  .object({
    /** 评选通知 `notice`, 表彰决定 `decision` or 公示 `publicity`. */
    kind: AnnouncementKindSchema,
    /** The title as printed: `关于开展2022年度全区卫生健康系统先进单位和先进个人评选活动的通知`. */
    title: z.string().min(1, { error: '标题不能为空' }),
    /** 发文字号 in GB/T 9704 form: `武卫字〔2023〕4号`. Leave out if the document has none. */
    docNumber: z.string().optional(),
    /** The issuing body (发文机关), as in `content/units.yaml`: `示例市卫生健康委员会`. */
    issuer: z.string().min(1, { error: '发文机关不能为空' }),
    /** 成文日期, `YYYY-MM-DD`: `2023-01-04`. */
    date: IsoDateSchema,
    /** 主送机关, one per item: `[各直属医疗卫生单位, 各镇（街道）卫生院]`. Default none. */
    recipients: z.array(z.string()).default([]),
    /** The year being evaluated (评选年度), e.g. `2022` for 2022年度. */
    evaluationYear: YearSchema.optional(),
    /** Award categories with their quotas. Default none. */
    categories: z.array(AwardCategorySchema).default([]),
    /** Quota tables (名额分配表), checked to add up. */
    quotaTables: z.array(QuotaTableSchema).default([]),
    /** Word limits for write-ups, e.g. `[{ limit: 1000, kind: max, appliesTo: 事迹材料 }]`. */
    wordLimits: z.array(WordLimitSchema).default([]),
    /** 截止日期 for submissions, `YYYY-MM-DD`. */
    deadline: IsoDateSchema.optional(),
    /** Phases with their dates. */
    phases: z.array(PhaseSchema).default([]),
    /** 附件 titles, in order. */
    attachments: z.array(z.string()).default([]),
    /** 附注 such as `此件公开发布`. */
    publicity: z.string().optional(),
    /** For a 公示: the period in which objections are taken. */
    publicityPeriod: PublicityPeriodSchema.optional(),
    /** 印发机关: `常州市武进区卫生健康局办公室`. */
    printedBy: z.string().optional(),
    /** 印发日期, `YYYY-MM-DD`. */
    printedDate: IsoDateSchema.optional(),
    /** For a decision or 公示: the id of the notice it follows, e.g. `2023/shifan-xianjin-tongzhi`. */
    notice: EntryIdSchema.optional(),
    /** Where the announcement came from. */
    source: SourceSchema.optional(),
  })
  .strict();

export type Announcement = z.infer<typeof AnnouncementSchema>;
