/**
 * The content collections: announcements (评选通知、表彰决定、公示), rolls (表彰名单) and
 * deeds (事迹材料), each validated by its schema in `src/model/schemas/` and processed by the
 * pipeline in `src/pipeline/` through one loader.
 */
import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { documentLoader } from './model/loader.ts';
import { AnnouncementSchema, DeedSchema, PhotoSchema, RollSchema } from './model/schemas/index.ts';

const announcements = defineCollection({
  loader: documentLoader('announcements'),
  schema: AnnouncementSchema,
});

const rolls = defineCollection({
  loader: documentLoader('rolls'),
  schema: RollSchema,
});

/** A deed's photos with `src` resolved by Astro's image pipeline (an image import), through the entry's own `image()`. */
const photosSchema = (image: SchemaContext['image']) => z.array(PhotoSchema.extend({ src: image() }));
type Photos = z.output<ReturnType<typeof photosSchema>>;

const deeds = defineCollection({
  loader: documentLoader('deeds'),
  // Astro calls this once per entry. The deed's schema is built once; only a deed with photos builds the
  // part that needs the entry's `image()` (extending the whole schema per entry cost about a second of
  // a 10,000-deed build). Photos are optimised by Astro's image pipeline: `src` becomes an image import.
  schema: ({ image }) =>
    DeedSchema.transform(async (deed, context) => {
      if (deed.photos.length === 0) return { ...deed, photos: [] as Photos };
      const photos = await photosSchema(image).safeParseAsync(deed.photos);
      if (photos.success) return { ...deed, photos: photos.data };
      for (const issue of photos.error.issues) {
        context.addIssue({ code: 'custom', message: issue.message, path: ['photos', ...issue.path] });
      }
      return z.NEVER;
    }),
});

export const collections = { announcements, rolls, deeds };
