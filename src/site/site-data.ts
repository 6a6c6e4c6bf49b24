/**
 * The site's indexes, computed once per build from the collection entries: people (keyed by name
 * and unit), units, the write-up of each awardee, prev/next in a roll, years, categories and totals.
 * Pure: no Astro in here, so that tests and the open-data files use the same function.
 * Every lookup the pages need is a Map: no page loops over all entries.
 */
import { announcementStatuses, type AnnouncementStatus, type StatusInput } from './status.ts';
import { compareNames, indexLetter, nameSlug, personKey, personSlug, stableHash } from './awardees.ts';

export interface UnitRecord {
  id: string;
  name: string;
  aliases?: readonly string[];
  type?: string;
  /** The id of the unit it belongs to (a department's hospital). */
  parent?: string | undefined;
  /** The area it serves (`东湖区`); units without one take their parent's. */
  region?: string | undefined;
}

export interface AwardeeInput {
  name: string;
  unit?: string | undefined;
  post?: string | undefined;
}

export interface RollInput {
  id: string;
  data: {
    title: string;
    decision?: string | undefined;
    issuer: string;
    year: number;
    date: string;
    categories: readonly {
      name: string;
      subjectType: 'person' | 'unit';
      declaredCount?: number | undefined;
      awardees: readonly AwardeeInput[];
    }[];
  };
}

export interface DeedInput {
  id: string;
  data: {
    title: string;
    subject: { name: string; type: 'person' | 'unit' };
    unit?: string | undefined;
    honours: readonly string[];
    year: number;
    roll?: string | undefined;
    announcement?: string | undefined;
  };
}

export interface AnnouncementInput extends StatusInput {
  data: StatusInput['data'] & {
    title: string;
    issuer: string;
    evaluationYear?: number | undefined;
    docNumber?: string | undefined;
  };
}

export interface SiteInput {
  announcements: readonly AnnouncementInput[];
  rolls: readonly RollInput[];
  deeds: readonly DeedInput[];
  units?: readonly UnitRecord[];
  /** The build date, `YYYY-MM-DD`. */
  today: string;
}

/** One honour: an awardee named in a category of a roll. */
export interface Honour {
  rollId: string;
  rollTitle: string;
  issuer: string;
  year: number;
  date: string;
  category: string;
  categorySlug: string;
  subjectType: 'person' | 'unit';
  name: string;
  /** The canonical unit name (aliases resolved). */
  unit?: string | undefined;
  post?: string | undefined;
  /** The person's or unit's page. */
  href: string;
  /** The write-up, where one exists. */
  deedId?: string | undefined;
}

export interface Person {
  key: string;
  slug: string;
  name: string;
  unit?: string | undefined;
  unitSlug?: string | undefined;
  letter: string;
  honours: Honour[];
  deedIds: string[];
}

export interface UnitPage {
  slug: string;
  name: string;
  letter: string;
  /** Honours conferred on the unit itself. */
  honours: Honour[];
  /** Honoured people of the unit. */
  people: Person[];
  deedIds: string[];
  /** Units listed under it in `content/units.yaml` (departments) that have pages, by name. */
  children: UnitPage[];
}

export interface Category {
  slug: string;
  name: string;
  honours: Honour[];
}

export interface Totals {
  /** Honours conferred (one per line of a roll). */
  honours: number;
  /** Distinct people honoured. */
  people: number;
  /** Distinct units (honoured, or with honoured people). */
  units: number;
  years: number;
  issuers: number;
  deeds: number;
}

export interface SiteIndex {
  today: string;
  people: Person[];
  personBySlug: Map<string, Person>;
  personByKey: Map<string, Person>;
  /** People sharing a name, for "同名" lists: name → people (only names with two or more). */
  namesakes: Map<string, Person[]>;
  units: UnitPage[];
  unitBySlug: Map<string, UnitPage>;
  unitSlugByName: Map<string, string>;
  /** Every honour in roll order. */
  honours: Honour[];
  honoursByRoll: Map<string, Honour[]>;
  years: number[];
  honoursByYear: Map<number, Honour[]>;
  categories: Category[];
  categoryBySlug: Map<string, Category>;
  letters: string[];
  peopleByLetter: Map<string, Person[]>;
  /** Deeds of a roll in roll order, for previous/next. */
  deedNeighbours: Map<string, { prev?: string | undefined; next?: string | undefined }>;
  /** The honour a deed writes up. */
  honourByDeed: Map<string, Honour>;
  rollsByDecision: Map<string, string[]>;
  deedsByAnnouncement: Map<string, string[]>;
  deedsByRoll: Map<string, string[]>;
  statuses: Map<string, AnnouncementStatus | undefined>;
  issuers: string[];
  totals: Totals;
}

export function buildSiteIndex(input: SiteInput): SiteIndex {
  const canonical = canonicalUnits(input.units ?? []);
  const unitName = (name: string | undefined) =>
    name ? (canonical.byName.get(name.trim()) ?? name.trim()) : undefined;

  const units = new Map<string, UnitPage>();
  const unitSlugByName = new Map<string, string>();
  const usedUnitSlugs = new Set<string>();
  const unitFor = (name: string): UnitPage => {
    let slug = unitSlugByName.get(name);
    if (!slug) {
      slug = canonical.idByName.get(name) ?? nameSlug(name);
      if (usedUnitSlugs.has(slug)) slug = `${slug}-${stableHash(name)}`;
      usedUnitSlugs.add(slug);
      unitSlugByName.set(name, slug);
    }
    let unit = units.get(slug);
    if (!unit) {
      unit = { slug, name, letter: indexLetter(name), honours: [], people: [], deedIds: [], children: [] };
      units.set(slug, unit);
    }
    return unit;
  };

  const people = new Map<string, Person>();
  const personFor = (name: string, unit: string | undefined): Person => {
    const key = personKey(name, unit);
    let person = people.get(key);
    if (!person) {
      person = {
        key,
        slug: personSlug(name, unit),
        name: name.trim(),
        unit,
        unitSlug: unit ? unitFor(unit).slug : undefined,
        letter: indexLetter(name),
        honours: [],
        deedIds: [],
      };
      people.set(key, person);
      if (unit) unitFor(unit).people.push(person);
    }
    return person;
  };

  // Deeds by who they are about: roll + subject first, then subject alone.
  const deedByRollSubject = new Map<string, string>();
  const deedBySubject = new Map<string, string>();
  for (const deed of input.deeds) {
    const { subject } = deed.data;
    const key =
      subject.type === 'unit' ? `unit|${unitName(subject.name)}` : personKey(subject.name, unitName(deed.data.unit));
    if (deed.data.roll) deedByRollSubject.set(`${deed.data.roll}#${key}`, deed.id);
    if (!deedBySubject.has(`${deed.data.year}#${key}`)) deedBySubject.set(`${deed.data.year}#${key}`, deed.id);
  }

  const honours: Honour[] = [];
  const honoursByRoll = new Map<string, Honour[]>();
  const honourByDeed = new Map<string, Honour>();
  const categories = new Map<string, Category>();
  const rolls = [...input.rolls].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
  for (const roll of rolls) {
    const list: Honour[] = [];
    for (const category of roll.data.categories) {
      const categorySlug = nameSlug(category.name);
      let group = categories.get(categorySlug);
      if (!group) categories.set(categorySlug, (group = { slug: categorySlug, name: category.name, honours: [] }));
      for (const awardee of category.awardees) {
        const isUnit = category.subjectType === 'unit';
        const unit = isUnit ? unitName(awardee.name) : unitName(awardee.unit);
        const subjectKey = isUnit ? `unit|${unit}` : personKey(awardee.name, unit);
        const deedId =
          deedByRollSubject.get(`${roll.id}#${subjectKey}`) ?? deedBySubject.get(`${roll.data.year}#${subjectKey}`);
        const honour: Honour = {
          rollId: roll.id,
          rollTitle: roll.data.title,
          issuer: roll.data.issuer,
          year: roll.data.year,
          date: roll.data.date,
          category: category.name,
          categorySlug,
          subjectType: category.subjectType,
          name: isUnit ? unit! : awardee.name.trim(),
          unit: isUnit ? undefined : unit,
          post: awardee.post,
          href: '',
          deedId,
        };
        if (isUnit) {
          const page = unitFor(unit!);
          page.honours.push(honour);
          if (deedId) page.deedIds.push(deedId);
          honour.href = `/units/${page.slug}/`;
        } else {
          const person = personFor(awardee.name, unit);
          person.honours.push(honour);
          if (deedId) person.deedIds.push(deedId);
          honour.href = `/awardees/${person.slug}/`;
        }
        if (deedId && !honourByDeed.has(deedId)) honourByDeed.set(deedId, honour);
        list.push(honour);
        group.honours.push(honour);
        honours.push(honour);
      }
    }
    honoursByRoll.set(roll.id, list);
  }

  // Previous/next: the deeds of a roll in the roll's order, then any left over by title.
  const deedsByRoll = new Map<string, string[]>();
  const deedsByAnnouncement = new Map<string, string[]>();
  for (const deed of input.deeds) {
    if (deed.data.roll) push(deedsByRoll, deed.data.roll, deed.id);
    if (deed.data.announcement) push(deedsByAnnouncement, deed.data.announcement, deed.id);
  }
  const deedNeighbours = new Map<string, { prev?: string; next?: string }>();
  for (const [rollId, ids] of deedsByRoll) {
    const order = new Map<string, number>();
    (honoursByRoll.get(rollId) ?? []).forEach((h, i) => h.deedId && !order.has(h.deedId) && order.set(h.deedId, i));
    ids.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
    ids.forEach((id, i) => deedNeighbours.set(id, { prev: ids[i - 1], next: ids[i + 1] }));
  }

  const rollsByDecision = new Map<string, string[]>();
  for (const roll of rolls) if (roll.data.decision) push(rollsByDecision, roll.data.decision, roll.id);

  const peopleList = [...people.values()].sort(
    (a, b) => compareNames(a.name, b.name) || compareNames(a.unit ?? '', b.unit ?? ''),
  );
  const namesakes = new Map<string, Person[]>();
  const byName = new Map<string, Person[]>();
  for (const person of peopleList) push(byName, person.name, person);
  for (const [name, list] of byName) if (list.length > 1) namesakes.set(name, list);

  const peopleByLetter = new Map<string, Person[]>();
  for (const person of peopleList) push(peopleByLetter, person.letter, person);
  const letters = [...peopleByLetter.keys()].sort();

  const honoursByYear = new Map<number, Honour[]>();
  for (const honour of honours) push(honoursByYear, honour.year, honour);
  const years = [...honoursByYear.keys()].sort((a, b) => b - a);

  // Departments under their unit, as `content/units.yaml` lists them (only those with a page of their own).
  const registryName = new Map((input.units ?? []).map((u) => [u.id, u.name]));
  for (const record of input.units ?? []) {
    const parentName = record.parent ? registryName.get(record.parent) : undefined;
    const child = units.get(unitSlugByName.get(record.name) ?? '');
    const parent = parentName ? units.get(unitSlugByName.get(parentName) ?? '') : undefined;
    if (child && parent && child !== parent && !parent.children.includes(child)) parent.children.push(child);
  }

  const unitList = [...units.values()].sort((a, b) => compareNames(a.name, b.name));
  for (const unit of unitList) unit.children.sort((a, b) => compareNames(a.name, b.name));
  for (const unit of unitList) unit.people.sort((a, b) => compareNames(a.name, b.name));
  const categoryList = [...categories.values()].sort((a, b) => compareNames(a.name, b.name));

  for (const unit of input.units ?? []) {
    const slug = unitSlugByName.get(unit.name);
    if (slug) for (const alias of unit.aliases ?? []) if (!unitSlugByName.has(alias)) unitSlugByName.set(alias, slug);
  }

  const issuers = [
    ...new Set([...input.announcements.map((a) => a.data.issuer), ...input.rolls.map((r) => r.data.issuer)]),
  ].sort(compareNames);

  return {
    today: input.today,
    people: peopleList,
    personBySlug: new Map(peopleList.map((p) => [p.slug, p])),
    personByKey: people,
    namesakes,
    units: unitList,
    unitBySlug: units,
    unitSlugByName,
    honours,
    honoursByRoll,
    years,
    honoursByYear,
    categories: categoryList,
    categoryBySlug: categories,
    letters,
    peopleByLetter,
    deedNeighbours,
    honourByDeed,
    rollsByDecision,
    deedsByAnnouncement,
    deedsByRoll,
    statuses: announcementStatuses(input.announcements, input.today),
    issuers,
    totals: {
      honours: honours.length,
      people: people.size,
      units: units.size,
      years: new Set(input.rolls.map((r) => r.data.year)).size,
      issuers: issuers.length,
      deeds: input.deeds.length,
    },
  };
}

/** The unit page slug for a unit name as written (aliases resolved), if the unit has a page. */
export function unitHref(index: SiteIndex, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const slug = index.unitSlugByName.get(name.trim());
  return slug ? `/units/${slug}/` : undefined;
}

function canonicalUnits(units: readonly UnitRecord[]) {
  const byName = new Map<string, string>();
  const idByName = new Map<string, string>();
  for (const unit of units) {
    idByName.set(unit.name, unit.id);
    byName.set(unit.name, unit.name);
    for (const alias of unit.aliases ?? []) if (!byName.has(alias)) byName.set(alias, unit.name);
  }
  return { byName, idByName };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
