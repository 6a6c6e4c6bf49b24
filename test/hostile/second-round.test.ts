/**
 * The second round of hostile input (issue 18), apart from personal data: unsafe URLs, symlinked photos,
 * imports written outside the project, nesting that makes the parser quadratic or overflows the stack,
 * zip bombs, and output cut off in a pipe. Each is caught by `deeds check` with the file and line, or
 * refused in one line naming the file, in bounded time. The build's side is in `build-second-round.test.ts`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import * as importCommand from '../../scripts/commands/import.ts';
import { DeedSchema } from '../../src/model/schemas/index.ts';
import { isHttpUrl } from '../../src/model/schemas/common.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT } from '../../src/pipeline/types.ts';
import { normaliseText } from '../../src/pipeline/normalise/normalise.ts';
import { loadRegistries } from '../../src/model/registries.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { tempDir } from '../helpers/temp.ts';
import { runCommand } from '../scripts/helpers.ts';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(PROJECT_ROOT, 'scripts', 'deeds.ts');

function deeds(cwd: string, ...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string | Buffer>): string {
  const root = tempDir('deeds-second-');
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), value);
  }
  return root;
}

const DEED = (extra = '', body = '她在社区门诊工作多年。') =>
  `---\ntitle: 一位社区医生\nsubject:\n  name: 钟乾\n  type: person\nunit: 示例市第一人民医院\nyear: 2022\n${extra}---\n\n${body}\n`;

const HOSTILE_URLS = [
  'javascript://honours.example.gov.cn/%0aalert(1602)',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  'https:/\\evil.example',
  'http://',
  'ftp://files.example.gov.cn/a.doc',
  'file:///etc/passwd',
];

describe('A. URL fields take http: and https: only', () => {
  test.each(HOSTILE_URLS)('source.url %j is refused with a message naming the field', (url) => {
    expect(isHttpUrl(url)).toBe(false);
    const result = DeedSchema.safeParse({
      title: '标题',
      subject: { name: '钟乾', type: 'person' },
      year: 2022,
      source: { url },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain('source.url');
    expect(result.error!.issues[0]!.message).toContain('source.url');
  });

  test.each(['https://wjw.example.gov.cn/art/2023/1/4/art_1.html', 'http://www.example.gov.cn/?a=1#b'])(
    '%s is accepted',
    (url) => {
      expect(isHttpUrl(url)).toBe(true);
    },
  );

  test('check reports the field with its line; the page would get no link', () => {
    const url = HOSTILE_URLS[0]!;
    const document = processDocument(
      { path: 'content/deeds/2023/url.mdx', value: DEED(`source:\n  url: "${url}"\n`), collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    const message = document.file.messages.find((m) => m.ruleId === 'frontmatter-schema');
    expect(message?.reason).toMatch(
      /^字段 source\.url：来源网址（source\.url）只能是以 http:\/\/ 或 https:\/\/ 开头的网址/,
    );
    expect(message?.line).toBe(9);
    expect(message?.fatal).toBe(true);
    expect(document.data).toBeUndefined();
  });

  test.each([
    '[原文](javascript://honours.example.gov.cn/%0aalert(1602))',
    '[原文](JAVASCRIPT:alert(1))',
    '[原文](java&#x09;script:alert(1))',
    '[原文](data:text/html;base64,PHNjcmlwdD4=)',
    '[原文](vbscript:msgbox)',
    '[原文][a]\n\n[a]: javascript:alert(1)',
    '<Source href="javascript:alert(1)">原文</Source>',
  ])('a body link %j is an mdx-safety error and is not rendered', (body) => {
    const document = processDocument(
      { path: 'content/deeds/2023/link.mdx', value: DEED('', body), collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    const errors = document.file.messages.filter((m) => m.fatal && m.ruleId === 'mdx-safety');
    expect(errors.length).toBeGreaterThan(0);
    // Reported where the link is, or where its definition is.
    expect(errors[0]!.line).toBe(body.includes('[a]:') ? 12 : 10);
    expect(document.html).not.toMatch(/javascript|vbscript|data:/i);
  });
});

describe('B. photos that are symlinks are refused, nothing of them read', () => {
  test('deeds check names the photo and its line; the target is never printed', () => {
    const outside = project({ 'secret.jpg': 'root:x:0:0:SECRET-FIRST-LINE\n' });
    const root = project({
      'content/deeds/2023/linked.mdx': DEED('photos:\n  - src: ./passwd.jpg\n    alt: 照片\n    caption: 说明\n'),
      'content/deeds/2023/outside.mdx': DEED('photos:\n  - src: ./inside.jpg\n    alt: 照片\n    caption: 说明\n'),
      'content/deeds/2023/escape.mdx': DEED(
        'photos:\n  - src: ../../../../../../../../etc/passwd\n    alt: 照片\n    caption: 说明\n',
      ),
      'content/deeds/2023/body.mdx': DEED('', '![照片](./body.jpg)'),
      'content/deeds/2023/folder.mdx': DEED('photos:\n  - src: ./linked-folder/secret.jpg\n    alt: 照片\n'),
    });
    symlinkSync('/etc/passwd', join(root, 'content/deeds/2023/passwd.jpg'));
    symlinkSync(join(outside, 'secret.jpg'), join(root, 'content/deeds/2023/inside.jpg'));
    symlinkSync(join(outside, 'secret.jpg'), join(root, 'content/deeds/2023/body.jpg'));
    symlinkSync(outside, join(root, 'content/deeds/2023/linked-folder'));
    const { code, stdout, stderr } = deeds(root, 'check');
    expect(code, stderr).toBe(1);
    for (const [file, line] of [
      ['linked', 9],
      ['outside', 9],
      ['escape', 9],
      ['body', 10],
      ['folder', 9],
    ] as const) {
      expect(stdout).toMatch(
        new RegExp(`^content/deeds/2023/${file}\\.mdx:${line}:\\d+ {2}error {2}.+ {2}symlink$`, 'm'),
      );
    }
    expect(stdout).toContain('是符号链接，出于安全不予读取');
    expect(stdout + stderr).not.toContain('root:x');
    expect(stdout + stderr).not.toContain('SECRET-FIRST-LINE');
  }, 120_000);
});

describe('C. deeds import --out outside the project', () => {
  const file = join(PROJECT_ROOT, 'test/fixtures/import/notice-gbk.txt');
  test.each(['../../elsewhere', tempDir('deeds-import-out-')])(
    '--out %s is refused in one line, exit 2',
    async (out) => {
      const { code, stdout, stderr } = await runCommand(importCommand, [file, '--out', out]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('--allow-outside')]);
      expect(stderr).toContain('notice-gbk.txt');
    },
  );

  test('a link inside the project that leads out of it is outside', () => {
    const outside = tempDir('deeds-import-target-');
    const root = tempDir('deeds-import-root-');
    symlinkSync(outside, join(root, 'content'));
    expect(importCommand.isInside(root, join(root, 'content'))).toBe(false);
    expect(importCommand.isInside(root, join(root, 'drafts/new'))).toBe(true);
    expect(importCommand.isInside(root, `${root}-sibling`)).toBe(false);
  });

  test('with --allow-outside it is written there', async () => {
    const out = tempDir('deeds-import-allowed-');
    const { code, stderr } = await runCommand(importCommand, [file, '--out', out, '--allow-outside']);
    expect(code, stderr).toBe(0);
  });
});

describe('D. nesting is refused before parsing, with the file and line', () => {
  const EMPHASIS = '*_'.repeat(50_000) + '字' + '_*'.repeat(50_000);
  const NOTES = '<Note>\n'.repeat(5000) + '字\n' + '</Note>\n'.repeat(5000);

  test.each([
    ['200 KB of nested emphasis', EMPHASIS, '强调', 10],
    ['5,000 nested <Note>', NOTES, '组件', 110],
    ['5,000 nested <Note> on one line', '<Note>'.repeat(5000) + '字' + '</Note>'.repeat(5000), '组件', 10],
  ])('%s: mdx-nesting, in well under a second', (_name, body, kind, line) => {
    const started = performance.now();
    const document = processDocument(
      { path: 'content/deeds/2023/nested.mdx', value: DEED('', body), collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    const message = document.file.messages.find((m) => m.ruleId === 'mdx-nesting');
    expect(message?.reason).toContain(`${kind}嵌套了`);
    expect(message?.line).toBe(line);
    expect(message?.fatal).toBe(true);
  });

  test('emphasis that opens and never closes is text, not nesting: no message, still quick', () => {
    const started = performance.now();
    const document = processDocument(
      { path: 'content/deeds/2023/open.mdx', value: DEED('', '*甲 '.repeat(20_000) + '字'), collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(document.file.messages.some((m) => m.ruleId === 'mdx-nesting')).toBe(false);
  });

  test.each([
    ['bold and italic', '**粗体**、*斜体*、***两者***、__下划线__。\n'.repeat(300)],
    ['snake_case and stars in prose', '文件 a_b_c.txt，带*号的为必填，5*3=15。\n'.repeat(300)],
    ['autolinks and comparisons', '<https://example.gov.cn/a> 和 <a@b.cn>，1<2。\n'.repeat(300)],
    ['many components side by side', '<Note>注</Note>\n\n'.repeat(300)],
  ])('%s: no mdx-nesting', (_name, body) => {
    const document = processDocument(
      { path: 'content/deeds/2023/fine.mdx', value: DEED('', body), collection: 'deeds', render: false },
      EMPTY_CONTEXT,
    );
    expect(document.file.messages.filter((m) => m.ruleId === 'mdx-nesting')).toEqual([]);
  });

  test('deeds check reports both files, and checking another file does not stall', () => {
    const root = project({
      'content/deeds/2023/emphasis.mdx': DEED('', EMPHASIS),
      'content/deeds/2023/notes.mdx': DEED('', NOTES),
      'content/deeds/2023/clean.mdx': DEED(),
    });
    const started = performance.now();
    const all = deeds(root, 'check');
    expect(all.code, all.stderr).toBe(1);
    expect(all.stdout).toMatch(/^content\/deeds\/2023\/emphasis\.mdx:10:1 {2}error {2}.+ {2}mdx-nesting$/m);
    expect(all.stdout).toMatch(/^content\/deeds\/2023\/notes\.mdx:110:1 {2}error {2}.+ {2}mdx-nesting$/m);
    expect(all.stderr).not.toContain('Maximum call stack');
    const one = deeds(root, 'check', 'content/deeds/2023/clean.mdx');
    expect(one.stderr).toBe('');
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('E. a .docx that inflates too far is refused quickly, by name', () => {
  /** A .docx whose document.xml inflates to about `megabytes` MB of tiny paragraphs. */
  async function bomb(megabytes: number, fill = '<w:p><w:r><w:t>字</w:t></w:r></w:p>'): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    const unit = Buffer.from(fill);
    const body = Buffer.alloc(Math.floor((megabytes * 1024 * 1024) / unit.length) * unit.length);
    for (let at = 0; at < body.length; at += unit.length) unit.copy(body, at);
    const head = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    );
    zip.file('word/document.xml', Buffer.concat([head, body, Buffer.from('</w:body></w:document>')]));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }

  /** The same zip, its central directory claiming every part is 1 KB: the inflation itself must be capped. */
  function lying(zip: Buffer): Buffer {
    const copy = Buffer.from(zip);
    for (let at = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0;) {
      copy.writeUInt32LE(1024, at + 24);
      at = at === 0 ? -1 : copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1);
    }
    return copy;
  }

  test('100 MB of paragraphs, 400 MB of spaces, and a zip that lies about its sizes', async () => {
    const dir = tempDir('deeds-bomb-');
    const paragraphs = await bomb(100);
    const spaces = await bomb(400, ' '.repeat(64));
    const files = { 'paragraphs.docx': paragraphs, 'spaces.docx': spaces, 'lying.docx': lying(paragraphs) };
    for (const [name, bytes] of Object.entries(files)) {
      expect(bytes.length, name).toBeLessThan(10 * 1024 * 1024);
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const started = performance.now();
      const out = join(dir, `out-${name}`);
      const { code, stdout, stderr } = await runCommand(importCommand, [path, '--out', out, '--allow-outside']);
      expect(performance.now() - started, name).toBeLessThan(5000);
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`${path}：.docx 解压后超过`)]);
    }
  }, 120_000);

  test('an ordinary .docx still imports', async () => {
    const out = tempDir('deeds-docx-');
    const path = join(PROJECT_ROOT, 'test/fixtures/import/decision.docx');
    const { code, stderr } = await runCommand(importCommand, [path, '--out', out, '--allow-outside', '--kind', 'roll']);
    expect(code, stderr).toBe(0);
  });
});

describe('F. content files over 10 MB', () => {
  test('deeds check refuses one by name, and checking another file does not read it', () => {
    const root = project({
      'content/deeds/2023/huge.mdx': DEED('', '她在社区门诊工作多年。'.repeat(700_000)),
      'content/deeds/2023/clean.mdx': DEED(),
    });
    const all = deeds(root, 'check');
    expect(all.code).toBe(2);
    expect(all.stderr).toMatch(/content\/deeds\/2023\/huge\.mdx.+超过 10 MB/);
    const started = performance.now();
    const one = deeds(root, 'check', 'content/deeds/2023/clean.mdx');
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 120_000);
});

describe('G. output arrives whole through a pipe', () => {
  /** Run the CLI with its standard output to a pipe, and read it to the end. */
  function piped(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(TSX, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
    });
  }

  const dir = tempDir('deeds-pipe-');
  const big = join(dir, 'big.txt');
  const paragraphs = Array.from(
    { length: 13_000 },
    (_, i) => `关于开展2023年度卫生健康系统先进事迹评选工作的通知第${i}段，各区卫生健康委员会现将有关事项通知如下。`,
  );
  writeFileSync(big, paragraphs.join('\n\n') + '\n');

  test('normalise of a 1.8 MB file', async () => {
    expect(readFileSync(big).length).toBeGreaterThan(1_800_000);
    const { glossary } = loadRegistries(join(PROJECT_ROOT, 'content'));
    const expected = normaliseText(readFileSync(big, 'utf8'), { glossary, to: 'cn', from: 't', path: big }).value;
    const { code, stdout, stderr } = await piped(['normalise', big]);
    expect(code, stderr).toBe(0);
    expect(stdout.length).toBe(Buffer.byteLength(expected));
    expect(stdout.toString('utf8') === expected).toBe(true);
  }, 120_000);

  test('extract --json of a long roll', async () => {
    const roll = join(dir, 'roll.txt');
    writeFileSync(
      roll,
      '2023年度先进个人名单\n\n' +
        Array.from({ length: 8000 }, (_, i) => `${i + 1}. 王${'芳丽娜静敏'[i % 5]}  第${i + 1}社区卫生服务中心`).join(
          '\n',
        ) +
        '\n',
    );
    const { code, stdout, stderr } = await piped(['extract', roll, '--json']);
    expect(code, stderr).toBe(0);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    expect(() => JSON.parse(stdout.toString('utf8'))).not.toThrow();
  }, 120_000);

  test('a reader that stops early (| head -c 100) ends it quietly, exit 0', () => {
    const err = join(dir, 'stderr.txt');
    const result = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${TSX}" "${CLI}" normalise "${big}" 2>"${err}" | head -c 100 >/dev/null`],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(readFileSync(err, 'utf8')).not.toMatch(/EPIPE|Error|内部错误/);
  }, 120_000);
});
