/**
 * Related awardees for an awardee's or a write-up's page: others named in the same category of the
 * same roll (同获此荣誉), and other honoured people of the same unit (同单位). Each list is bounded
 * (`RELATED_LIMIT`) and starts just after the page's own subject, wrapping round, so that on a roll of
 * thousands every name is linked from its neighbours' pages rather than all pages linking the first few.
 */
import type { Honour, SiteIndex } from './site-data.ts';

export const RELATED_LIMIT = 6;

export interface RelatedItem {
  name: string;
  href: string;
  /** A person's unit, or nothing for a unit. */
  unit?: string | undefined;
}

export interface RelatedList {
  items: RelatedItem[];
  /** How many there are in all, the page's own subject excluded. */
  total: number;
  /** Where the whole list is: the roll, or the unit's page. */
  moreHref: string;
}

export interface Related {
  sameHonour?: RelatedList | undefined;
  sameUnit?: RelatedList | undefined;
}

/** A category of a roll: one honour per subject (a roll may name a person twice), and where each stands. */
interface Peers {
  honours: Honour[];
  at: Map<string, number>;
}

/** Peers by roll and category, built once per index: every page of a roll of thousands reads them. */
const byCategory = new WeakMap<SiteIndex, Map<string, Peers>>();

function categoryPeers(index: SiteIndex, honour: Honour): Peers {
  let map = byCategory.get(index);
  if (!map) {
    const grouped = new Map<string, Map<string, Honour>>();
    for (const h of index.honours) {
      const key = `${h.rollId}#${h.category}`;
      let subjects = grouped.get(key);
      if (!subjects) grouped.set(key, (subjects = new Map()));
      subjects.set(h.href, h); // first place, last entry: as a Map of the list would
    }
    map = new Map();
    for (const [key, subjects] of grouped) {
      const honours = [...subjects.values()];
      map.set(key, { honours, at: new Map(honours.map((h, i) => [h.href, i])) });
    }
    byCategory.set(index, map);
  }
  return map.get(`${honour.rollId}#${honour.category}`) ?? { honours: [], at: new Map() };
}

/** Up to `limit` of `list` after the element at `at`, wrapping round, without it. */
function after<T>(list: readonly T[], at: number, limit: number): T[] {
  const out: T[] = [];
  for (let step = 1; step < list.length && out.length < limit; step++) out.push(list[(at + step) % list.length]!);
  return out;
}

export function relatedTo(index: SiteIndex, honour: Honour, limit = RELATED_LIMIT): Related {
  const { honours: peers, at: positions } = categoryPeers(index, honour);
  const at = positions.get(honour.href) ?? -1;
  const sameHonour: RelatedList | undefined =
    peers.length > 1
      ? {
          items: after(peers, at, limit).map((h) => ({ name: h.name, href: h.href, unit: h.unit })),
          total: peers.length - 1,
          moreHref: `/rolls/${honour.rollId}/`,
        }
      : undefined;

  let sameUnit: RelatedList | undefined;
  const unitSlug = honour.subjectType === 'person' && honour.unit ? index.unitSlugByName.get(honour.unit) : undefined;
  const unit = unitSlug ? index.unitBySlug.get(unitSlug) : undefined;
  if (unit && unit.people.length > 1) {
    const self = unit.people.findIndex((p) => `/awardees/${p.slug}/` === honour.href);
    sameUnit = {
      items: after(unit.people, self, limit)
        .filter((p) => `/awardees/${p.slug}/` !== honour.href)
        .map((p) => ({ name: p.name, href: `/awardees/${p.slug}/` })),
      total: unit.people.length - 1,
      moreHref: `/units/${unit.slug}/`,
    };
  }
  return { sameHonour, sameUnit };
}
