import { z } from 'astro/zod';

/** One unit in `content/units.yaml`, with the other names it goes by. */
export const UnitSchema = z
  .object({
    /** A stable id in lowercase pinyin: `shifan-renmin-yiyuan`. */
    id: z.string().regex(/^[a-z0-9-]+$/, { error: '单位编号只能包含小写字母、数字和 -' }),
    /** The full official name: `示例市第一人民医院`. */
    name: z.string().min(1),
    /** Other names in use: `[市一院, 示例一院]`. Default none. */
    aliases: z.array(z.string()).default([]),
    /** What kind of unit: `issuer` (an authority that issues notices) or `institution`. Default `institution`. */
    type: z.enum(['issuer', 'institution']).default('institution'),
    /** The id of the unit it belongs to, if any. */
    parent: z.string().optional(),
    /**
     * The area the unit serves, for the statistics page (按地区): `东湖区`. Units without one take their
     * parent's, so it is written once on a district's bureau. Default: none (统计为“未注明地区”).
     */
    region: z.string().trim().min(1, { error: '地区（region）不能为空；不填时删去这一行' }).optional(),
  })
  .strict();

/** `content/units.yaml`: a list of units. */
export const UnitRegistrySchema = z.array(UnitSchema);

export type Unit = z.infer<typeof UnitSchema>;
