/**
 * `runProjectInWorkers` gives the same result as `runProject`: the same entries in the same order,
 * the same HTML, data and diagnostics (positions included), cross-file findings included.
 */
import type { NormaliseResult } from '../../src/pipeline/normalise/normalise.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../tools/bench/corpus.ts';
import { checkProject } from '../../src/project/check.ts';
import { toDiagnostics } from '../../src/lib/report.ts';
import { COLLECTIONS, runProject, runProjectInWorkers, type ProjectResult } from '../../src/project/run.ts';
import type { Collection } from '../../src/pipeline/types.ts';

describe('runProjectInWorkers', () => {
  let root: string;
  let serial: ProjectResult;
  let threaded: ProjectResult;
  let bodyFolders: Partial<Record<Collection, string>>;
  const warnings: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deeds-workers-test-'));
    const content = join(root, 'content');
    generateCorpus(content, { pages: 300, groupSize: 100 });
    // Problems of every kind, so that messages have to travel back from the threads.
    mkdirSync(join(content, 'deeds', '2030'), { recursive: true });
    writeFileSync(join(content, 'deeds', '2030', 'broken-yaml.mdx'), '---\ntitle: [unclosed\n---\n\n正文。\n');
    writeFileSync(
      join(content, 'deeds', '2030', 'no-subject.mdx'),
      '---\ntitle: 缺少主体\nyear: 2029\n---\n\n正文。\n',
    );
    writeFileSync(
      join(content, 'deeds', '2030', 'bad-mdx.mdx'),
      '---\ntitle: 语法错误\nsubject:\n  name: 王某\n  type: person\nyear: 2029\n---\n\n正文 {1 + 1} 和 <div\n',
    );
    writeFileSync(
      join(content, 'deeds', '2030', 'bad-roll.mdx'),
      '---\ntitle: 引用不存在的名单\nsubject:\n  name: 王某某\n  type: person\nyear: 2029\nroll: 2099/none\n---\n\n正文。\n',
    );
    serial = runProject({ root, today: '2026-11-22' });
    bodyFolders = Object.fromEntries(
      COLLECTIONS.map((collection) => {
        const folder = join(root, 'bodies', collection);
        mkdirSync(folder, { recursive: true });
        return [collection, folder];
      }),
    );
    threaded = await runProjectInWorkers({
      root,
      today: '2026-11-22',
      workers: 2,
      warn: (m) => warnings.push(m),
      recordChecks: true,
      bodyFolders,
    });
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('runs in threads without falling back', () => {
    expect(warnings).toEqual([]);
  });

  test('has the same entries, HTML, data and extracted data', () => {
    expect(threaded.entries.map((e) => e.path)).toEqual(serial.entries.map((e) => e.path));
    threaded.entries.forEach((entry, i) => {
      const expected = serial.entries[i]!.document;
      expect(entry.document.html).toBe(expected.html);
      expect(entry.document.body).toBe(expected.body);
      expect(entry.document.data).toEqual(expected.data);
      expect(entry.document.frontmatter).toEqual(expected.frontmatter);
      // The normaliser's record comes back as its rule ids (what pages show); all else as it was.
      const { normalise, ...rest } = expected.file.data as Record<string, unknown>;
      const record = normalise as NormaliseResult;
      expect(JSON.parse(JSON.stringify(entry.document.file.data))).toEqual(
        JSON.parse(
          JSON.stringify({
            ...rest,
            normalise: { sourceScript: record.sourceScript, changes: record.changes.map((c) => ({ rule: c.rule })) },
          }),
        ),
      );
      expect(entry.document.split.body).toBe(expected.split.body);
      // The full record, which stayed in the worker, is recomputed when asked for.
      expect(entry.document.normalised.changes).toEqual(record.changes);
      expect(entry.document.normalised.value).toBe(record.value);
    });
  });

  test('stores each body as a file from the thread that rendered it, as this thread would', () => {
    const stored = runProject({ root, today: '2026-11-22', bodyFolders });
    threaded.entries.forEach((entry, i) => {
      const { stored: file } = entry.document;
      expect(file?.file.startsWith(bodyFolders[entry.collection]!)).toBe(true);
      expect(readFileSync(file!.file, 'utf8')).toBe(serial.entries[i]!.document.html);
      expect(file).toEqual(stored.entries[i]!.document.stored);
    });
    // Same body, other data: another digest. Same data and body: one file.
    const digests = new Set(threaded.entries.map((entry) => entry.document.stored!.digest));
    expect(digests.size).toBe(threaded.entries.length);
  });

  test('reports the same problems at the same places', () => {
    expect(serial.errorCount).toBeGreaterThanOrEqual(4);
    expect(threaded.errorCount).toBe(serial.errorCount);
    expect(toDiagnostics(threaded.files)).toEqual(toDiagnostics(serial.files));
  });

  test('parses the tree and locates frontmatter fields on demand', () => {
    const index = serial.entries.findIndex((e) => e.collection === 'deeds');
    const expected = serial.entries[index]!.document;
    const actual = threaded.entries[index]!.document;
    expect(actual.tree).toEqual(expected.tree);
    expect(actual.split.locate(['subject', 'name'])).toEqual(expected.split.locate(['subject', 'name']));
  });

  test('leaves its findings for deeds check, which then reports the same as a cold check', async () => {
    const cold = await checkProject({ root, today: '2026-11-22', workers: 1, cache: false });
    const after = await checkProject({ root, today: '2026-11-22', workers: 1 });
    expect(after.cached).toBe(threaded.entries.length);
    expect(toDiagnostics(after.files)).toEqual(toDiagnostics(cold.files));
  });
});
