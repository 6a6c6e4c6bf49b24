/**
 * Imported entries build into pages: the wujin seed (a full GB/T 9704 notice) and an HTML notice
 * are imported into a copy of the minimal fixture site, which is then built with Astro.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as importCommand from '../../scripts/commands/import.ts';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { describeSeeds, PROJECT_ROOT, seedPath } from '../helpers/seeds.ts';
import { runCommand } from './helpers.ts';

describeSeeds('imported entries build into pages', () => {
  let fixture: FixtureRoot;
  beforeAll(() => {
    fixture = fixtureRoot(join(PROJECT_ROOT, 'test/fixtures/sites/minimal/content'));
  });
  afterAll(() => fixture?.remove());

  test('the site builds with them and shows their facts', async () => {
    const content = join(fixture.root, 'content');
    for (const file of [
      seedPath('announcement-wujin-2023.txt'),
      join(PROJECT_ROOT, 'test/fixtures/import/notice.html'),
    ]) {
      const { code, stderr } = await runCommand(importCommand, [file, '--out', content, '--allow-outside']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    }
    const build = buildFixture(fixture.root);
    expect(build.status, (build.stdout + build.stderr).slice(0, 6000)).toBe(0);
    const pages = join(fixture.root, 'dist', 'announcements', '2023');
    expect(existsSync(pages)).toBe(true);
    const html = readdirSync(pages, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.html'))
      .map((name) => readFileSync(join(pages, name), 'utf8'))
      .join('\n');
    expect(html).toContain('关于开展2022年度全区卫生健康系统先进单位和先进个人评选活动的通知');
    expect(html).toContain('武卫字〔2023〕4号');
    expect(html).not.toMatch(/性别|年龄/);
  }, 300_000);
});
