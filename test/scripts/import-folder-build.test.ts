/**
 * The folder (a .doc notice, a PDF decision, a roll as .xlsx and .xls, a GBK page, a scan)
 * imported into a copy of the minimal fixture site: `deeds check` finds nothing wrong with the entries
 * and their links, and the site builds with them.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as checkCommand from '../../scripts/commands/check.ts';
import * as importCommand from '../../scripts/commands/import.ts';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { tempDir } from '../helpers/temp.ts';
import { runCommand } from './helpers.ts';

const SAMPLES = join(PROJECT_ROOT, 'test/fixtures/import-formats');

describe('an imported folder builds into pages', () => {
  let fixture: FixtureRoot;
  beforeAll(() => {
    fixture = fixtureRoot(join(PROJECT_ROOT, 'test/fixtures/sites/minimal/content'));
  });
  afterAll(() => fixture?.remove());

  test('deeds check is clean and the site builds, the roll and its decision linked', async () => {
    const folder = tempDir('deeds-inbox-');
    mkdirSync(join(folder, 'xls'));
    for (const name of ['notice.doc', 'decision.pdf', 'roll.xlsx', 'gbk-page.htm', 'scan.pdf']) {
      copyFileSync(join(SAMPLES, name), join(folder, name));
    }
    copyFileSync(join(SAMPLES, 'roll.xls'), join(folder, 'xls', 'roll.xls'));
    const content = join(fixture.root, 'content');
    const imported = await runCommand(importCommand, [folder, '--out', content, '--allow-outside']);
    expect(imported.stdout).toContain('已导入 4');
    const imports = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((name) =>
      /^(?:announcements|rolls)\/.*\.mdx$/u.test(name),
    );
    const mine = imports.filter((name) => readFileSync(join(content, name), 'utf8').includes('archive/originals/'));
    expect(mine).toHaveLength(4);

    const check = await runCommand(checkCommand, [...mine.map((name) => join(content, name)), '--format', 'json']);
    const errors = (JSON.parse(check.stdout) as { severity: string; message: string }[]).filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);

    const build = buildFixture(fixture.root);
    expect(build.status, (build.stdout + build.stderr).slice(0, 6000)).toBe(0);
    const html = readdirSync(join(fixture.root, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((name) => /^(?:announcements|rolls)\/2024\/.*\.html$/u.test(name))
      .map((name) => readFileSync(join(fixture.root, 'dist', name), 'utf8'))
      .join('\n');
    expect(html).toContain('示卫发〔2024〕2号');
    expect(html).toContain('示例市第二人民医院感染科');
    expect(html).not.toMatch(/版权所有|制表人|[男女]<\/td>/u);
  }, 300_000);
});
