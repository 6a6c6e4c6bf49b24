/**
 * The content collections: announcements (评选通知、表彰决定、公示), rolls (表彰名单) and
 * deeds (事迹材料), each validated by its schema in `src/schemas/` and processed by the
 * pipeline in `src/pipeline/` through one loader.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { documentLoader } from './loaders/document-loader.ts';
import { AnnouncementSchema, DeedSchema, PhotoSchema, RollSchema } from './schemas/index.ts';

const announcements = defineCollection({
  loader: documentLoader('announcements'),
  schema: AnnouncementSchema,
});

const rolls = defineCollection({
  loader: documentLoader('rolls'),
  schema: RollSchema,
});

const deeds = defineCollection({
  loader: documentLoader('deeds'),
  // Photos are optimised by Astro's image pipeline: `src` becomes an image import.
  schema: ({ image }) =>
    DeedSchema.extend({
      photos: z.array(PhotoSchema.extend({ src: image() })).default([]),
    }),
});

export const collections = { announcements, rolls, deeds };
