/**
 * The benchmark works end to end: a small run builds both sites, indexes, checks and converts, and
 * prints one sane JSON object. Nothing here is timed against a target; `npm run bench` does that.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, type CorpusSummary } from '../../../tools/bench/corpus.ts';
import { measureCommand, treeRssBytes } from '../../../tools/bench/process-tree.ts';
import { buildSteps, duration } from '../../../tools/bench/run.ts';
import { traditionalText } from '../../../tools/bench/traditional-text.ts';
import { splitFrontmatter } from '../../../src/model/frontmatter.ts';
import { runProject, type ProjectResult } from '../../../src/project/run.ts';
import { SCHEMAS } from '../../../src/pipeline/process-document.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';
import { hasChromium } from '../../../tools/chromium.ts';

describe('generateCorpus', () => {
  let root: string;
  let summary: CorpusSummary;
  let project: ProjectResult;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'deeds-bench-test-'));
    summary = generateCorpus(join(root, 'content'), { pages: 250, groupSize: 100 });
    project = runProject({ root });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('writes the deeds with their notices, decisions and rolls', () => {
    expect(summary.deeds).toBe(250);
    expect(summary.rolls).toBe(3);
    expect(summary.announcements).toBe(6);
    expect(summary.traditional).toBeGreaterThan(25);
    expect(summary.traditional).toBeLessThan(75);
    expect(summary.pinyin).toBeGreaterThan(0);
    expect(summary.noisy).toBeGreaterThan(0);
  });

  test('each deed has about 1,500 Han characters', () => {
    for (const path of summary.deedPaths.slice(0, 50)) {
      const { body } = splitFrontmatter(readFileSync(join(root, 'content', path), 'utf8'));
      const han = body.match(/\p{Script=Han}/gu)?.length ?? 0;
      expect(han).toBeGreaterThanOrEqual(1500);
      expect(han).toBeLessThan(1700);
    }
  });

  test('is the same for the same seed', () => {
    const again = mkdtempSync(join(tmpdir(), 'deeds-bench-test-'));
    try {
      const other = generateCorpus(join(again, 'content'), { pages: 250, groupSize: 100 });
      const path = other.deedPaths[207]!;
      expect(readFileSync(join(again, 'content', path), 'utf8')).toBe(
        readFileSync(join(root, 'content', path), 'utf8'),
      );
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test('every awardee of a deed is in its roll', () => {
    const rolls = new Map(
      project.entries.filter((e) => e.collection === 'rolls').map((e) => [e.id, e.document.frontmatter]),
    );
    for (const entry of project.entries.filter((e) => e.collection === 'deeds')) {
      const deed = entry.document.frontmatter as { subject: { name: string }; roll: string };
      const roll = rolls.get(deed.roll) as { categories: { awardees: { name: string }[] }[] } | undefined;
      expect(roll, deed.roll).toBeDefined();
      expect(roll!.categories.flatMap((c) => c.awardees.map((a) => a.name))).toContain(deed.subject.name);
    }
  });

  test('is valid against the schemas and clean under the checks', () => {
    expect(project.entries).toHaveLength(259);
    for (const entry of project.entries) {
      expect(SCHEMAS[entry.collection].safeParse(entry.document.frontmatter).success, entry.path).toBe(true);
    }
    const errors = project.files.flatMap((file) =>
      file.messages.filter((m) => m.fatal === true).map((m) => `${file.path}:${m.line}: ${m.reason} (${m.ruleId})`),
    );
    expect(errors).toEqual([]);
  });
});

describe('process-tree memory', () => {
  test('counts the descendants of the child, not only the child', async () => {
    // A shell that starts a node process holding ~200 MB: the shell alone is a few MB.
    const hold = `const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => b.length, 1500);`;
    const measured = await measureCommand('sh', ['-c', `"${process.execPath}" -e '${hold}'; true`], {
      cwd: PROJECT_ROOT,
      intervalMs: 50,
      apart: /Buffer\.alloc/,
    });
    expect(measured.code).toBe(0);
    expect(measured.peakRssMB).toBeGreaterThan(200);
    expect(measured.peakApartRssMB).toBeGreaterThan(200);
    expect(measured.peakRssWithoutApartMB).toBeLessThan(50);
    expect(measured.seconds).toBeGreaterThan(1.4);
  });

  test('counts the CPU time of a busy child', async () => {
    // A fixed amount of work, timed here by CPU use (wall time varies on a shared machine).
    const work = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i) % 1000003; if (x < 0) console.log(x);';
    const before = process.cpuUsage();
    new Function(work)();
    const used = process.cpuUsage(before);
    const here = (used.user + used.system) / 1e6;
    const measured = await measureCommand(process.execPath, ['-e', work], { cwd: PROJECT_ROOT });
    expect(measured.code).toBe(0);
    expect(measured.cpuSeconds).toBeGreaterThan(here * 0.6);
    expect(measured.cpuSeconds).toBeLessThan(here * 3 + 0.5);
  });

  test('is zero for a process that has exited', () => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.status).toBe(0);
    expect(treeRssBytes(child.pid!)).toBe(0);
  });
});

test.each([
  ['1m 4s', 64],
  ['55.75s', 55.75],
  ['231ms', 0.231],
  ['7035 ms', 7.035],
  ['29.5 秒', 29.5],
])('duration(%j) is %d s', (text, seconds) => {
  expect(duration(text)).toBeCloseTo(seconds, 6);
});

test('buildSteps reads the steps from an Astro build log', () => {
  const log = [
    '07:44:45 [content] Syncing content',
    '07:45:37 [deeds-documents] 内容管线处理 1015 个条目，用时 51.2 秒',
    '07:45:37 [types] Generated 55.75s',
    ' generating static routes ',
    '07:46:10 ▶ src/pages/deeds/[...id].astro',
    '07:46:10 \u001b[32m✓ Completed in 16.67s.\u001b[39m',
    '07:46:10 [build] ✓ Completed in 32.86s.',
    '07:46:17 [deeds-traditional-variant] 繁體版 2088 页（tw），用时 7035 ms',
    '07:46:46 [deeds:pagefind] 已为 2055 个页面建立搜索索引（姓名索引 4077 条，最大索引块 48 KB），用时 29.5 秒',
    '07:46:52 [deeds:og-images] 分享图片 2110 张（新绘 2110 张，每张约 13 ms，其余取自缓存），用时 27.4 秒',
  ].join('\n');
  expect(buildSteps(log)).toEqual({
    content: 51.2,
    pages: 16.67,
    traditional: 7.035,
    searchIndex: 29.5,
    shareImages: 27.4,
  });
  expect(buildSteps('07:45:37 [types] Generated 1m 4s')).toEqual({ content: 64 });
});

test('traditionalText is at least the size asked for, in whole copies', () => {
  const { text } = traditionalText(300_000);
  expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(300_000);
  expect(Buffer.byteLength(text)).toBeLessThan(400_000);
  expect(text).toMatch(/[衛衞會醫務]/);
});

test('npm run bench -- --json --rounds 2 prints one sane object', { timeout: 900_000 }, async () => {
  const tsx = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(
    process.execPath,
    [tsx, 'scripts/bench.ts', '--pages', '120', '--json', '--text-mb', '0.5', '--rounds', '2', '--keep'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, stderr.slice(-3000)).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const result = JSON.parse(lines[0]!);
  expect(Object.keys(result)).toEqual([
    'pages',
    'build',
    'total',
    'pagefind',
    'baseline',
    'ratio',
    'incremental',
    'search',
    'check',
    'normalise',
    'machine',
    'targets',
  ]);
  expect(result.pages).toBe(120);
  expect(result.build.seconds).toBeGreaterThan(0);
  expect(result.build.peakRssMB).toBeGreaterThan(50);
  expect(result.baseline.seconds).toBeGreaterThan(0);
  expect(result.baseline.peakRssMB).toBeGreaterThan(50);
  expect(result.ratio.time).toBeCloseTo(result.build.seconds / result.baseline.seconds, 1);
  expect(result.ratio.memory).toBeCloseTo(result.build.peakRssMB / result.baseline.peakRssMB, 1);
  // Issue 21: the whole build, stock Pagefind, the edited deed, search in Chromium.
  expect(result.total.seconds).toBeGreaterThanOrEqual(result.build.seconds);
  expect(result.total.peakRssMB).toBeGreaterThanOrEqual(result.build.peakRssMB);
  expect(result.baseline.pagefindSeconds).toBeGreaterThan(0);
  expect(result.baseline.pagefindPeakRssMB).toBeGreaterThan(5);
  expect(result.ratio.total).toBeGreaterThan(0);
  expect(result.incremental).toMatchObject({ identical: true, differing: [] });
  expect(result.incremental.seconds).toBeGreaterThan(0);
  if (hasChromium) {
    for (const key of ['nameFirstKB', 'fullTextFirstKB', 'laterP90KB'])
      expect(result.search[key], key).toBeGreaterThan(0);
    expect(result.search.p50ms).toBeGreaterThanOrEqual(0);
  }
  expect(Object.keys(result.targets)).toHaveLength(7);
  expect(result.pagefind.seconds).toBeGreaterThan(0);
  expect(result.pagefind.indexBytes).toBeGreaterThan(10_000);
  expect(result.normalise.MBps).toBeGreaterThan(0);
  expect(result.normalise.nativeOpenccMBps === null || result.normalise.nativeOpenccMBps > 0).toBe(true);
  expect(result.check.seconds === null || result.check.seconds > 0).toBe(true);
  expect(result.machine.cpus).toBeGreaterThan(0);
  expect(result.machine.node).toBe(process.version);
  // Two rounds, each side built twice from clean caches; the medians are the result.
  const kept = /bench: kept (\S+)/.exec(stderr)?.[1];
  expect(kept, stderr.slice(-2000)).toBeDefined();
  try {
    const { details } = JSON.parse(readFileSync(join(kept!, 'bench-result.json'), 'utf8'));
    expect(details.rounds).toHaveLength(2);
    expect(stderr).toContain('baseline (round 2)');
    expect(stderr.indexOf('baseline (round 2)')).toBeLessThan(stderr.indexOf('build (round 2)'));
    const ours = details.rounds
      .map((r: { ours: { seconds: number } }) => r.ours.seconds)
      .sort((a: number, b: number) => a - b);
    expect(result.build.seconds).toBe(ours[0]);
    // The whole build's median, and the ratio over the median of each round's stock build + stock Pagefind.
    type Round = { ours: { totalSeconds: number }; stock: { seconds: number; pagefindSeconds: number } };
    const totals = details.rounds.map((r: Round) => r.ours.totalSeconds).sort((a: number, b: number) => a - b);
    expect(result.total.seconds).toBe(totals[0]);
    const stock = details.rounds
      .map((r: Round) => r.stock.seconds + r.stock.pagefindSeconds)
      .sort((a: number, b: number) => a - b);
    // The JSON's seconds are rounded to 0.01 s; the ratio is of the unrounded ones (builds of ~2 s here).
    expect(result.ratio.total).toBeCloseTo(result.total.seconds / stock[0], 1);
    expect(details.incremental.comparison.files).toBeGreaterThan(100);
  } finally {
    rmSync(kept!, { recursive: true, force: true });
  }
});
