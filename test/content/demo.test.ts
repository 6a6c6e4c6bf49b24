/**
 * The demo corpus under `content/`: every entry goes through the whole pipeline without an
 * error, the corpus is as large and as varied as issue 2 asks, and its cross-references hold
 * (deed → roll → decision → notice, awardees → units registry).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { formatText, toDiagnostics } from '../../src/lib/report.ts';
import { runProject, type ProjectEntry, type ProjectResult } from '../../src/project/run.ts';
import type { Announcement, Deed, Roll } from '../../src/model/schemas/index.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';

/** The day the corpus was written for: it has an open call and a running 公示 on this day. */
const CORPUS_DAY = '2026-11-22';

let project: ProjectResult;
let announcements: Map<string, Announcement>;
let rolls: Map<string, Roll>;
let deeds: Map<string, Deed>;
let deedEntries: ProjectEntry[];

function dataOf<T>(entries: readonly ProjectEntry[], collection: ProjectEntry['collection']): Map<string, T> {
  const out = new Map<string, T>();
  for (const entry of entries) {
    if (entry.collection !== collection) continue;
    out.set(entry.id, (entry.document.data ?? entry.document.frontmatter) as T);
  }
  return out;
}

beforeAll(() => {
  project = runProject({ root: PROJECT_ROOT, today: CORPUS_DAY });
  announcements = dataOf<Announcement>(project.entries, 'announcements');
  rolls = dataOf<Roll>(project.entries, 'rolls');
  deeds = dataOf<Deed>(project.entries, 'deeds');
  deedEntries = project.entries.filter((entry) => entry.collection === 'deeds');
}, 120_000);

const personKey = (name: string, unit: string | undefined) => `${name}｜${unit ?? ''}`;

function awardees(roll: Roll) {
  return roll.categories.flatMap((category) =>
    category.awardees.map((awardee) => ({ ...awardee, category: category.name, subjectType: category.subjectType })),
  );
}

describe('demo corpus', () => {
  test('every entry and registry passes the pipeline without an error', () => {
    const report = formatText(toDiagnostics(project.files));
    expect(project.errorCount, report).toBe(0);
    expect(project.registries.units.length).toBeGreaterThan(0);
    expect(project.registries.glossary.length).toBeGreaterThan(0);
  });

  test('no placeholder entries are left', () => {
    const ids = project.entries.map((entry) => entry.id);
    expect(ids.filter((id) => /(^|\/)test(-|$)/.test(id))).toEqual([]);
  });

  describe('announcements', () => {
    test('at least 6, with notices, decisions and a 公示, over at least three years', () => {
      const all = [...announcements.values()];
      expect(all.length).toBeGreaterThanOrEqual(6);
      const kinds = new Set(all.map((a) => a.kind));
      expect([...kinds].sort()).toEqual(['decision', 'notice', 'publicity']);
      expect(new Set(all.map((a) => a.date.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    });

    test('notices carry quotas, word limits, deadlines and quota tables', () => {
      const notices = [...announcements.values()].filter((a) => a.kind === 'notice');
      expect(notices.length).toBeGreaterThanOrEqual(3);
      for (const notice of notices) {
        expect(notice.categories.every((c) => typeof c.quota === 'number'), notice.title).toBe(true);
        expect(notice.wordLimits.length, notice.title).toBeGreaterThan(0);
        expect(notice.deadline, notice.title).toBeDefined();
        expect(notice.deadline! >= notice.date, notice.title).toBe(true);
      }
      const tables = notices.flatMap((n) => n.quotaTables);
      expect(tables.length).toBeGreaterThanOrEqual(3);
      expect(tables.some((t) => t.rows.some((r) => r.merged && r.merged.length > 0))).toBe(true);
      expect(tables.some((t) => t.rows.some((r) => r.subAllocations))).toBe(true);
    });

    test('quota tables add up: rows and merged cells to the 合计 row, sub-allocations to their cell', () => {
      for (const notice of announcements.values()) {
        for (const table of notice.quotaTables) {
          table.columns.forEach((column, index) => {
            const sum = table.rows.reduce(
              (n, row) =>
                n +
                (row.counts[index] ?? 0) +
                (row.merged ?? []).filter((m) => m.column === index).reduce((k, m) => k + m.count, 0),
              0,
            );
            expect(sum, `${table.caption} / ${column}`).toBe(table.total?.[index]);
          });
          for (const row of table.rows) {
            if (!row.subAllocations) continue;
            const column = row.subAllocationColumn ?? table.columns.length - 1;
            const parts = Object.values(row.subAllocations).reduce((n, v) => n + v, 0);
            expect(parts, `${table.caption} / ${row.unit}`).toBe(row.counts[column]);
          }
        }
      }
    });

    test('category quotas match the 合计 row of the quota table', () => {
      for (const notice of announcements.values()) {
        for (const table of notice.quotaTables) {
          notice.categories.forEach((category, index) => {
            expect(table.total?.[index], `${notice.title} / ${category.name}`).toBe(category.quota);
          });
        }
      }
    });

    test(`on ${CORPUS_DAY} one call is open and one 公示 is running`, () => {
      const all = [...announcements.values()];
      expect(all.some((a) => a.kind === 'notice' && a.deadline! > CORPUS_DAY && a.date <= CORPUS_DAY)).toBe(true);
      expect(
        all.some(
          (a) =>
            a.kind === 'publicity' &&
            a.publicityPeriod !== undefined &&
            a.publicityPeriod.start <= CORPUS_DAY &&
            a.publicityPeriod.end >= CORPUS_DAY,
        ),
      ).toBe(true);
    });

    test('decisions and 公示 point at an existing notice', () => {
      const followers = [...announcements.entries()].filter(([, a]) => a.kind !== 'notice');
      expect(followers.length).toBeGreaterThanOrEqual(3);
      for (const [id, announcement] of followers) {
        expect(announcement.notice, id).toBeDefined();
        expect(announcements.get(announcement.notice!)?.kind, id).toBe('notice');
      }
    });

    test('document numbers follow GB/T 9704: 〔year〕, no leading zeros, no 第', () => {
      for (const announcement of announcements.values()) {
        if (!announcement.docNumber) continue;
        expect(announcement.docNumber).toMatch(/^[\u4e00-\u9fff]+〔\d{4}〕[1-9]\d*号$/);
        expect(Number(announcement.docNumber.match(/〔(\d{4})〕/)![1])).toBe(Number(announcement.date.slice(0, 4)));
      }
    });
  });

  describe('rolls', () => {
    test('at least 6 rolls with 150 or more awardees, people and units', () => {
      const all = [...rolls.values()];
      expect(all.length).toBeGreaterThanOrEqual(6);
      const list = all.flatMap(awardees);
      expect(list.length).toBeGreaterThanOrEqual(150);
      expect(list.some((a) => a.subjectType === 'person')).toBe(true);
      expect(list.some((a) => a.subjectType === 'unit')).toBe(true);
      expect(new Set(all.map((r) => r.year)).size).toBeGreaterThanOrEqual(3);
    });

    test('declared counts match the lists, and no one is listed twice in a category', () => {
      for (const roll of rolls.values()) {
        for (const category of roll.categories) {
          expect(category.awardees.length, `${roll.title} / ${category.name}`).toBe(category.declaredCount);
          const keys = category.awardees.map((a) => personKey(a.name, a.unit));
          expect(new Set(keys).size, `${roll.title} / ${category.name}`).toBe(keys.length);
        }
      }
    });

    test('each roll belongs to an existing decision of its issuer and year', () => {
      for (const [id, roll] of rolls) {
        const decision = announcements.get(roll.decision ?? '');
        expect(decision?.kind, id).toBe('decision');
        expect(decision?.issuer, id).toBe(roll.issuer);
        expect(decision?.evaluationYear, id).toBe(roll.year);
        expect(decision?.date, id).toBe(roll.date);
      }
    });

    test('some people are honoured in several years; one name belongs to two people', () => {
      const years = new Map<string, Set<number>>();
      const unitsByName = new Map<string, Set<string>>();
      for (const roll of rolls.values()) {
        for (const awardee of awardees(roll)) {
          if (awardee.subjectType !== 'person') continue;
          const key = personKey(awardee.name, awardee.unit);
          years.set(key, (years.get(key) ?? new Set()).add(roll.year));
          unitsByName.set(awardee.name, (unitsByName.get(awardee.name) ?? new Set()).add(awardee.unit ?? ''));
        }
      }
      expect([...years.values()].filter((set) => set.size >= 2).length).toBeGreaterThanOrEqual(5);
      expect([...unitsByName.values()].some((set) => set.size >= 2)).toBe(true);
      expect([...unitsByName.keys()].some((name) => [...name].length === 2)).toBe(true);
    });

    test('every person has a unit, and every unit and issuer is in content/units.yaml', () => {
      const known = new Map<string, string>();
      for (const unit of project.registries.units) {
        for (const name of [unit.name, ...unit.aliases]) known.set(name, unit.type);
      }
      for (const roll of rolls.values()) {
        expect(known.get(roll.issuer), roll.issuer).toBe('issuer');
        for (const awardee of awardees(roll)) {
          const unit = awardee.subjectType === 'unit' ? awardee.name : awardee.unit;
          expect(unit, `${roll.title}: ${awardee.name}`).toBeDefined();
          expect(known.has(unit!), `${roll.title}: ${unit}`).toBe(true);
        }
      }
      for (const announcement of announcements.values()) {
        expect(known.get(announcement.issuer), announcement.issuer).toBe('issuer');
      }
      for (const deed of deeds.values()) {
        const unit = deed.subject.type === 'unit' ? deed.subject.name : deed.unit;
        expect(known.has(unit ?? ''), `${deed.title}: ${unit}`).toBe(true);
      }
    });
  });

  describe('deeds', () => {
    test('at least 30, about people and units, over at least three years', () => {
      const all = [...deeds.values()];
      expect(all.length).toBeGreaterThanOrEqual(30);
      expect(all.filter((d) => d.subject.type === 'person').length).toBeGreaterThanOrEqual(15);
      expect(all.filter((d) => d.subject.type === 'unit').length).toBeGreaterThanOrEqual(5);
      expect(new Set(all.map((d) => d.year)).size).toBeGreaterThanOrEqual(3);
    });

    test('at least 5 are written in traditional script', () => {
      const traditional = deedEntries.filter((entry) => entry.document.normalised.sourceScript === 'traditional');
      expect(traditional.length).toBeGreaterThanOrEqual(5);
    });

    test('each deed answers an existing notice and is named in an existing roll under its honour', () => {
      for (const [id, deed] of deeds) {
        const notice = announcements.get(deed.announcement ?? '');
        expect(notice?.kind, `${id}: announcement`).toBe('notice');
        const roll = rolls.get(deed.roll ?? '');
        expect(roll, `${id}: roll`).toBeDefined();
        expect(roll!.year, id).toBe(deed.year);
        expect(notice!.evaluationYear, id).toBe(deed.year);
        expect(announcements.get(roll!.decision!)?.notice, id).toBe(deed.announcement);
        const listed = awardees(roll!).filter((a) =>
          deed.subject.type === 'unit'
            ? a.subjectType === 'unit' && a.name === deed.subject.name
            : a.subjectType === 'person' && a.name === deed.subject.name && a.unit === deed.unit,
        );
        expect(listed.length, `${id}: ${deed.subject.name} not in ${deed.roll}`).toBeGreaterThan(0);
        for (const awardee of listed) {
          expect(
            deed.honours.some((honour) => honour.includes(awardee.category)),
            `${id}: honours ${deed.honours.join('、')} should name ${awardee.category}`,
          ).toBe(true);
        }
      }
    });

    test('each is 300–900 字 as Word counts them, within its notice’s limit', () => {
      for (const entry of deedEntries) {
        const count = entry.document.file.data.wordCount;
        expect(count, entry.id).toBeDefined();
        expect(count!.words, entry.id).toBeGreaterThanOrEqual(300);
        expect(count!.words, entry.id).toBeLessThanOrEqual(900);
        const deed = deeds.get(entry.id)!;
        const limit = announcements.get(deed.announcement!)!.wordLimits.find((l) => l.kind === 'max')!.limit;
        expect(count!.words, entry.id).toBeLessThanOrEqual(limit);
      }
    });

    test('the normaliser has real work: pinyin residue, half-width punctuation, page-break splits', () => {
      const rules = new Set(deedEntries.flatMap((entry) => entry.document.normalised.changes.map((c) => c.rule)));
      const deedsWith = (pattern: RegExp) =>
        deedEntries.filter((entry) => entry.document.normalised.changes.some((c) => pattern.test(c.rule))).length;
      expect(rules.size).toBeGreaterThanOrEqual(3);
      expect(deedsWith(/pinyin/)).toBeGreaterThanOrEqual(3);
      expect(deedsWith(/punctuation/)).toBeGreaterThanOrEqual(3);
      expect(deedsWith(/page-break/)).toBeGreaterThanOrEqual(2);
    });

    test('protected names survive conversion from traditional script', () => {
      const bodies = new Map(deedEntries.map((entry) => [entry.id, entry.document.body]));
      expect(bodies.get('2023/zhong-qian')).toContain('钟乾在乾溪镇卫生院');
      expect(bodies.get('2024/yu-mei')).toContain('於梅');
      expect(bodies.get('2025/hou-xiaolin')).toContain('后晓琳');
      expect(bodies.get('2024/fan-kun')).toContain('范坤');
      expect(bodies.get('2025/tang-yuzhen')).toContain('后岭村');
      for (const [id, body] of bodies) {
        expect(body, id).not.toMatch(/钟干|干溪|于梅|範坤|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[1-5]?\)/u);
      }
    });

    test('no two deeds about one subject in one year', () => {
      const keys = [...deeds.values()].map((d) => `${d.subject.name}｜${d.unit ?? ''}｜${d.year}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    test('some deeds carry photos, each with alt text and a caption', () => {
      const photos = [...deeds.values()].flatMap((d) => d.photos);
      expect(photos.length).toBeGreaterThanOrEqual(2);
      for (const photo of photos) {
        expect(photo.alt.length).toBeGreaterThan(0);
        expect(photo.caption?.length ?? 0).toBeGreaterThan(0);
      }
    });
  });

  test('every protected term of the glossary is used in the corpus', () => {
    const text = project.entries.map((entry) => entry.document.split.body + JSON.stringify(entry.document.frontmatter)).join('\n');
    for (const term of project.registries.glossary) {
      const forms = [term.simplified, term.traditional ?? term.simplified];
      expect(
        forms.some((form) => text.includes(form)),
        term.simplified,
      ).toBe(true);
    }
  });
});
