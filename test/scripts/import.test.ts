import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as importCommand from '../../scripts/commands/import.ts';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT, type Collection } from '../../src/pipeline/types.ts';
import { describeSeeds, seedPath, SEED_FILES, PROJECT_ROOT } from '../helpers/seeds.ts';
import { runCommand } from './helpers.ts';

const IMPORT_FIXTURES = join(PROJECT_ROOT, 'test/fixtures/import');
const EXTRACT_FIXTURES = join(PROJECT_ROOT, 'test/fixtures/extract');
const scratch = mkdtempSync(join(tmpdir(), 'deeds-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
const freshContent = () => join(scratch, `content-${counter++}`);

/** Import a file and return the entry path written (from the command's message). */
async function importFile(file: string, out: string, ...args: string[]) {
  const output = await runCommand(importCommand, [file, '--out', out, '--allow-outside', ...args]);
  const entries = listFiles(out).filter((f) => f.endsWith('.mdx'));
  return { ...output, entries };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isFile());
}

function processEntry(path: string) {
  const collection = path.split('/').at(-3) as Collection;
  return processDocument({ path, value: readFileSync(path, 'utf8'), collection }, EMPTY_CONTEXT);
}

const structural = (ruleId: string | null | undefined) => /^(?:frontmatter|mdx-syntax)/.test(ruleId ?? '');

describeSeeds('deeds import of the seeds', () => {
  test.each(SEED_FILES)('%s → an entry that parses, renders, and archives its original', async (seed) => {
    const out = freshContent();
    const { code, stderr, entries } = await importFile(
      seedPath(seed),
      out,
      '--url',
      'https://wjw.example.gov.cn/a/1.html',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    const processed = processEntry(entry);
    expect(processed.file.messages.filter((m) => structural(m.ruleId)).map((m) => m.reason)).toEqual([]);
    expect(processed.data).toBeDefined();
    expect(processed.html.length).toBeGreaterThan(200);
    const source = (processed.data as { source: { file: string; sha256: string; url: string } }).source;
    const original = readFileSync(seedPath(seed));
    // The original is archived beside the content folder, not in it (it may hold personal data).
    expect(source.file).toMatch(/^archive\/originals\//u);
    expect(readFileSync(join(dirname(out), source.file))).toEqual(original);
    expect(listFiles(out).some((f) => /\.original\./u.test(f))).toBe(false);
    expect(source.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(source.url).toBe('https://wjw.example.gov.cn/a/1.html');
    expect(listFiles(out).some((f) => /\.tmp-/.test(f))).toBe(false);
  });

  test('the notice becomes an announcement with its facts, and no private form field becomes a field', async () => {
    const out = freshContent();
    const { entries } = await importFile(seedPath('announcement-wujin-2023.txt'), out);
    const text = readFileSync(entries[0]!, 'utf8');
    expect(entries[0]).toContain(join('announcements', '2023'));
    const { data, body } = splitFrontmatter(text);
    expect(data).toMatchObject({
      kind: 'notice',
      docNumber: '武卫字〔2023〕4号',
      issuer: '常州市武进区卫生健康局',
      date: '2023-01-04',
      deadline: '2023-01-10',
      evaluationYear: 2022,
      publicity: '此件公开发布',
    });
    expect(JSON.stringify(data)).not.toMatch(/性别|年龄/);
    expect(body).not.toMatch(/性别|年龄/);
    // The quota table is the frontmatter's, every row of it (rows whose count cell holds a note too);
    // the body does not repeat it, nor say anything of the blank form left out.
    const [table] = data.quotaTables as { rows: { unit: string; counts: (number | null)[] }[] }[];
    expect(table!.rows.map((row) => row.unit)).toHaveLength(10);
    expect(body).not.toContain('| 武进人民医院 |');
    expect(body).not.toContain('空白表格');
  });

  test('a notice without a 成文日期 gets a stand-in the editor is told about', async () => {
    const out = freshContent();
    const { entries } = await importFile(seedPath('announcement-xuchang-2021.txt'), out);
    const { data, body } = splitFrontmatter(readFileSync(entries[0]!, 'utf8'));
    expect(data.date).toBe('2021-01-01');
    expect(body.trimStart()).toMatch(/^> 待填写/u);
    expect(body).toContain('date');
    const processed = processEntry(entries[0]!);
    expect(processed.file.messages.some((m) => m.ruleId === 'placeholder')).toBe(true);
  });

  test('the masked write-up fails the placeholder check; the spun plan gets spun-text warnings', async () => {
    const out = freshContent();
    const masked = await importFile(seedPath('deed-unit-traditional-template-site.txt'), out);
    const maskedMessages = processEntry(masked.entries[0]!).file.messages;
    expect(maskedMessages.some((m) => m.ruleId === 'placeholder' && m.fatal === true)).toBe(true);
    const { data } = splitFrontmatter(readFileSync(masked.entries[0]!, 'utf8'));
    expect(data.subject).toEqual({ name: '**市卫生局', type: 'unit' });
    expect(data.honours).toContain('全国卫生应急先进集体');

    const spunOut = freshContent();
    const spun = await importFile(seedPath('plan-doc-sharing-site-spun.txt'), spunOut);
    expect(processEntry(spun.entries[0]!).file.messages.some((m) => m.ruleId === 'spun-text')).toBe(true);
  });

  test('importing the same file twice gives the same entry; another file is not overwritten without --force', async () => {
    const out = freshContent();
    const first = await importFile(seedPath('announcement-wujin-2023.txt'), out);
    const before = readFileSync(first.entries[0]!, 'utf8');
    const second = await importFile(seedPath('announcement-wujin-2023.txt'), out);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('已导入过');
    expect(second.entries).toEqual(first.entries);
    expect(readFileSync(first.entries[0]!, 'utf8')).toBe(before);

    // A different file that reads as the same entry.
    const altered = join(scratch, 'altered.txt');
    writeFileSync(altered, readFileSync(seedPath('announcement-wujin-2023.txt'), 'utf8') + '\n补充说明。\n');
    const refused = await importFile(altered, out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(first.entries[0]!, 'utf8')).toBe(before);
    const forced = await importFile(altered, out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(first.entries[0]!, 'utf8')).not.toBe(before);
  });
});

describe('deeds import of other formats', () => {
  test('a roll becomes a roll entry carrying its awardees', async () => {
    const out = freshContent();
    const { code, entries } = await importFile(join(EXTRACT_FIXTURES, 'roll-lists/input.txt'), out);
    expect(code).toBe(0);
    expect(entries[0]).toContain(join('rolls', '2022'));
    const processed = processEntry(entries[0]!);
    expect(processed.file.messages.filter((m) => structural(m.ruleId))).toEqual([]);
    const categories = (
      processed.data as {
        categories: { name: string; declaredCount?: number; awardees: { name: string; unit?: string }[] }[];
      }
    ).categories;
    expect(categories.map((c) => [c.name, c.declaredCount, c.awardees.length])).toEqual([
      ['一等奖', 2, 2],
      ['二等奖', 3, 3],
      ['优秀护士', 4, 4],
    ]);
    expect(categories[0]!.awardees[0]).toEqual({ name: '孙海燕', unit: '示例区人民医院' });
  });

  test('--kind overrides the kind read from the document', async () => {
    const out = freshContent();
    const { code, entries } = await importFile(join(IMPORT_FIXTURES, 'decision.docx'), out, '--kind', 'roll');
    expect(code).toBe(0);
    // Rolls are filed by the year they were conferred (2024), not the year they honour (2023).
    expect(entries[0]).toContain(join('rolls', '2024'));
    const data = processEntry(entries[0]!).data as { categories: { awardees: { name: string }[] }[] };
    expect(data.categories[0]!.awardees.map((a) => a.name)).toEqual(['林晓雨', '陈红', '黄志强']);
    expect(
      listFiles(join(dirname(out), 'archive/originals/rolls/2024')).some((f) => f.endsWith('.original.docx')),
    ).toBe(true);
    expect(listFiles(out).some((f) => f.endsWith('.original.docx'))).toBe(false);
  });

  test('HTML: scripts, styles, frames and event handlers are dropped; tables become Markdown tables', async () => {
    const out = freshContent();
    const { code, entries } = await importFile(join(IMPORT_FIXTURES, 'notice.html'), out);
    expect(code).toBe(0);
    const text = readFileSync(entries[0]!, 'utf8');
    for (const word of [
      '<script',
      'alert',
      'onload',
      'onerror',
      'onclick',
      'iframe',
      'javascript:',
      '注入的文字',
      'color:red',
    ]) {
      expect(text).not.toContain(word);
    }
    expect(text).toContain('| 东湖社区卫生服务中心 | 3 |');
    const processed = processEntry(entries[0]!);
    expect(processed.html).not.toMatch(/<script|onerror|onload/);
  });

  test.each([
    ['empty.txt', '空'],
    ['image.png', 'PNG'],
    ['not-a-zip.docx', 'zip'],
  ])('%s is refused with one line naming the file, exit 2, nothing written', async (name, words) => {
    const out = freshContent();
    const path = join(IMPORT_FIXTURES, name);
    const { code, stderr, stdout } = await runCommand(importCommand, [path, '--out', out, '--allow-outside']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(basename(path));
    expect(stderr).toContain(words);
    expect(listFiles(out)).toEqual([]);
  });

  test('bad options exit 2', async () => {
    const file = join(IMPORT_FIXTURES, 'notice-gbk.txt');
    expect((await runCommand(importCommand, [file, '--kind', 'poster'])).code).toBe(2);
    expect((await runCommand(importCommand, [file, '--url', 'not a url'])).code).toBe(2);
    expect((await runCommand(importCommand, [])).code).toBe(2);
  });

  test('text that looks like MDX or Markdown syntax stays text', async () => {
    const out = freshContent();
    const file = join(scratch, 'hostile.txt');
    writeFileSync(
      file,
      '关于推荐优秀医生的通知\n\n各单位：\n\nimport x from "y"\nexport const a = 1\n{alert(1)}\n<script>alert(1)</script>\n# 不是标题\n**市医院 _强调_ [链接](javascript:alert(1))\n\n示例县卫生健康局\n2023年3月1日\n',
    );
    const { code, entries } = await importFile(file, out);
    expect(code).toBe(0);
    const processed = processEntry(entries[0]!);
    expect(processed.file.messages.filter((m) => structural(m.ruleId))).toEqual([]);
    expect(processed.html).not.toMatch(/<script|<h1|<a |<strong|<em/);
    expect(processed.html).toContain('alert(1)');
  });
});
