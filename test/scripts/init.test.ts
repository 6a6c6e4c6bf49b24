/**
 * `deeds init`: the demo's manifest matches `content/`, the command deletes only the demo, refuses
 * anything else, asks (or refuses without a terminal), and leaves a content folder that builds into
 * an empty site with friendly empty states and none of the demo's text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentFiles, demoManifestOf, readDemoManifest } from '../../src/model/init-site.ts';
import { loadRegistries } from '../../src/model/registries.ts';
import { loadSite } from '../../src/model/site-config.ts';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { tempDir } from '../helpers/temp.ts';

const TSX = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DEEDS = join(PROJECT_ROOT, 'scripts', 'deeds.ts');

/** A root holding a copy of the demo's `content/`. */
function demoCopy(): string {
  const root = tempDir('deeds-init-');
  cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

/** `deeds init …` in `root`, with stdin a pipe (not a terminal). */
function init(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [TSX, DEEDS, 'init', ...args], {
    cwd: root,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

const ISSUER = '某市卫生健康委员会';
const URL = 'https://wjw.example.gov.cn/honours';

describe('deeds init', () => {
  test('the demo manifest lists exactly the files of content/ with their hashes', () => {
    expect(
      readDemoManifest(),
      'content/ changed: run `npm run deeds -- init --update-demo-manifest` and commit src/model/demo-content.json',
    ).toEqual(demoManifestOf(PROJECT_ROOT).files);
  });

  test('without --yes and without a terminal it refuses in one line and changes nothing', () => {
    const root = demoCopy();
    const result = init(root, '--name', ISSUER, '--url', URL);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--yes');
    expect(contentFiles(root)).toEqual(readDemoManifest().map((f) => f.path));
  });

  test('refuses when content/ holds a file that is not the demo’s, naming it', () => {
    const root = demoCopy();
    writeFileSync(join(root, 'content', 'deeds', '2024', 'a-own.mdx'), '---\ntitle: 本单位的事迹\n---\n');
    const result = init(root, '--name', ISSUER, '--url', URL, '--yes');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/deeds/2024/a-own.mdx');
    expect(existsSync(join(root, 'content', 'units.yaml'))).toBe(true);
    expect(readFileSync(join(root, 'content', 'units.yaml'), 'utf8')).toContain('示例');
  });

  test('refuses when a demo file was edited', () => {
    const root = demoCopy();
    writeFileSync(join(root, 'content', 'glossary.yaml'), '[]\n');
    const result = init(root, '--name', ISSUER, '--url', URL, '--yes');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/glossary.yaml');
  });

  test('needs --name and a full --url', () => {
    const root = demoCopy();
    expect(init(root, '--url', URL, '--yes').status).toBe(2);
    const bad = init(root, '--name', ISSUER, '--url', 'wjw.example.gov.cn', '--yes');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('完整网址');
  });

  test('with --yes it removes the demo and writes site.yaml and empty registries', () => {
    const root = demoCopy();
    const result = init(root, '--name', ISSUER, '--url', URL, '--yes');
    expect(result.status, result.stderr).toBe(0);
    expect(contentFiles(root)).toEqual(['content/glossary.yaml', 'content/site.yaml', 'content/units.yaml']);
    const { site, problems } = loadSite(join(root, 'content'));
    expect(problems).toEqual([]);
    expect(site).toMatchObject({ publisher: ISSUER, url: `${URL}/` });
    expect(loadRegistries(join(root, 'content'))).toEqual({ units: [], glossary: [], problems: [] });
    // Run again: its own site.yaml is not the demo's.
    const again = init(root, '--name', ISSUER, '--url', URL, '--yes');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/');
  });
});

describe('an empty site after deeds init', () => {
  let fixture: FixtureRoot;
  let dist: string;
  let log = '';
  let status: number | null = null;

  beforeAll(() => {
    const root = demoCopy();
    const result = init(root, '--name', ISSUER, '--url', URL, '--yes');
    expect(result.status, result.stderr).toBe(0);
    fixture = fixtureRoot(join(root, 'content'));
    const build = buildFixture(fixture.root);
    status = build.status;
    log = `${build.stdout}\n${build.stderr}`;
    dist = join(fixture.root, 'dist');
  });
  afterAll(() => fixture?.remove());

  const page = (path: string) => readFileSync(join(dist, path), 'utf8');

  test('builds', () => {
    expect(status, log.slice(-3000)).toBe(0);
  });

  test.each([
    ['index.html', '还没有发布任何通知公告'],
    ['announcements/index.html', '还没有发布任何通知公告'],
    ['rolls/index.html', '还没有发布任何表彰名单'],
    ['deeds/index.html', '还没有发布任何事迹材料'],
    ['awardees/index.html', '还没有获奖人员'],
    ['units/index.html', '还没有获表彰的单位'],
    ['search/index.html', '还没有发布任何'],
  ])('%s has a friendly empty state', (path, text) => {
    expect(page(path)).toContain(text);
  });

  test('with no entries there is no index to load: search forms stay plain forms', () => {
    // The search page and the header box are marked, and their scripts leave marked forms alone, so an
    // empty site never says that search is unavailable.
    expect(page('search/index.html')).toMatch(/data-search-page[^>]*data-search-empty/u);
    expect(page('index.html')).toMatch(/data-search-box[^>]*data-search-empty/u);
  });

  test('pages carry the new issuer and none of the demo’s text', () => {
    for (const path of ['index.html', 'announcements/index.html', 'search/index.html', '404.html']) {
      const html = page(path);
      expect(html, path).toContain(ISSUER);
      expect(html, path).not.toContain('均为示例');
      expect(html, path).not.toContain('示例市');
    }
  });
});
