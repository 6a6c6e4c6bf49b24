import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as normalise from '../../scripts/commands/normalise.ts';
import { decodeFile } from '../../src/lib/decode.ts';
import { restore } from '../../src/pipeline/normalise/normalise.ts';
import type { Change } from '../../src/pipeline/types.ts';
import { describeSeeds, PROJECT_ROOT, seedPath } from '../helpers/seeds.ts';
import { runCommand } from './helpers.ts';

const IMPORT_FIXTURES = join(PROJECT_ROOT, 'test/fixtures/import');
const scratch = mkdtempSync(join(tmpdir(), 'deeds-normalise-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('deeds normalise', () => {
  test.each([
    ['notice-gbk.txt', 'GB18030'],
    ['notice-big5.txt', 'Big5'],
    ['notice-utf16.txt', 'UTF-16'],
  ])('%s: text on stdout, the encoding named, the log restores the decoded file', async (name, encoding) => {
    const file = join(IMPORT_FIXTURES, name);
    const log = join(scratch, `${name}.json`);
    const { code, stdout, stderr } = await runCommand(normalise, [file, '--log', log]);
    expect(code).toBe(0);
    expect(stderr).toContain(encoding);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    const changes = JSON.parse(readFileSync(log, 'utf8')) as Change[];
    expect(Array.isArray(changes)).toBe(true);
    for (const change of changes)
      expect(Object.keys(change).sort()).toEqual(['after', 'before', 'end', 'rule', 'start']);
    expect(restore(stdout, changes)).toBe(decodeFile(readFileSync(file), file).text);
    expect(stdout).toContain('关于推荐优秀乡村医生的通知');
  });

  test('--to tw writes traditional script', async () => {
    const file = join(scratch, 'simplified.txt');
    writeFileSync(file, '卫生健康委员会召开表彰大会,会议要求认真落实。');
    const { code, stdout } = await runCommand(normalise, [file, '--to', 'tw']);
    expect(code).toBe(0);
    expect(stdout).toBe('衛生健康委員會召開表彰大會，會議要求認真落實。');
  });

  test('a lost character is reported with its line; exit 1', async () => {
    const file = join(scratch, 'lost.txt');
    writeFileSync(file, '通知\nF(xiàn)将有关事项通知如下');
    const { code, stdout, stderr } = await runCommand(normalise, [file]);
    expect(code).toBe(1);
    expect(stdout).toContain('F(xiàn)将');
    expect(stderr).toContain(`${file}:2:1  error`);
    expect(stderr).toContain('pinyin-lost-character');
  });

  test.each([
    ['a missing file', () => join(scratch, 'nope.txt'), '不存在'],
    ['an image', () => join(IMPORT_FIXTURES, 'image.png'), 'PNG'],
    ['a directory', () => scratch, '目录'],
  ])('%s: exit 2 with one line naming the file', async (_name, path, words) => {
    const { code, stdout, stderr } = await runCommand(normalise, [path()]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(path());
    expect(stderr).toContain(words);
  });

  test('bad options: exit 2 with usage', async () => {
    expect((await runCommand(normalise, [join(IMPORT_FIXTURES, 'notice-gbk.txt'), '--to', 'jp'])).code).toBe(2);
    expect((await runCommand(normalise, [])).code).toBe(2);
  });
});

describeSeeds('deeds normalise on the seeds', () => {
  test('the traditional seed with pinyin comes out simplified and restores', async () => {
    const file = seedPath('news-nanyang-traditional-pinyin.txt');
    const log = join(scratch, 'news.json');
    const { code, stdout, stderr } = await runCommand(normalise, [file, '--log', log]);
    expect(code).toBe(0);
    expect(stderr).toContain('UTF-8');
    expect(stderr).toContain('繁体');
    expect(stdout).toContain('南阳市卫健委');
    expect(restore(stdout, JSON.parse(readFileSync(log, 'utf8')))).toBe(readFileSync(file, 'utf8'));
  });
});
