/**
 * Incremental publishing (issue #21): after an edit, a rebuild that starts from the previous build's
 * caches writes exactly the site a clean build of the same content writes: the same files, byte for
 * byte, the 繁體 variant, open data, the search index and the precompressed twins included.
 *
 * One project (the demo's content) is built, edited and rebuilt; after each step the same content is
 * built clean in a project of its own, and the two sites are compared file by file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';

const EDITED = 'content/deeds/2023/li-jing.mdx';
const DELETED = 'content/deeds/2024/fan-kun.mdx';

/** Every file of a built site, by path relative to it, with the digest of its bytes. */
function listing(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    files.set(name, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

/** The differences between two sites: files only in one, and files whose bytes differ. */
function differences(incremental: string, clean: string): string[] {
  const a = listing(incremental);
  const b = listing(clean);
  const out: string[] = [];
  for (const [name, digest] of a) {
    if (!b.has(name)) out.push(`only in the incremental build: ${name}`);
    else if (b.get(name) !== digest) out.push(`differs: ${name}`);
  }
  for (const name of b.keys()) if (!a.has(name)) out.push(`only in the clean build: ${name}`);
  return out;
}

function built(fixture: FixtureRoot): string {
  const result = buildFixture(fixture.root);
  expect(result.status, `${result.stdout}\n${result.stderr}`.slice(-4000)).toBe(0);
  return `${result.stdout}\n${result.stderr}`;
}

/** The same content as `project`, built clean in a project of its own: the site a rebuild must equal. */
function cleanBuildOf(project: FixtureRoot): string {
  const clean = fixtureRoot(join(project.root, 'content'));
  try {
    built(clean);
    const kept = `${project.root}-clean`;
    rmSync(kept, { recursive: true, force: true });
    cpSync(join(clean.root, 'dist'), kept, { recursive: true });
    return kept;
  } finally {
    clean.remove();
  }
}

describe('an incremental rebuild writes what a clean build writes', () => {
  let project: FixtureRoot;
  const dist = () => join(project.root, 'dist');
  beforeAll(() => {
    project = fixtureRoot(join(PROJECT_ROOT, 'content'));
    built(project);
  }, 240_000);
  afterAll(() => {
    rmSync(`${project.root}-clean`, { recursive: true, force: true });
    project.remove();
  });

  test('npm run build, whose later steps run after Astro exits, writes what a plain astro build writes in one process', () => {
    // The project was built by its build script (DEEDS_FINISH=later, then scripts/finish-build.ts).
    expect(existsSync(join(project.root, '.dist.finish.json'))).toBe(false);
    const single = fixtureRoot(join(PROJECT_ROOT, 'content'));
    try {
      const result = spawnSync(
        process.execPath,
        [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
        {
          cwd: single.root,
          encoding: 'utf8',
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DEEDS_FINISH: '' },
        },
      );
      expect(result.status, `${result.stdout}\n${result.stderr}`.slice(-4000)).toBe(0);
      expect(result.stdout).toMatch(/繁體版 \d+ 页/);
      expect(differences(dist(), join(single.root, 'dist'))).toEqual([]);
    } finally {
      single.remove();
    }
  }, 240_000);

  test('a deed whose body changed: only its pages are rendered again, and the site equals a clean build', () => {
    const file = join(project.root, EDITED);
    writeFileSync(file, readFileSync(file, 'utf8').replace('做全科医生已经第十一个年头', '做全科医生已经第十二个年头'));
    const log = built(project);
    // Pages and 繁體 copies of unchanged write-ups came from the caches.
    expect(log).toMatch(/\(cached\)|\(restored\)/);
    expect(log).toMatch(/繁體版 \d+ 页（tw，新转换 \d+ 页/);
    expect(readFileSync(join(dist(), 'deeds/2023/li-jing/index.html'), 'utf8')).toContain('第十二个年头');
    expect(readFileSync(join(dist(), 'zh-hant/deeds/2023/li-jing/index.html'), 'utf8')).toContain('第十二個年頭');
    expect(differences(dist(), cleanBuildOf(project))).toEqual([]);
  }, 240_000);

  test('a rebuild with nothing changed writes the same site again', () => {
    const log = built(project);
    expect(log).toMatch(/繁體版 \d+ 页（tw，新转换 0 页/);
    expect(log).toMatch(/, 0 compressed anew/);
    expect(differences(dist(), `${project.root}-clean`)).toEqual([]);
  }, 240_000);

  test('a title that lists and the awardee page show: they change with it, and the site equals a clean build', () => {
    const file = join(project.root, EDITED);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('title: 把诊室搬进居民楼', 'title: 把诊室搬进老旧小区的居民楼'),
    );
    built(project);
    expect(readFileSync(join(dist(), 'deeds/year/2022/index.html'), 'utf8')).toContain('把诊室搬进老旧小区的居民楼');
    const awardee = readdirSync(join(dist(), 'awardees'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('index.html'))
      .map((name) => readFileSync(join(dist(), 'awardees', name), 'utf8'))
      .find((html) => html.includes('<h1 data-pagefind-weight="10">李静</h1>'));
    expect(awardee).toContain('把诊室搬进老旧小区的居民楼');
    expect(differences(dist(), cleanBuildOf(project))).toEqual([]);
  }, 240_000);

  test('a deleted deed disappears, with its 繁體 copy and twins, and the site equals a clean build', () => {
    const page = join(dist(), 'deeds/2024/fan-kun/index.html');
    expect(existsSync(page)).toBe(true);
    rmSync(join(project.root, DELETED));
    built(project);
    expect(existsSync(page)).toBe(false);
    expect(existsSync(`${page}.gz`)).toBe(false);
    expect(existsSync(join(dist(), 'zh-hant/deeds/2024/fan-kun/index.html'))).toBe(false);
    expect(differences(dist(), cleanBuildOf(project))).toEqual([]);
  }, 240_000);
});
