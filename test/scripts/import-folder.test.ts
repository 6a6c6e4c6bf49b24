/**
 * `deeds import <folder> --report`: the folder (a .doc notice, a text .pdf decision, the
 * same roll as .xlsx and .xls, a GBK page, a scan) in one command, then again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as importCommand from '../../scripts/commands/import.ts';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT, type Collection } from '../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { tempDir } from '../helpers/temp.ts';
import { runCommand } from './helpers.ts';

const SAMPLES = join(PROJECT_ROOT, 'test/fixtures/import-formats');

/** Every file under `dir` with its sha256: what a second run must leave exactly as it was. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

function inbox(): { project: string; folder: string; content: string } {
  const project = tempDir('deeds-import-folder-');
  const folder = join(project, 'inbox');
  mkdirSync(join(folder, '2024'), { recursive: true });
  for (const name of ['notice.doc', 'decision.pdf', 'roll.xlsx', 'gbk-page.htm', 'scan.pdf']) {
    copyFileSync(join(SAMPLES, name), join(folder, name));
  }
  copyFileSync(join(SAMPLES, 'roll.xls'), join(folder, '2024', 'roll.xls'));
  // What folders also hold: Office's lock file, a hidden file, a link out of the folder.
  writeFileSync(join(folder, '~$notice.doc'), 'lock');
  writeFileSync(join(folder, '.DS_Store'), 'x');
  const outside = join(project, 'private.txt');
  writeFileSync(outside, '关于表彰的决定\n\n内部材料。\n');
  symlinkSync(outside, join(folder, 'link.txt'));
  return { project, folder, content: join(project, 'content') };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r') continue;
    else if (c === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''));
    else cell += c;
  }
  return rows;
}

describe('deeds import of a folder', () => {
  test('the issue’s folder: four entries, the scan refused in the report, a second run changes nothing', async () => {
    const { project, folder, content } = inbox();
    const report = join(project, 'report.csv');
    const first = await runCommand(importCommand, [folder, '--out', content, '--allow-outside', '--report', report]);
    // The scan is refused by name, in one line; the rest are imported.
    expect(first.stderr.trim().split('\n')).toEqual([expect.stringMatching(/scan\.pdf：这是扫描件/u)]);
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/共 6 个文件：已导入 4（其中待填写 0），并入同一文件 1，未变 0，未导入 1/u);
    expect(first.stdout).toContain('pdf（扫描件）：未导入 1');
    expect(first.stdout).not.toContain('\r'); // no progress line when not on a terminal

    const entries = Object.keys(tree(content)).filter((name) => name.endsWith('.mdx'));
    expect(entries).toHaveLength(4);
    const data = Object.fromEntries(
      entries.map((name) => [name, splitFrontmatter(readFileSync(join(content, name), 'utf8')).data]),
    );
    const find = (pattern: RegExp) => Object.entries(data).find(([, d]) => pattern.test(String(d.title)))!;
    const [noticeName, notice] = find(/评选活动的通知$/u);
    const [decisionName, decision] = find(/的决定$/u);
    const [, publicity] = find(/的公示$/u);
    const [rollName, roll] = find(/名单$/u);
    const id = (name: string) => name.replace(/^[a-z]+\//u, '').replace(/\.mdx$/u, '');
    expect(notice).toMatchObject({ kind: 'notice', docNumber: '示卫发〔2023〕31号', deadline: '2023-12-15' });
    // Documents that name one another are linked: by 发文字号, by title, by attachment.
    expect(decision).toMatchObject({ kind: 'decision', notice: id(noticeName) });
    expect(publicity).toMatchObject({ kind: 'publicity', notice: id(noticeName), source: { encoding: 'GB18030' } });
    expect(roll).toMatchObject({ decision: id(decisionName) });
    // The roll as .xlsx and .xls is one entry keeping both originals.
    const source = roll.source as { file: string; sha256: string; also: { file: string; sha256: string }[] };
    expect(source.also).toHaveLength(1);
    for (const original of [source, ...source.also]) {
      const bytes = readFileSync(join(project, original.file));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(original.sha256);
    }
    expect(
      (roll.categories as { name: string; awardees: unknown[] }[]).map((c) => [c.name, c.awardees.length]),
    ).toEqual([
      ['先进个人', 3],
      ['优秀护士', 2],
      ['先进集体', 3],
    ]);
    // Each category of the roll's body stands above its own table.
    const rollBody = splitFrontmatter(readFileSync(join(content, rollName), 'utf8')).body;
    expect(rollBody).toMatch(/\n优秀护士\n\n\| 姓名 \| 工作单位 \|\n\| --- \| --- \|\n\| 刘洋 /u);
    // Every entry parses and has no errors; nothing of the page's furniture reached it.
    for (const name of entries) {
      const value = readFileSync(join(content, name), 'utf8');
      const collection = name.split('/')[0] as Collection;
      const { file } = processDocument({ path: name, value, collection }, EMPTY_CONTEXT);
      expect(file.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
      expect(value).not.toMatch(/版权所有|备案号|请输入关键字|首页|内部材料/u);
    }

    // The report: one row per file, the scan refused as a scan; hidden, lock and linked-out files skipped.
    const rows = parseCsv(readFileSync(report, 'utf8').replace(/^\uFEFF/u, ''));
    expect(rows[0]).toEqual(['文件', 'sha256', '格式', '结果', '条目', '读出的信息', '待填写', '提示', '未导入原因']);
    const byFile = Object.fromEntries(rows.slice(1).map((r) => [relative(folder, r[0]!), r]));
    expect(Object.keys(byFile).sort()).toEqual([
      '2024/roll.xls',
      'decision.pdf',
      'gbk-page.htm',
      'notice.doc',
      'roll.xlsx',
      'scan.pdf',
    ]);
    expect(byFile['scan.pdf']!.slice(2, 5)).toEqual(['pdf（扫描件）', '未导入', '']);
    expect(byFile['scan.pdf']![8]).toMatch(/扫描件/u);
    expect(byFile['2024/roll.xls']![3]).toBe('并入同一文件的条目');
    expect(byFile['notice.doc']![5]).toContain('文号 示卫发〔2023〕31号');
    for (const row of rows.slice(1)) expect(row[1]).toMatch(/^[0-9a-f]{64}$/u);

    // A second run changes nothing at all.
    const before = tree(project);
    const second = await runCommand(importCommand, [folder, '--out', content, '--allow-outside', '--report', report]);
    expect(second.stdout).toMatch(/共 6 个文件：已导入 0（其中待填写 0），并入同一文件 0，未变 5，未导入 1/u);
    const after = tree(project);
    delete before['report.csv'];
    delete after['report.csv'];
    expect(after).toEqual(before);
  });

  test('on a terminal a progress line shows files done and the current one, and is cleared at the end', async () => {
    const { folder, content } = inbox();
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    try {
      const { stderr } = await runCommand(importCommand, [folder, '--out', content, '--allow-outside']);
      expect(stderr).toContain(`[1/6] ${join(folder, '2024', 'roll.xls')}`);
      expect(stderr).toContain(`[6/6] ${join(folder, 'scan.pdf')}`);
      expect(stderr).toMatch(/\r\x1b\[K\r?\n?.*scan\.pdf：这是扫描件/u);
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });

  test('a document that cannot be written leaves nothing behind; the others are imported', async () => {
    const { project, folder, content } = inbox();
    // Where the notice's original would be archived, a folder stands: the rename into place fails.
    const blocked = join(
      project,
      'archive/originals/announcements/2023/guan-yu-kai-zhan-2023-nian-du-quan-shi-wei-sheng-jian-kang.original.doc',
    );
    mkdirSync(join(blocked, 'in-the-way'), { recursive: true });
    const { stderr } = await runCommand(importCommand, [folder, '--out', content, '--allow-outside']);
    expect(stderr).toMatch(/notice\.doc：写入失败（.*），没有留下半成品文件/u);
    const files = Object.keys(tree(project));
    expect(files.filter((name) => name.includes('guan-yu-kai-zhan'))).toEqual([]);
    // Nothing links to the notice that was not written.
    const texts = files
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => readFileSync(join(project, name), 'utf8'));
    expect(texts.filter((text) => /^notice:/mu.test(text))).toEqual([]);
    expect(files.filter((name) => /\.tmp-/u.test(name))).toEqual([]);
    expect(files.filter((name) => name.endsWith('.mdx'))).toHaveLength(3);
  });

  test('a folder with nothing to import exits 2 with one line naming it', async () => {
    const { project, content } = inbox();
    const empty = join(project, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, '~$lock.docx'), 'x');
    const { code, stdout, stderr } = await runCommand(importCommand, [empty, '--out', content, '--allow-outside']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${empty}：没有找到可导入的文件（隐藏文件和 ~$ 开头的临时文件不算）\n`);
  });

  test('the same notice as .pdf in a later run joins the .doc’s entry as another original; nothing else changes', async () => {
    const { project, content } = inbox();
    const doc = join(SAMPLES, 'notice.doc');
    const pdf = join(SAMPLES, 'notice.pdf');
    expect((await runCommand(importCommand, [doc, '--out', content, '--allow-outside'])).code).toBe(0);
    const [entry] = Object.keys(tree(content)).filter((name) => name.endsWith('.mdx'));
    const before = splitFrontmatter(readFileSync(join(content, entry!), 'utf8'));

    const joined = await runCommand(importCommand, [pdf, '--out', content, '--allow-outside']);
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/notice\.pdf 与 .*\.mdx 是同一文件/u);
    const after = splitFrontmatter(readFileSync(join(content, entry!), 'utf8'));
    expect(after.body).toBe(before.body);
    const { also, ...source } = after.data.source as { also: { file: string; sha256: string }[] };
    expect({ ...after.data, source }).toEqual(before.data);
    expect(also).toEqual([{ file: expect.stringMatching(/\.original\.pdf$/u), sha256: sha256Of(pdf) }]);
    expect(readFileSync(join(project, also[0]!.file))).toEqual(readFileSync(pdf));

    // Both again, together: nothing changes.
    const state = tree(project);
    const again = await runCommand(importCommand, [doc, pdf, '--out', content, '--allow-outside']);
    expect(again.stdout).toMatch(/未变 2/u);
    expect(tree(project)).toEqual(state);
  });
});

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
