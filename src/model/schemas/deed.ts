import { z } from 'astro/zod';
import { EntryIdSchema, SourceSchema, SubjectTypeSchema, YearSchema } from './common.ts';

/** A photo of the deed, stored beside the entry, with its alt text and caption (图片说明). */
export const PhotoSchema = z
  .object({
    /** The image file beside the entry: `./photo-1.jpg`. */
    src: z.string().min(1),
    /** What the photo shows, for readers who cannot see it: `李静在社区为老人测量血压`. Required. */
    alt: z.string().min(1, { error: '图片必须有替代文字（alt），说明图片内容' }),
    /** The caption printed under the photo (图片说明). */
    caption: z.string().optional(),
  })
  .strict();

/** Who the write-up is about. */
export const SubjectSchema = z
  .object({
    /** The person's full name or the unit's name: `李静`, `示例市疾病预防控制中心`. */
    name: z.string().min(1, { error: '事迹主体（姓名或单位名称）不能为空' }),
    /** `person` (个人) or `unit` (集体/单位). */
    type: SubjectTypeSchema,
  })
  .strict();

/**
 * Frontmatter of a write-up (`content/deeds/<year>/<slug>.mdx`): 先进事迹材料.
 * There is no field for private data (性别, 年龄, 出生年月, 民族, 政治面貌, 身份证号, 电话).
 */
export const DeedSchema = z
  .object({
    /** The write-up's title: `扎根社区二十年的健康守门人——记李静同志`. */
    title: z.string().min(1, { error: '标题不能为空' }),
    subject: SubjectSchema,
    /** The person's unit (for a unit subject, its parent or leave out): `示例市第一人民医院`. */
    unit: z.string().optional(),
    /** Honours conferred, as printed, in simplified script: `[示例市卫生健康系统先进个人]`. Default none. */
    honours: z.array(z.string()).default([]),
    /** The year the honour is for: `2022`. */
    year: YearSchema,
    /**
     * One line for lists and the awardee page (表彰理由、事迹摘要), at most 100 字:
     * `十一年扎根社区，把家庭医生签约服务做进4100多户居民家中`. Default: the write-up's first sentence,
     * cut at a comma when it runs over 80 字.
     */
    summary: z
      .string()
      .trim()
      .min(1, { error: '摘要（summary）不能为空；不写摘要时删去这一行，页面会取正文第一句' })
      .max(100, { error: '摘要（summary）最多 100 字，写一句话即可' })
      .optional(),
    /** The id of the roll naming the subject: `2023/shifan-2022-xianjin-mingdan`. */
    roll: EntryIdSchema.optional(),
    /** The id of the notice that asked for this write-up; its word limit applies. */
    announcement: EntryIdSchema.optional(),
    /** A word limit for this write-up alone, overriding the notice's (字, as Word counts). */
    wordLimit: z.number().int().positive({ error: '字数限制应为正整数，如 1000' }).optional(),
    /** Photos with alt text and captions. Default none. */
    photos: z.array(PhotoSchema).default([]),
    source: SourceSchema.optional(),
  })
  .strict();

export type Deed = z.infer<typeof DeedSchema>;
