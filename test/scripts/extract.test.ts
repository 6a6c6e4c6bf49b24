import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as extract from '../../scripts/commands/extract.ts';
import { describeSeeds, seedPath, PROJECT_ROOT } from '../helpers/seeds.ts';
import { runCommand } from './helpers.ts';

const IMPORT_FIXTURES = join(PROJECT_ROOT, 'test/fixtures/import');
const scratch = mkdtempSync(join(tmpdir(), 'deeds-extract-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('deeds extract', () => {
  test.each([
    ['decision.docx', '关于表彰2023年度示例市优秀护士的决定', 'simplified'],
    ['notice.html', '关于推荐2024年度示例区最美医生的通知', 'simplified'],
    ['notice-gbk.txt', '关于推荐优秀乡村医生的通知', 'simplified'],
    ['notice-big5.txt', '关于推荐优秀乡村医生的通知', 'traditional'],
    ['notice-utf16.txt', '关于推荐优秀乡村医生的通知', 'simplified'],
  ])('%s → one JSON object with the title, exit 0', async (name, title, script) => {
    const { code, stdout, stderr } = await runCommand(extract, [join(IMPORT_FIXTURES, name), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.title).toBe(title);
    expect(result.sourceScript).toBe(script);
    for (const key of [
      'kind',
      'docNumber',
      'issuer',
      'date',
      'recipients',
      'evaluationYear',
      'wordLimits',
      'quotas',
      'deadline',
      'phases',
      'attachments',
      'awardees',
      'honours',
      'subject',
      'wordCount',
      'diagnostics',
    ]) {
      expect(result).toHaveProperty(key);
    }
  });

  test('reads the awardees of a roll in a Word table', async () => {
    const { stdout } = await runCommand(extract, [join(IMPORT_FIXTURES, 'decision.docx'), '--json']);
    expect(JSON.parse(stdout).awardees).toEqual([
      { name: '林晓雨', unit: '示例市第一人民医院', category: '优秀护士' },
      { name: '陈红', unit: '示例市中心医院', category: '优秀护士' },
      { name: '黄志强', unit: '示例县人民医院', category: '优秀护士' },
    ]);
  });

  test('nothing of scripts, styles, frames or event handlers reaches the facts from HTML', async () => {
    const { stdout } = await runCommand(extract, [join(IMPORT_FIXTURES, 'notice.html'), '--json']);
    for (const word of ['alert', 'steal', 'evil', '注入的文字', '请开启脚本', 'color:red', 'javascript'])
      expect(stdout).not.toContain(word);
    expect(JSON.parse(stdout)).toMatchObject({
      deadline: '2024-06-30',
      issuer: '示例区卫生健康局',
      quotas: [{ category: '最美医生', count: 5 }],
    });
  });

  test.each([
    ['empty.txt', '空'],
    ['image.png', 'PNG'],
    ['not-a-zip.docx', 'zip'],
    ['missing.txt', '不存在'],
  ])('%s is refused with one line naming the file, exit 2', async (name, words) => {
    const path = join(IMPORT_FIXTURES, name);
    const { code, stdout, stderr } = await runCommand(extract, [path, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(path);
    expect(stderr).toContain(words);
  });

  test('random bytes and invalid UTF-8 are refused, not crashed on', async () => {
    const path = join(scratch, 'random.bin');
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(path, bytes);
    const { code, stderr } = await runCommand(extract, [path]);
    expect(code).toBe(2);
    expect(stderr).toContain(path);
  });

  test('a long roll and a single 1 MB line are read without crashing', async () => {
    const roll = join(scratch, 'roll.txt');
    const lines = ['2023年度示例市先进个人名单', '', '先进个人（20000名）'];
    for (let i = 0; i < 20000; i++)
      lines.push(`示例市第${(i % 9) + 1}人民医院  李${'静芳伟强红'[i % 5]}${'一二三四五六七八九'[i % 9]}`);
    writeFileSync(roll, lines.join('\n'));
    const started = performance.now();
    const first = await runCommand(extract, [roll, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).awardees.length).toBeGreaterThan(10);
    const longLine = join(scratch, 'line.txt');
    writeFileSync(longLine, '关于开展评选的通知'.repeat(110_000));
    const second = await runCommand(extract, [longLine, '--json']);
    expect(second.code).toBe(0);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);

  test('a 50 MB text is refused with one line naming the file, not read', async () => {
    const path = join(scratch, 'huge.txt');
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, '字'));
    const { code, stdout, stderr } = await runCommand(extract, [path, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(path);
    expect(stderr).toContain('10 MB');
  });

  test('usage errors exit 2', async () => {
    expect((await runCommand(extract, [])).code).toBe(2);
    expect((await runCommand(extract, ['a.txt', 'b.txt'])).code).toBe(2);
  });
});

describeSeeds('deeds extract on a seed', () => {
  test('prints the seed facts as JSON', async () => {
    const { code, stdout } = await runCommand(extract, [seedPath('announcement-wujin-2023.txt'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      docNumber: '武卫字〔2023〕4号',
      date: '2023-01-04',
      deadline: '2023-01-10',
    });
  });

  test('prints a readable summary without --json', async () => {
    const { code, stdout } = await runCommand(extract, [seedPath('announcement-xuchang-2021.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('文号：许卫函〔2021〕3号');
    expect(stdout).toContain('截止日期：2021-09-15');
  });
});

describe('deeds extract of binary formats', () => {
  const SAMPLES = join(PROJECT_ROOT, 'test/fixtures/import-formats');

  test.each([
    ['scan.pdf', /^.*scan\.pdf：这是扫描件（PDF 1 页，没有文字层），无法读取文字/u],
    ['encrypted.pdf', /^.*encrypted\.pdf：PDF 有密码保护，无法读取/u],
  ])('%s exits 2 with one line naming it, nothing guessed', async (name, message) => {
    const { code, stdout, stderr } = await runCommand(extract, [join(SAMPLES, name), '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  test('a roll spreadsheet prints its awardees', async () => {
    const { code, stdout } = await runCommand(extract, [join(SAMPLES, 'roll.xls'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { kind: string; awardees: { name: string }[] };
    expect(result.kind).toBe('roll');
    expect(result.awardees.map((a) => a.name)).toEqual([
      '李静',
      '王芳',
      '张伟',
      '刘洋',
      '陈敏',
      '示例市急救中心',
      '示例市第二人民医院感染科',
      '东区卫生健康局',
    ]);
  });
});
