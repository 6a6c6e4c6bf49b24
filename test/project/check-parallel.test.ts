/**
 * `deeds check` on many entries runs them in worker threads: the result must be the same as in
 * one thread, message for message, including the cross-file checks that reach back into a
 * document processed elsewhere (a deed over its announcement's limit).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { checkProject } from '../../src/project/check.ts';
import { runProject } from '../../src/project/run.ts';
import { toDiagnostics } from '../../src/lib/report.ts';
import { tempDir } from '../helpers/temp.ts';

function write(root: string, path: string, frontmatter: Record<string, unknown>, body: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`);
}

/** A deed by person `i` of 2022, as the project's deeds are written. */
function writeDeed(root: string, i: number, body: string, extra: Record<string, unknown> = {}): void {
  write(
    root,
    `content/deeds/2023/deed-${i}.mdx`,
    { title: `事迹${i}`, subject: { name: `人员${i}`, type: 'person' }, year: 2022, ...extra },
    body,
  );
}

describe('checkProject in worker threads', () => {
  const root = tempDir('deeds-parallel-');
  write(
    root,
    'content/announcements/2023/notice.mdx',
    {
      kind: 'notice',
      title: '关于开展评选的通知',
      docNumber: '示卫字〔2023〕4号',
      issuer: '示例市卫生健康委员会',
      date: '2023-01-04',
      wordLimits: [{ limit: 50, kind: 'max', appliesTo: '事迹材料' }],
    },
    '各单位：现将有关事项通知如下。\n',
  );
  for (let i = 0; i < 12; i++) {
    const body =
      i % 3 === 0
        ? `${'卫'.repeat(40)}。\n\n${'卫'.repeat(40)}。\n`
        : i % 3 === 1
          ? '**市卫生局，效劳群众。\n'
          : '扎根社区，服务群众。\n';
    write(
      root,
      `content/deeds/2023/deed-${i}.mdx`,
      {
        title: `事迹${i}`,
        subject: { name: `人员${i}`, type: 'person' },
        year: 2022,
        announcement: i % 2 === 0 ? '2023/notice' : '2023/missing',
      },
      body,
    );
  }

  test('the same diagnostics as one thread', async () => {
    const single = await checkProject({ root, today: '2024-01-01', workers: 1, cache: false });
    const parallel = await checkProject({ root, today: '2024-01-01', workers: 2, parallelFrom: 1, cache: false });
    const a = toDiagnostics(single.files);
    const b = toDiagnostics(parallel.files);
    expect(a.length).toBeGreaterThan(10);
    expect(a.map((d) => d.ruleId)).toContain('word-limit');
    expect(a.map((d) => d.ruleId)).toContain('references');
    expect(b).toEqual(a);
    const counts = parallel.entries
      .filter((e) => e.collection === 'deeds')
      .map((e) => e.document.file.data.wordCount?.limit);
    expect(counts).toEqual(
      single.entries.filter((e) => e.collection === 'deeds').map((e) => e.document.file.data.wordCount?.limit),
    );
  });
});

describe('checkProject when a worker thread fails', () => {
  test('does the work in its own thread and gives the same diagnostics', async () => {
    const root = tempDir('deeds-parallel-oom-');
    for (let i = 0; i < 4; i++) writeDeed(root, i, i % 2 === 0 ? '**市卫生局，效劳群众。\n' : '扎根社区，服务群众。\n');
    const single = await checkProject({ root, today: '2024-01-01', workers: 1, cache: false });
    // Threads too small to load the pipeline run out of memory at once.
    const starved = await checkProject({
      root,
      today: '2024-01-01',
      workers: 2,
      parallelFrom: 1,
      cache: false,
      resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 },
    });
    expect(toDiagnostics(single.files).length).toBeGreaterThan(2);
    expect(toDiagnostics(starved.files)).toEqual(toDiagnostics(single.files));
  });
});

describe('the check cache', () => {
  test('a second run reuses unchanged files and gives the same diagnostics; a changed file is checked again', async () => {
    const root = tempDir('deeds-cache-');
    for (let i = 0; i < 4; i++) writeDeed(root, i, i === 0 ? '**市卫生局。\n' : '扎根社区。\n');
    write(
      root,
      'content/deeds/2023/photo.mdx',
      { title: '有图', subject: { name: '人员9', type: 'person' }, year: 2022 },
      '![照片](./missing.jpg)\n',
    );
    const first = await checkProject({ root, today: '2024-01-01', workers: 1 });
    expect(first.cached).toBe(0);
    const second = await checkProject({ root, today: '2024-01-01', workers: 1 });
    // Entries with images are never cached: their result depends on other files.
    expect(second.cached).toBe(4);
    expect(toDiagnostics(second.files)).toEqual(toDiagnostics(first.files));
    expect(toDiagnostics(second.files).some((d) => d.ruleId === 'placeholder')).toBe(true);
    writeDeed(root, 0, '扎根社区。\n');
    const third = await checkProject({ root, today: '2024-01-01', workers: 1 });
    expect(third.cached).toBe(3);
    expect(toDiagnostics(third.files).some((d) => d.ruleId === 'placeholder')).toBe(false);
    const otherDay = await checkProject({ root, today: '2024-01-02', workers: 1 });
    expect(otherDay.cached).toBe(0);
  });
});

describe('the build fills the check cache', () => {
  function project(): string {
    const root = tempDir('deeds-build-cache-');
    for (let i = 0; i < 6; i++) {
      writeDeed(root, i, i === 0 ? '**市卫生局，效劳群众。\n' : '扎根社区，服务群众。\n', {
        announcement: i % 2 ? '2023/missing' : undefined,
      });
    }
    write(
      root,
      'content/deeds/2023/photo.mdx',
      { title: '有图', subject: { name: '人员9', type: 'person' }, year: 2022 },
      '![照片](./missing.jpg)\n',
    );
    return root;
  }

  test('a check after the build reuses every cacheable file and reports the same', async () => {
    const root = project();
    const cold = await checkProject({ root, today: '2024-01-01', workers: 1, cache: false });
    runProject({ root, today: '2024-01-01', recordChecks: true });
    const after = await checkProject({ root, today: '2024-01-01', workers: 1 });
    // Six write-ups from the build's findings; the one with a photo is always checked again.
    expect(after.cached).toBe(6);
    const diagnostics = toDiagnostics(after.files);
    expect(diagnostics).toEqual(toDiagnostics(cold.files));
    expect(diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['placeholder', 'spun-text', 'references']),
    );
  });

  test('without recordChecks the build leaves no cache', async () => {
    const root = project();
    runProject({ root, today: '2024-01-01' });
    const after = await checkProject({ root, today: '2024-01-01', workers: 1 });
    expect(after.cached).toBe(0);
  });
});
