import { z } from 'astro/zod';

/**
 * One protected term in `content/glossary.yaml`. Script conversion leaves it as the glossary says:
 * people's and places' names are where automatic conversion goes wrong (乾/干, 於/于, 後/后, 鍾/钟).
 */
export const GlossaryTermSchema = z
  .object({
    /** The term in simplified script, as the site shows it: `钟南山`. */
    simplified: z.string().min(1),
    /** The term in traditional script, as the 繁體 variant shows it: `鍾南山`. Default: same as simplified. */
    traditional: z.string().optional(),
    /** Other spellings found in sources that mean this term: `[鐘南山]`. */
    variants: z.array(z.string()).default([]),
    /** `person`, `place`, `unit` or `term`. */
    type: z.enum(['person', 'place', 'unit', 'term']).default('term'),
    note: z.string().optional(),
  })
  .strict();

export const GlossarySchema = z.array(GlossaryTermSchema);

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
