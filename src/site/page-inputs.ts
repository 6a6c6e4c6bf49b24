/**
 * What a write-up's page and an awardee's page show besides their own entry, computed in one place
 * for the page and for its cache key. Astro's incremental build (`experimental.incrementalBuild`)
 * skips a page whose `cacheKey` (from `getStaticPaths`) is the one of the previous build, so the key
 * must cover everything the page renders: it is the digest of these inputs, with the entries named
 * by their digests (data and body). A page reads nothing else of the content, so a key that has not
 * changed means a page that would come out byte for byte the same (test/integrations/incremental-build.test.ts).
 *
 *   cacheKey: pageKey(deedInputs(content, entry))
 *
 * Pages with photos get no key and are always rendered: an image file can change under the same entry.
 */
import { createHash } from 'node:crypto';
import { siteIdentity } from '../model/site-config.ts';
import { summaryOf } from '../lib/deed-summary.ts';
import { pageShareImage } from './og-share.ts';
import { relatedTo, type Related } from './related.ts';
import { unitHref, type Honour, type Person } from './site-data.ts';
import type { AnnouncementEntry, DeedEntry, RollEntry, SiteContent } from './site-content.ts';

/** Bump when a page starts to show something these inputs do not cover. */
const KEY_VERSION = 'page-inputs-1';

export interface DeedInputs {
  entry: DeedEntry;
  honour: Honour | undefined;
  roll: RollEntry | undefined;
  announcement: AnnouncementEntry | undefined;
  /** The roll's year (表彰年度) when the deed is on one. */
  year: number;
  prev: DeedEntry | undefined;
  next: DeedEntry | undefined;
  subjectHref: string | undefined;
  unitLink: string | undefined;
  related: Related | undefined;
  /** The share picture's path; asking for it registers the card with the build (og-images). */
  image: string | undefined;
}

const deedMemo = new WeakMap<DeedEntry, DeedInputs>();

export function deedInputs(content: SiteContent, entry: DeedEntry): DeedInputs {
  const known = deedMemo.get(entry);
  if (known) return known;
  const { rollById, announcementById, deedById, index } = content;
  const { data } = entry;
  const honour = index.honourByDeed.get(entry.id);
  const roll = data.roll ? rollById.get(data.roll) : honour ? rollById.get(honour.rollId) : undefined;
  const announcement = data.announcement ? announcementById.get(data.announcement) : undefined;
  // One year on the page: the roll's (表彰年度) when the deed is on one; `deeds check` reports a deed that disagrees.
  const year = roll?.data.year ?? data.year;
  const neighbours = index.deedNeighbours.get(entry.id) ?? {};
  const summary = summaryOf(entry);
  const inputs: DeedInputs = {
    entry,
    honour,
    roll,
    announcement,
    year,
    prev: neighbours.prev ? deedById.get(neighbours.prev) : undefined,
    next: neighbours.next ? deedById.get(neighbours.next) : undefined,
    subjectHref: honour?.href ?? (data.subject.type === 'unit' ? unitHref(index, data.subject.name) : undefined),
    unitLink: unitHref(index, data.unit),
    related: honour ? relatedTo(index, honour) : undefined,
    image: pageShareImage(
      {
        kicker: `${year}年度 · ${honour?.category ?? data.honours[0] ?? '先进事迹'}`,
        title: data.title,
        lines: [
          [data.subject.name, data.subject.type === 'person' ? data.unit : undefined].filter(Boolean).join(' · '),
          ...(summary ? [summary] : []),
        ],
        site: siteIdentity().name,
      },
      siteIdentity(),
      content.sharePages,
    ),
  };
  deedMemo.set(entry, inputs);
  return inputs;
}

export interface AwardeeInputs {
  person: Person;
  namesakes: Person[];
  /** The person's write-ups, newest first. */
  deeds: DeedEntry[];
  lede: string | undefined;
  /** The honour the related awardees are found through: the newest. */
  newest: Honour;
  related: Related;
  image: string | undefined;
}

const awardeeMemo = new WeakMap<Person, AwardeeInputs>();

export function awardeeInputs(content: SiteContent, person: Person): AwardeeInputs {
  const known = awardeeMemo.get(person);
  if (known) return known;
  const { index, deedById } = content;
  const deeds = [...new Set(person.deedIds)].map((id) => deedById.get(id)!).filter(Boolean);
  // The newest write-up's one line stands under the name; with several write-ups each keeps its own in the list.
  deeds.sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id));
  const lede = deeds[0] ? summaryOf(deeds[0]) : undefined;
  const newest = [...person.honours].sort((a, b) => b.date.localeCompare(a.date))[0]!;
  const inputs: AwardeeInputs = {
    person,
    namesakes: (index.namesakes.get(person.name) ?? []).filter((p) => p !== person),
    deeds,
    lede,
    newest,
    related: relatedTo(index, newest),
    image: pageShareImage(
      {
        kicker: `${newest.year}年度 · ${newest.category}`,
        title: person.name,
        lines: [person.unit ?? '单位不详', ...(lede ? [lede] : [])],
        site: siteIdentity().name,
      },
      siteIdentity(),
      content.sharePages,
    ),
  };
  awardeeMemo.set(person, inputs);
  return inputs;
}

/** An entry as a key names it: its id and digest (its data and rendered body). */
function named(entry: { id: string; digest?: string | number | undefined } | undefined): unknown {
  return entry && { id: entry.id, digest: entry.digest ?? null };
}

/** A page's cache key, or `undefined` (always rendered) for a page with photos. */
export function deedPageKey(inputs: DeedInputs): string | undefined {
  if (inputs.entry.data.photos.length > 0) return undefined;
  const { entry, roll, announcement, prev, next, ...rest } = inputs;
  return pageKey({
    entry: named(entry),
    roll: named(roll),
    announcement: named(announcement),
    prev: prev && { id: prev.id, name: prev.data.subject.name },
    next: next && { id: next.id, name: next.data.subject.name },
    ...rest,
  });
}

export function awardeePageKey(inputs: AwardeeInputs): string | undefined {
  if (inputs.deeds.some((deed) => deed.data.photos.length > 0)) return undefined;
  const { namesakes, deeds, ...rest } = inputs;
  return pageKey({
    namesakes: namesakes.map((p) => ({ slug: p.slug, name: p.name, unit: p.unit, honours: p.honours.length })),
    deeds: deeds.map(named),
    ...rest,
  });
}

/** The digest of a page's inputs and of what every page shows (the site's identity in content/site.yaml). */
function pageKey(inputs: unknown): string {
  return createHash('sha256')
    .update(KEY_VERSION)
    .update(JSON.stringify(siteIdentity()))
    .update(JSON.stringify(inputs))
    .digest('base64url');
}
