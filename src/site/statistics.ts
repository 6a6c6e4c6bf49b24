/**
 * Counts for the statistics page (统计): honours — one per line of a roll — by year, category,
 * issuer, unit and region, as 中国好人榜 publishes counts by province and category. Pure: the page
 * draws them at build time (src/components/BarChart.astro) and lists them in a table.
 */
import { compareNames } from './awardees.ts';
import type { Honour, SiteIndex, UnitRecord } from './site-data.ts';

export interface Count {
  label: string;
  count: number;
}

/** What a chart leaves out beyond its `TOP` largest: how many labels, how many honours. */
export interface Rest {
  labels: number;
  count: number;
}

export interface Statistics {
  honours: number;
  people: number;
  units: number;
  byYear: Count[];
  byCategory: Count[];
  byIssuer: Count[];
  byUnit: Count[];
  byRegion: Count[];
  /** Categories, issuers and units beyond the `TOP` largest, summed (said under the chart, not drawn). */
  rest: { byCategory?: Rest; byIssuer?: Rest; byUnit?: Rest };
}

/** Categories, issuers and units beyond this many are summed apart, so that a chart stays readable. */
export const TOP = 12;
export const NO_REGION = '未注明地区';

export function siteStatistics(index: SiteIndex, registry: readonly UnitRecord[] = []): Statistics {
  const regionOf = unitRegions(registry);
  const unitOf = (h: Honour) => (h.subjectType === 'unit' ? h.name : h.unit);
  const years = tally(index.honours, (h) => String(h.year));
  const byCategory = byCount(tally(index.honours, (h) => h.category));
  const byIssuer = byCount(tally(index.honours, (h) => h.issuer));
  const byUnit = byCount(tally(index.honours, (h) => unitOf(h) ?? '单位不详'));
  return {
    honours: index.honours.length,
    people: index.honours.filter((h) => h.subjectType === 'person').length,
    units: index.honours.filter((h) => h.subjectType === 'unit').length,
    byYear: [...years]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, count]) => ({ label: `${label}年度`, count })),
    byCategory: byCategory.slice(0, TOP),
    byIssuer: byIssuer.slice(0, TOP),
    byUnit: byUnit.slice(0, TOP),
    byRegion: byCount(tally(index.honours, (h) => regionOf.get(unitOf(h) ?? '') ?? NO_REGION)),
    rest: { byCategory: rest(byCategory), byIssuer: rest(byIssuer), byUnit: rest(byUnit) },
  };
}

/** Each unit's region: its own, else its nearest ancestor's (`parent` in `content/units.yaml`). */
export function unitRegions(registry: readonly UnitRecord[]): Map<string, string> {
  const byId = new Map(registry.map((u) => [u.id, u]));
  const regions = new Map<string, string>();
  for (const unit of registry) {
    const seen = new Set<string>();
    let at: UnitRecord | undefined = unit;
    while (at && !at.region && at.parent && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parent);
    }
    if (at?.region) {
      regions.set(unit.name, at.region);
      for (const alias of unit.aliases ?? []) if (!regions.has(alias)) regions.set(alias, at.region);
    }
  }
  return regions;
}

function tally(honours: readonly Honour[], key: (h: Honour) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const honour of honours) counts.set(key(honour), (counts.get(key(honour)) ?? 0) + 1);
  return counts;
}

/** Largest first; ties in pinyin order. */
function byCount(counts: Map<string, number>): Count[] {
  return [...counts].sort(([a, m], [b, n]) => n - m || compareNames(a, b)).map(([label, count]) => ({ label, count }));
}

function rest(sorted: Count[]): Rest | undefined {
  if (sorted.length <= TOP) return undefined;
  return { labels: sorted.length - TOP, count: sorted.slice(TOP).reduce((n, c) => n + c.count, 0) };
}
