/**
 * The one place the pages read the collections: every collection loaded once, the site index
 * built once per build (memoised), shared by all pages' `getStaticPaths` and renders.
 * This is the only helper in `src/lib/` that imports Astro.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { join } from 'node:path';
import { loadRegistries } from '../model/registries.ts';
import { siteToday } from './site-dates.ts';
import { buildSiteIndex, type SiteIndex } from './site-data.ts';
import type { GlossaryTerm } from '../model/schemas/glossary.ts';

export type AnnouncementEntry = CollectionEntry<'announcements'>;
export type RollEntry = CollectionEntry<'rolls'>;
export type DeedEntry = CollectionEntry<'deeds'>;

export interface SiteContent {
  announcements: AnnouncementEntry[];
  rolls: RollEntry[];
  deeds: DeedEntry[];
  announcementById: Map<string, AnnouncementEntry>;
  rollById: Map<string, RollEntry>;
  deedById: Map<string, DeedEntry>;
  glossary: GlossaryTerm[];
  index: SiteIndex;
  /** Pages that carry a share picture: awardees, honoured units, write-ups (`pageShareImage`). */
  sharePages: number;
}

let memo: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
  // The dev server reloads content as editors save: there, compute afresh for each page.
  if (import.meta.env?.DEV) return load();
  memo ??= load();
  return memo;
}

const byDateDesc = (a: { id: string; data: { date: string } }, b: { id: string; data: { date: string } }) =>
  b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);

async function load(): Promise<SiteContent> {
  const [announcements, rolls, deeds] = await Promise.all([
    getCollection('announcements'),
    getCollection('rolls'),
    getCollection('deeds'),
  ]);
  announcements.sort(byDateDesc);
  rolls.sort(byDateDesc);
  deeds.sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id));
  const registries = loadRegistries(join(process.cwd(), 'content'));
  const index = buildSiteIndex({ announcements, rolls, deeds, units: registries.units, today: siteToday() });
  return {
    announcements,
    rolls,
    deeds,
    announcementById: new Map(announcements.map((e) => [e.id, e])),
    rollById: new Map(rolls.map((e) => [e.id, e])),
    deedById: new Map(deeds.map((e) => [e.id, e])),
    glossary: registries.glossary,
    index,
    sharePages: index.people.length + index.units.filter((unit) => unit.honours.length > 0).length + deeds.length,
  };
}
