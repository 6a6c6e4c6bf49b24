import { z } from 'astro/zod';
import { EntryIdSchema, IsoDateSchema, SourceSchema, SubjectTypeSchema, YearSchema } from './common.ts';

/**
 * One awardee in a roll: a person with their unit, or a unit.
 * There is deliberately no field for 性别, 年龄, 出生年月, 民族, 政治面貌, 身份证号 or 电话:
 * private data cannot be published by mistake.
 */
export const AwardeeSchema = z
  .object({
    /** A person's full name (`李静`) or, for a unit, the unit's name (`示例市第一人民医院`). */
    name: z.string().min(1, { error: '获奖者姓名或单位名称不能为空' }),
    /** A person's unit, as in `content/units.yaml`: `示例市第一人民医院`. Leave out for a unit awardee. */
    unit: z.string().optional(),
    /** The person's post or title as printed in the roll (`护士长`), optional. */
    post: z.string().optional(),
  })
  .strict();

/** A category of the roll with its awardees, e.g. 先进个人 (63名). */
export const RollCategorySchema = z
  .object({
    /** The category as printed: `先进个人`, `标杆医院`, `"左英护理奖"特别奖`. */
    name: z.string().min(1, { error: '类别名称不能为空' }),
    /** Whether the category honours people (`person`) or units (`unit`). Default `person`. */
    subjectType: SubjectTypeSchema.default('person'),
    /** The count the document declares (`(63名)`), if any; checked against the list. */
    declaredCount: z.number().int().nonnegative().optional(),
    awardees: z.array(AwardeeSchema).min(1, { error: '每个类别至少要有一名获奖者' }),
  })
  .strict();

/** Frontmatter of an honour roll (`content/rolls/<year>/<slug>.mdx`): 表彰名单. */
export const RollSchema = z
  .object({
    /** The roll's title: `2022年度全区卫生健康系统先进单位和先进个人名单`. */
    title: z.string().min(1, { error: '标题不能为空' }),
    /** The id of the decision (表彰决定) this roll belongs to, e.g. `2023/shifan-biaozhang-jueding`. */
    decision: EntryIdSchema.optional(),
    /** The issuing body, as in `content/units.yaml`. */
    issuer: z.string().min(1, { error: '发文机关不能为空' }),
    /** The year the honours are for (表彰年度): `2022`. */
    year: YearSchema,
    /** The date the honours were conferred, `YYYY-MM-DD`. */
    date: IsoDateSchema,
    categories: z.array(RollCategorySchema).min(1, { error: '名单至少要有一个类别' }),
    source: SourceSchema.optional(),
  })
  .strict();

export type Roll = z.infer<typeof RollSchema>;
export type Awardee = z.infer<typeof AwardeeSchema>;
