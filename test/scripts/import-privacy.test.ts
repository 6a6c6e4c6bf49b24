/**
 * `deeds import` of a write-up that gives 身份证号, 联系电话 and 家庭住址 (issue 18): the entry holds
 * them masked and lists what was masked under 待填写; the original is archived outside `content/`,
 * in `archive/originals/…` (which `.gitignore` covers), with its sha256 in `source`. The fixture is
 * a GB18030 file written at test time; every value is invented.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, test } from 'vitest';
import * as importCommand from '../../scripts/commands/import.ts';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT } from '../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { runCommand } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'deeds-import-privacy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function idWithCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const ID = idWithCheckDigit('32040219800101123');
const MOBILE = '13800138000';
const HOME = '示例市幸福路88号502室';
const WRITE_UP = `扎根社区的健康守门人
——记示例市第一人民医院护士长李静

李静，女，汉族，1975年3月出生，中共党员，示例市第一人民医院护士长。
身份证号：${ID}
联系电话：${MOBILE}
家庭住址：${HOME}

从事护理工作二十年来，她始终坚守在临床一线，先后荣获“示例市优秀护士”称号。2022年，她被评为示例市卫生健康系统先进个人。
`;

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('deeds import of a write-up with personal data', () => {
  test('masks it in the entry, lists it under 待填写, and archives the original outside content/', async () => {
    const file = join(scratch, 'shiji.txt');
    const bytes = iconv.encode(WRITE_UP, 'gb18030');
    writeFileSync(file, bytes);
    const out = join(scratch, 'content');
    const { code, stdout, stderr } = await runCommand(importCommand, [file, '--out', out, '--allow-outside']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toContain(MOBILE);

    const entries = listFiles(out);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    const text = readFileSync(entry, 'utf8');
    for (const planted of [ID, MOBILE, HOME, '幸福路88号', '1975年3月']) expect(text, planted).not.toContain(planted);
    // Masked in place (the Markdown escapes the stars), and listed under 待填写.
    const { data, body } = splitFrontmatter(text);
    expect(body).toContain(`${ID.slice(0, 3)}${'\\*'.repeat(11)}${ID.slice(-4)}`);
    expect(body).toContain('138\\*\\*\\*\\*8000');
    expect(body).toContain('（住址已隐去）');
    const todo = /> 待填写[\s\S]*?\n\n/u.exec(body)?.[0] ?? '';
    expect(todo).toContain('个人信息已隐去');
    expect(todo).toContain('居民身份证号码');
    expect(todo).toContain('手机号码');
    expect(todo).toContain('家庭住址');

    // The original: archived beside the content folder, byte for byte, its sha256 and place in source.
    const source = data.source as { file: string; sha256: string; encoding?: string };
    expect(source.file).toMatch(/^archive\/originals\/deeds\/\d{4}\/[^/]+\.original\.txt$/u);
    expect(readFileSync(join(scratch, source.file))).toEqual(bytes);
    expect(source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(listFiles(out).some((path) => path.includes('.original.'))).toBe(false);

    // No number, address or profile is left for the check to find; it still asks the editor to delete
    // the labels of the masked fields (身份证号：320***…), as it asks to delete the 待填写 list.
    const processed = processDocument({ path: entry, value: text, collection: 'deeds' }, EMPTY_CONTEXT);
    const privacy = processed.file.messages.filter((m) => m.ruleId === 'privacy');
    expect(privacy.map((m) => m.reason).filter((reason) => !reason.startsWith('发现个人信息字段'))).toEqual([]);
  });

  test('a document without personal data is imported as before, with no privacy to-do', async () => {
    const file = join(scratch, 'clean.txt');
    writeFileSync(
      file,
      WRITE_UP.split('\n')
        .filter((line) => !/身份证|联系电话|家庭住址|汉族/u.test(line))
        .join('\n'),
    );
    const out = join(scratch, 'content-clean');
    const { code } = await runCommand(importCommand, [file, '--out', out, '--allow-outside']);
    expect(code).toBe(0);
    const text = readFileSync(listFiles(out)[0]!, 'utf8');
    expect(text).not.toContain('个人信息已隐去');
    expect(text).toContain('从事护理工作二十年来');
  });

  test('archive/ is ignored by git', () => {
    expect(readFileSync(join(PROJECT_ROOT, '.gitignore'), 'utf8')).toMatch(/^\/archive\/$/mu);
  });
});
