/** Open data, feeds and structured data of the demo site match the content they come from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { runProject } from '../../src/project/run.ts';
import { AWARDEE_COLUMNS } from '../../src/site/open-data.ts';
import { parseCsv } from './open-data.test.ts';
import { byTag, pages, parse, text, type Page } from './dist.ts';

let dir = '';
let all: Page[] = [];
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

interface RollData {
  title: string;
  year: number;
  categories: { name: string; subjectType?: string; awardees: { name: string; unit?: string }[] }[];
}

let rolls: { id: string; data: RollData }[] = [];

beforeAll(async () => {
  dir = (await buildSite()).dir;
  all = pages(dir);
  const project = runProject({ root: PROJECT_ROOT });
  rolls = project.entries
    .filter((e) => e.collection === 'rolls' && e.document.data)
    .map((e) => ({ id: e.id, data: e.document.data as unknown as RollData }));
});

describe('/data/awardees.csv', () => {
  test('is UTF-8 with a BOM, parses, and has one row per awardee of every roll, in roll order', () => {
    const csv = read('data/awardees.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...AWARDEE_COLUMNS]);
    const column = (name: (typeof AWARDEE_COLUMNS)[number]) => header!.indexOf(name);
    for (const roll of rolls) {
      const expected = roll.data.categories.flatMap((c) => c.awardees.map((a) => `${c.name}|${a.name.trim()}`));
      const actual = rows
        .filter((r) => r[column('roll_id')] === roll.id)
        .map((r) => `${r[column('category')]}|${r[column('name')]}`);
      expect(actual, roll.id).toEqual(expected);
      expect(
        rows.filter((r) => r[column('roll_id')] === roll.id).every((r) => r[column('year')] === String(roll.data.year)),
      ).toBe(true);
    }
    expect(rows.length).toBe(
      rolls.reduce((n, r) => n + r.data.categories.reduce((m, c) => m + c.awardees.length, 0), 0),
    );
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  test('matches /data/awardees.json row for row', () => {
    const [, ...rows] = parseCsv(read('data/awardees.csv'));
    const json = JSON.parse(read('data/awardees.json')) as { count: number; awardees: Record<string, unknown>[] };
    expect(json.count).toBe(rows.length);
    json.awardees.forEach((row, i) => {
      expect(AWARDEE_COLUMNS.map((c) => (row[c] === null ? '' : String(row[c])))).toEqual(rows[i]);
    });
  });

  test('links every row to a built page', () => {
    const json = JSON.parse(read('data/awardees.json')) as {
      awardees: { page_url: string; deed_url: string | null }[];
    };
    const urls = new Set(all.map((p) => p.url));
    for (const row of json.awardees) {
      expect(urls.has(new URL(row.page_url).pathname), row.page_url).toBe(true);
      if (row.deed_url) expect(urls.has(new URL(row.deed_url).pathname), row.deed_url).toBe(true);
    }
  });
});

describe('/data/awardees.schema.json', () => {
  test('is where the JSON says, and describes every column of every row with its type', () => {
    const json = JSON.parse(read('data/awardees.json')) as { $schema: string; awardees: Record<string, unknown>[] };
    const path = new URL(json.$schema).pathname;
    const schema = JSON.parse(read(path.slice(1))) as {
      properties: {
        awardees: { items: { required: string[]; properties: Record<string, { type: string | string[] }> } };
      };
    };
    const items = schema.properties.awardees.items;
    expect(items.required).toEqual([...AWARDEE_COLUMNS]);
    const typeOf = (value: unknown) =>
      value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value === 'string' ? 'string' : 'other';
    for (const row of json.awardees) {
      expect(Object.keys(row)).toEqual([...AWARDEE_COLUMNS]);
      for (const [column, value] of Object.entries(row))
        expect([items.properties[column]!.type].flat()).toContain(typeOf(value));
    }
  });

  test('a row with a write-up carries its one line, and one without has none', () => {
    const json = JSON.parse(read('data/awardees.json')) as {
      awardees: { deed_url: string | null; summary: string | null }[];
    };
    const withDeed = json.awardees.filter((row) => row.deed_url);
    expect(withDeed.length).toBeGreaterThan(0);
    expect(withDeed.every((row) => typeof row.summary === 'string' && row.summary.length > 4)).toBe(true);
    expect(json.awardees.filter((row) => !row.deed_url).every((row) => row.summary === null)).toBe(true);
  });
});

describe('/data/announcements.json and /data/deadlines.ics', () => {
  test('every announcement is listed with its status; every deadline is an event', () => {
    const json = JSON.parse(read('data/announcements.json')) as {
      announcements: { id: string; deadline: string | null; status: string | null; publicityPeriod: unknown }[];
    };
    expect(json.announcements.length).toBeGreaterThanOrEqual(6);
    const ics = read('data/deadlines.ics');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    for (const a of json.announcements) {
      if (a.deadline) expect(unfolded).toContain(`DTSTART;VALUE=DATE:${a.deadline.replace(/-/g, '')}`);
    }
    const events = unfolded.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBe(
      json.announcements.filter((a) => a.deadline).length + json.announcements.filter((a) => a.publicityPeriod).length,
    );
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('RSS and sitemap', () => {
  test('rss.xml lists announcements with links to their pages', () => {
    const rss = read('rss.xml');
    expect(rss).toContain('<rss');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
    expect(links.length).toBeGreaterThanOrEqual(6);
    const urls = new Set(all.map((p) => p.url));
    for (const link of links) expect(urls.has(link), link).toBe(true);
  });

  test('the sitemap lists pages in both scripts and no 404', () => {
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('https://honours.example.gov.cn/rolls/');
    expect(sitemap).toContain('https://honours.example.gov.cn/zh-hant/rolls/');
    expect(sitemap).not.toMatch(/404/);
  });
});

describe('JSON-LD', () => {
  test('parses on every page that has it; people and units carry awards; issuers are GovernmentOrganizations', () => {
    const types = new Set<string>();
    for (const p of all) {
      for (const script of byTag(parse(p.html), 'script').filter((s) => s.properties.type === 'application/ld+json')) {
        const data = JSON.parse(text(script)) as Record<string, unknown>;
        expect(data['@context'], p.url).toBe('https://schema.org');
        types.add(String(data['@type']));
        if (data['@type'] === 'Person') expect((data.award as string[]).length, p.url).toBeGreaterThan(0);
        // A unit with honoured people but no honour of its own has no `award`, never an empty one.
        if (data['@type'] === 'Organization' && data.award !== undefined)
          expect((data.award as string[]).length, p.url).toBeGreaterThan(0);
        if (data.publisher)
          expect((data.publisher as { '@type': string })['@type'], p.url).toBe('GovernmentOrganization');
      }
    }
    expect([...types]).toEqual(expect.arrayContaining(['Person', 'Organization', 'DigitalDocument']));
  });

  test('on 繁體 pages it is the same data in traditional script, in zh-Hant, with the same ids and URLs', () => {
    const ld = (url: string) =>
      byTag(parse(all.find((p) => p.url === url)!.html), 'script')
        .filter((s) => s.properties.type === 'application/ld+json')
        .map((script) => JSON.parse(text(script)) as Record<string, unknown>);
    let compared = 0;
    for (const page of all.filter((p) => p.url.startsWith('/zh-hant/'))) {
      const simplified = ld(page.url.slice('/zh-hant'.length));
      const traditional = ld(page.url);
      expect(traditional.length, page.url).toBe(simplified.length);
      for (const [i, data] of traditional.entries()) {
        const original = simplified[i]!;
        expect(data['@id'], page.url).toBe(original['@id']);
        expect(data.url, page.url).toBe(original.url);
        if (original.inLanguage) expect(data.inLanguage, page.url).toBe('zh-Hant');
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    const person = ld(all.find((p) => /^\/zh-hant\/awardees\/li-jing-/.test(p.url))!.url)[0]!;
    expect(person.name).toBe('李靜');
  });
});
