/**
 * `deeds check`: formats, exit codes, --fix, unreadable files, and severities from checks.yaml —
 * on a small project written to a temporary folder, through the real command line.
 */
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixSource } from '../../src/pipeline/check/fix-text.ts';
import { parseCheckConfig } from '../../src/pipeline/check/rule-config.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { source } from '../pipeline/check/harness.ts';
import { tempDir } from '../helpers/temp.ts';

const TSX = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = join(PROJECT_ROOT, 'scripts', 'deeds.ts');

function deeds(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, CLI, 'check', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string | Buffer>): string {
  const root = tempDir('deeds-check-');
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), value);
  }
  return root;
}

// Each deed names its honour, so that `unattached-deed` has nothing to say about it.
const HONOURS = { honours: ['示例市卫生健康系统先进个人'] };
const CLEAN = source('李静同志扎根社区二十年，服务群众。\n', { frontmatter: HONOURS });
const BROKEN = source('**市卫生局，效劳群众。\n\n手机13812345678。\n', {
  frontmatter: { subject: { name: '王芳', type: 'person' }, ...HONOURS },
});

describe('deeds check', () => {
  const root = project({
    'content/deeds/2023/clean.mdx': CLEAN,
    'content/deeds/2023/broken.mdx': BROKEN,
  });

  test('text: grouped by file, path:line:column  severity  message  rule-id, then a summary; exit 1', () => {
    const { code, stdout } = deeds(root);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      lines.find((l) => l.startsWith('content/deeds/2023/broken.mdx:12:1  error  ') && l.endsWith('  placeholder')),
    );
    expect(stdout).toMatch(/^content\/deeds\/2023\/broken\.mdx:12:\d+ {2}warning {2}.+ {2}spun-text$/m);
    expect(stdout).toMatch(/^content\/deeds\/2023\/broken\.mdx:14:3 {2}error {2}.+ {2}privacy$/m);
    expect(lines.at(-1)).toBe('共 2 个错误、1 个警告、0 条提示');
  });

  test('a clean file alone exits 0', () => {
    const { code, stdout } = deeds(root, 'content/deeds/2023/clean.mdx');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('共 0 个错误、0 个警告、0 条提示');
  });

  test('json: an array of {file, line, column, endLine, endColumn, severity, ruleId, message}', () => {
    const { code, stdout } = deeds(root, '--format', 'json', 'content/deeds/2023/broken.mdx');
    expect(code).toBe(1);
    const data = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(data).toHaveLength(3);
    expect(Object.keys(data[0]!).sort()).toEqual([
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'ruleId',
      'severity',
    ]);
    expect(data[0]).toMatchObject({
      file: 'content/deeds/2023/broken.mdx',
      line: 12,
      column: 1,
      severity: 'error',
      ruleId: 'placeholder',
    });
  });

  test('github: ::error file=…,line=…,col=…::message lines', () => {
    const { code, stdout } = deeds(root, '--format', 'github', 'content/deeds/2023/broken.mdx');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error file=content\/deeds\/2023\/broken\.mdx,line=12,col=1,endLine=12,endColumn=3,title=placeholder::发现星号打码/,
    );
    expect(lines.some((l) => l.startsWith('::warning '))).toBe(true);
  });

  test('usage errors and missing or unusable files exit 2 with a one-line message naming the file', () => {
    expect(deeds(root, '--format', 'xml').code).toBe(2);
    expect(deeds(root, '--bogus').code).toBe(2);
    const missing = deeds(root, 'content/deeds/2023/nope.mdx');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('content/deeds/2023/nope.mdx');
    const bad = project({
      'content/deeds/2023/binary.mdx': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'content/deeds/2023/gbk.mdx': iconv.encode(
        '---\ntitle: 扎根基层的卫生院医生\n---\n\n他在卫生院工作了三十年。\n',
        'gbk',
      ),
      'content/deeds/2023/utf16.mdx': Buffer.from('\ufeff---\n', 'utf16le'),
      'content/deeds/2023/utf16-no-bom.mdx': Buffer.from(
        '---\ntitle: 扎根基层的卫生院医生\n---\n\n正文。\n',
        'utf16le',
      ),
      'content/deeds/2023/empty.mdx': '',
    });
    const result = deeds(bad);
    expect(result.code).toBe(2);
    const messages = result.stderr.trim().split('\n');
    expect(messages).toHaveLength(5);
    expect(result.stderr).toContain('empty.mdx：是空文件');
    expect(result.stdout).not.toContain('empty.mdx');
    expect(result.stderr).toContain('binary.mdx：是二进制文件');
    expect(result.stderr).toContain('gbk.mdx：是 GBK（GB18030） 编码，不是 UTF-8；请另存为 UTF-8');
    expect(result.stderr).toContain('utf16.mdx：是 UTF-16LE 编码');
    // Without a byte-order mark too: named as UTF-16, not called a binary file.
    expect(result.stderr).toContain('utf16-no-bom.mdx：是 UTF-16LE 编码');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('--fix: punctuation width and doc-number brackets, says what changed, then checks', () => {
    const fixable = project({
      'content/announcements/2023/notice.mdx': source(
        '各单位：\n\n根据武卫字[2023]第04号文件精神,现将有关事项通知如下.请各单位(含社区卫生服务中心)按时报送。\n\n```\na,b\n```\n',
        {
          collection: 'announcements',
          frontmatter: { docNumber: '武卫字[2023]第04号' },
        },
      ),
    });
    const path = join(fixable, 'content/announcements/2023/notice.mdx');
    const { code, stdout } = deeds(fixable, '--fix');
    expect(code).toBe(0);
    expect(stdout).toContain('已修正');
    expect(stdout).toContain('共修正 6 处');
    const fixed = readFileSync(path, 'utf8');
    expect(fixed).toContain('docNumber: 武卫字〔2023〕4号');
    expect(fixed).toContain(
      '根据武卫字〔2023〕4号文件精神，现将有关事项通知如下。请各单位（含社区卫生服务中心）按时报送。',
    );
    expect(fixed).toContain('```\na,b\n```');
    expect(deeds(fixable, '--fix').stdout).not.toContain('已修正');
  });

  test('a symlink that leaves content/ is reported, never read or fixed', () => {
    const outside = project({ 'secret.mdx': CLEAN });
    const linked = project({ 'content/deeds/2023/clean.mdx': CLEAN });
    symlinkSync(join(outside, 'secret.mdx'), join(linked, 'content/deeds/2023/link.mdx'));
    const { code, stdout } = deeds(linked);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^content\/deeds\/2023\/link\.mdx:1:1 {2}error {2}.+ {2}symlink$/m);
  });

  test('severities from content/checks.yaml: a rule made an error, another switched off', () => {
    const configured = project({
      'content/deeds/2023/broken.mdx': BROKEN,
      'content/checks.yaml': 'rules:\n  spun-text: error\n  placeholder: off\n',
    });
    const data = JSON.parse(deeds(configured, '--format', 'json').stdout) as Array<{
      ruleId: string;
      severity: string;
    }>;
    expect(data.map((d) => `${d.ruleId}:${d.severity}`).sort()).toEqual(['privacy:error', 'spun-text:error']);
    const wrong = project({ 'content/deeds/2023/clean.mdx': CLEAN, 'content/checks.yaml': 'rules:\n  privacy: off\n' });
    const result = deeds(wrong);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不能关闭');
  });
});

describe('parseCheckConfig', () => {
  test.each([
    ['rules:\n  nope: error\n', '没有规则 nope'],
    ['rules:\n  spun-text: loud\n', '级别“loud”无效'],
    ['wordLimit: -3\n', 'wordLimit 应为正整数'],
    ['colour: red\n', '未知字段 colour'],
    ['rules:\n  mdx-safety: off\n', '不能关闭'],
  ])('%j is refused with a hint', (text, hint) => {
    expect(() => parseCheckConfig(text)).toThrow(hint);
  });

  test('a valid file', () => {
    expect(parseCheckConfig('wordLimit: 1500\nrules:\n  residue: off\n  spun-text: error\n')).toEqual({
      wordLimit: 1500,
      rules: { residue: 'off', 'spun-text': 'error' },
    });
  });
});

describe('fixSource', () => {
  test.each([
    ['社区,服务', '社区，服务'],
    ['社区, 服务', '社区，服务'],
    ['完成了.下一步', '完成了。下一步'],
    ['卫生院(医院)', '卫生院（医院）'],
    ['是吗?是的!', '是吗？是的！'],
    ['通知如下:\n\n一、', '通知如下：\n\n一、'],
    ['1.干部队伍强', '1.干部队伍强'],
    ['hello, world', 'hello, world'],
    ['97.92%', '97.92%'],
    ['`代码,不改`', '`代码,不改`'],
    ['<Note title="说明,不改">正文</Note>', '<Note title="说明,不改">正文</Note>'],
    ['见[链接](https://example.gov.cn/a,b)', '见[链接](https://example.gov.cn/a,b)'],
  ])('%j → %j', (input, output) => {
    expect(fixSource(input).value).toBe(output);
  });

  test('frontmatter is left alone except docNumber', () => {
    const input = '---\ntitle: 关于,通知\nrecipients: [甲,乙]\ndocNumber: "武卫字[2023]4号"\n---\n正文,内容';
    const { value, fixes } = fixSource(input);
    expect(value).toBe('---\ntitle: 关于,通知\nrecipients: [甲,乙]\ndocNumber: "武卫字〔2023〕4号"\n---\n正文，内容');
    expect(fixes.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['doc-number', 4, 13],
      ['punctuation-width', 6, 3],
    ]);
  });
});
