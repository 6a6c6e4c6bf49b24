/**
 * Status is computed at build time against the build date: a build "as of" three days before a
 * notice's deadline shows it as 征集中 with 3 days left (its decision, dated later, does not exist yet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';

interface Announcement {
  id: string;
  kind: string;
  date: string;
  deadline: string | null;
  status: string | null;
  notice: string | null;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
let notice: Announcement;
let today = '';
let dir = '';

beforeAll(async () => {
  const base = (await buildSite()).dir;
  const { announcements } = JSON.parse(read(base, 'data/announcements.json')) as { announcements: Announcement[] };
  notice = announcements
    .filter((a) => a.kind === 'notice' && a.deadline)
    .sort((a, b) => a.deadline!.localeCompare(b.deadline!))[0]!;
  const deadline = new Date(`${notice.deadline}T00:00:00Z`);
  deadline.setUTCDate(deadline.getUTCDate() - 3);
  today = deadline.toISOString().slice(0, 10);
  dir = (await buildSite({ name: `demo-${today}`, env: { DEEDS_TODAY: today } })).dir;
});

describe('DEEDS_TODAY', () => {
  test('sets the build date of the data files', () => {
    expect(JSON.parse(read(dir, 'data/announcements.json')).generated).toBe(today);
  });

  test('a notice three days before its deadline is 征集中 with 3 days left, on its page and on the home page', () => {
    const { announcements } = JSON.parse(read(dir, 'data/announcements.json')) as { announcements: Announcement[] };
    const asOf = announcements.find((a) => a.id === notice.id)!;
    expect(asOf.status).toBe('open');
    expect(read(dir, `announcements/${notice.id}/index.html`)).toContain('还剩 3 天');
    const home = read(dir, 'index.html');
    expect(home).toContain(`/announcements/${notice.id}/`);
    expect(home).toContain('还剩 3 天');
  });
});
