import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';

const build = buildFixture;

describe('a failed build never leaves a half site', () => {
  let fixture: FixtureRoot;
  beforeAll(() => {
    fixture = fixtureRoot(join(PROJECT_ROOT, 'test/fixtures/sites/minimal/content'));
  });
  afterAll(() => fixture.remove());

  test('builds, then keeps the previous dist/ when a later build fails, listing every error with file and line', () => {
    const first = build(fixture.root);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const home = join(fixture.root, 'dist', 'index.html');
    expect(existsSync(home)).toBe(true);
    const before = readFileSync(home, 'utf8');

    writeFileSync(
      join(fixture.root, 'content/deeds/2023/broken.mdx'),
      '---\ntitle: 坏文件\nsubject:\n  name: 某人\nyear: 2022\n年龄: 41\n---\n\n正文。\n',
    );
    writeFileSync(join(fixture.root, 'content/rolls/2023/broken-yaml.mdx'), '---\ntitle: [未闭合\n---\n');
    const second = build(fixture.root);
    const output = second.stdout + second.stderr;
    expect(second.status).not.toBe(0);
    expect(output).toContain('content/deeds/2023/broken.mdx:3:1');
    expect(output).toContain('content/deeds/2023/broken.mdx:6:1');
    expect(output).toMatch(/content\/rolls\/2023\/broken-yaml\.mdx:\d+:\d+/);
    expect(readFileSync(home, 'utf8')).toBe(before);
    expect(existsSync(join(fixture.root, 'dist', 'deeds'))).toBe(true);
  });

  test('a rebuild replaces dist/ and the previous site is deleted in the background', async () => {
    rmSync(join(fixture.root, 'content/deeds/2023/broken.mdx'), { force: true });
    rmSync(join(fixture.root, 'content/rolls/2023/broken-yaml.mdx'), { force: true });
    const marker = join(fixture.root, 'dist', 'stale-marker.txt');
    writeFileSync(marker, 'from the previous build');
    const again = build(fixture.root);
    expect(again.status, again.stderr + again.stdout).toBe(0);
    expect(existsSync(join(fixture.root, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
    const previous = () => readdirSync(fixture.root).filter((name) => name.startsWith('dist.previous'));
    for (let waited = 0; previous().length > 0 && waited < 20_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(previous()).toEqual([]);
  });
});
