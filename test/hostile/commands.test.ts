/**
 * The hostile-input matrix: every `deeds` command against every kind of broken or hostile file.
 * Each either works or refuses with one line naming the file — exit 2 for a file that cannot be
 * used, 1 for content errors, 0 otherwise — never a stack trace, never a half-written file, and
 * the normaliser's change record always gives the input back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, test } from 'vitest';
import * as check from '../../scripts/commands/check.ts';
import * as extract from '../../scripts/commands/extract.ts';
import * as importCommand from '../../scripts/commands/import.ts';
import * as normalise from '../../scripts/commands/normalise.ts';
import { decodeFile } from '../../src/lib/decode.ts';
import { restore, type Change } from '../../src/pipeline/index.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { runCommand, type CommandOutput } from '../scripts/helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'deeds-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Deterministic bytes (a linear congruential generator), so a failure can be reproduced. */
function noise(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const NOTICE = '关于开展2023年度卫生健康系统先进事迹评选工作的通知\n\n各区卫生健康委员会：\n\n现将有关事项通知如下。\n';
const NOTICE_TRADITIONAL =
  '關於開展2023年度衛生健康系統先進事蹟評選工作的通知\n\n各區衛生健康委員會：\n\n現將有關事項通知如下。\n';
const SCRIPT_HTML = `<!doctype html><html><head><title>关于表彰先进个人的决定</title>
<style>body{background:url(javascript:alert(1))}</style><script>alert(document.cookie)</script>
<script src="https://evil.example/x.js"></script><link rel="stylesheet" href="https://evil.example/x.css"></head>
<body onload="alert(1)"><h1 onclick="steal()">关于表彰先进个人的决定</h1>
<p onmouseover="alert(2)">各单位：经研究，决定表彰王芳同志。<a href="javascript:alert(3)">详情</a></p>
<img src=x onerror="alert(4)"><iframe src="https://evil.example"></iframe>
<svg><script>alert(5)</script></svg><noscript>请开启脚本</noscript></body></html>`;

type Command = 'import' | 'normalise' | 'extract' | 'check';
type Codes = Record<Command, 0 | 1 | 2>;

interface Case {
  name: string;
  /** The file's name (its extension decides how some commands read it); `check` reads `.txt` as `.mdx`. */
  file: string;
  /** The file's bytes; `undefined` for a missing file, `'dir'` for a directory. */
  make: () => Uint8Array | string | undefined | 'dir';
  /** The exit code each command must give. */
  codes: Codes;
  /** Words the decoded text must show: in normalise's output, extract's report and the imported entry. */
  shows?: string;
  /** A rule `deeds check` must report. */
  checkRule?: string;
}

/** Used: imported, read or normalised; `check` finds content errors (no frontmatter). */
const USED: Codes = { import: 0, normalise: 0, extract: 0, check: 1 };
/** Refused by every command. */
const REFUSED: Codes = { import: 2, normalise: 2, extract: 2, check: 2 };
/** Decoded by the tools that read raw files; content files must be UTF-8 (the build reads them so). */
const DECODED: Codes = { import: 0, normalise: 0, extract: 0, check: 2 };
const TITLE = '关于开展2023年度卫生健康系统先进事迹评选工作的通知';

const CASES: Case[] = [
  { name: 'empty file', file: 'empty.txt', make: () => '', codes: { ...REFUSED, normalise: 0 } },
  {
    name: 'PNG',
    file: 'picture.txt',
    make: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(4096)]),
    codes: REFUSED,
  },
  { name: 'random bytes', file: 'random.txt', make: () => noise(64 * 1024), codes: REFUSED },
  {
    name: 'invalid UTF-8',
    file: 'invalid-utf8.txt',
    make: () =>
      Buffer.concat([
        Buffer.from(NOTICE),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xfd]),
        Buffer.from(NOTICE),
      ]),
    codes: REFUSED,
  },
  {
    name: 'UTF-16LE without BOM',
    file: 'utf16le.txt',
    make: () => Buffer.from(NOTICE, 'utf16le'),
    codes: DECODED,
    shows: TITLE,
  },
  {
    name: 'UTF-16BE without BOM',
    file: 'utf16be.txt',
    make: () => Buffer.from(NOTICE, 'utf16le').swap16(),
    codes: DECODED,
    shows: TITLE,
  },
  { name: 'GBK', file: 'gbk.txt', make: () => iconv.encode(NOTICE, 'gbk'), codes: DECODED, shows: TITLE },
  {
    name: 'Big5',
    file: 'big5.txt',
    make: () => iconv.encode(NOTICE_TRADITIONAL, 'big5'),
    codes: DECODED,
    shows: TITLE,
  },
  {
    name: '50 MB text',
    file: 'huge.txt',
    make: () => Buffer.from(NOTICE.repeat(Math.ceil(50e6 / Buffer.byteLength(NOTICE)))),
    codes: REFUSED,
  },
  {
    name: 'roll of 20,000 lines',
    file: 'roll.txt',
    make: () =>
      '2023年度先进个人名单\n\n' +
      Array.from(
        { length: 20_000 },
        (_, i) => `${i + 1}. 王${'芳丽娜静敏'[i % 5]}${'华明军'[i % 3]}  第${(i % 90) + 1}社区卫生服务中心`,
      ).join('\n') +
      '\n',
    codes: USED,
    shows: '第90社区卫生服务中心',
  },
  { name: '1 MB line', file: 'long-line.txt', make: () => '先进事迹'.repeat(90_000) + '。', codes: USED },
  {
    name: 'unbalanced brackets and quotes',
    file: 'unbalanced.txt',
    make: () =>
      '关于（（（开展【“先进事迹‘评选」的通知》\n\n各单位：“现将有关事项”通知如下）））】\n「〔2023〕第（号\n"\'`\n',
    codes: USED,
  },
  {
    name: 'deeply nested lists',
    file: 'nested-lists.mdx',
    make: () => '- '.repeat(5000) + '事迹\n' + '> '.repeat(5000) + '引文\n',
    codes: USED,
    checkRule: 'mdx-nesting',
  },
  {
    name: 'deeply nested brackets',
    file: 'nested-brackets.txt',
    make: () =>
      '（'.repeat(5000) +
      '事迹' +
      '）'.repeat(5000) +
      '\n' +
      '['.repeat(5000) +
      '(x)' +
      ']'.repeat(5000) +
      '\n' +
      '('.repeat(5000) +
      '\n',
    codes: USED,
    checkRule: 'mdx-nesting',
  },
  {
    name: '.docx that is not a zip',
    file: 'fake.docx',
    make: () => '这不是 Word 文件，只是改了扩展名的文本。\n',
    codes: { ...REFUSED, normalise: 0 },
  },
  {
    name: '.html full of scripts',
    file: 'scripts.html',
    make: () => SCRIPT_HTML,
    codes: { ...USED, check: 2 },
    shows: '决定表彰王芳同志',
  },
  { name: 'missing file', file: 'missing.txt', make: () => undefined, codes: REFUSED },
  { name: 'directory', file: 'folder.txt', make: () => 'dir', codes: { ...REFUSED, check: 0 } },
];

function materialise(c: Case, dir: string): string {
  const path = join(dir, c.file);
  const content = c.make();
  if (content === 'dir') mkdirSync(path, { recursive: true });
  else if (content !== undefined) writeFileSync(path, content);
  return path;
}

const COMMANDS = { import: importCommand, normalise, extract, check } as const;

/** The shared promises of every command on every input. */
function assertWellBehaved(output: CommandOutput, path: string): void {
  const all = output.stdout + output.stderr;
  expect(all).not.toMatch(/^\s+at /m);
  expect(all).not.toMatch(/(?:^|\s)(?:Type|Range|Syntax|Reference)?Error: /);
  expect([0, 1, 2]).toContain(output.code);
  const lines = output.stderr.split('\n').filter((line) => line.trim() !== '');
  if (output.code === 2) {
    expect(lines, output.stderr).toHaveLength(1);
    expect(lines[0]).toContain(basename(path));
  }
  // Every line names the file (a report line also gives line:column).
  for (const line of lines) expect(line).toContain(basename(path));
}

const matrix: string[] = [];
afterAll(() => {
  // The matrix as a table, for the record (command | input | exit | time | first line of stderr).
  if (process.env.DEEDS_HOSTILE_MATRIX) console.log(matrix.sort().join('\n'));
});

/** The files an import left in its --out folder. */
function filesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.\w+$/.test(name))
    : [];
}

const HOSTILE = /<script|<iframe|<style|\bon(?:load|click|error|mouseover)\s*=|javascript:|alert\(|evil\.example/i;

describe.each(['import', 'normalise', 'extract', 'check'] as const)('deeds %s on hostile input', (command) => {
  test.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const dir = join(scratch, command, c.file.replace(/\W/g, '-'));
      mkdirSync(dir, { recursive: true });
      const path = materialise(command === 'check' ? { ...c, file: c.file.replace(/\.txt$/, '.mdx') } : c, dir);
      const out = join(dir, 'out');
      const log = join(dir, 'changes.json');
      const args =
        command === 'import'
          ? [path, '--out', out, '--allow-outside']
          : command === 'normalise'
            ? [path, '--log', log]
            : [path];
      const started = performance.now();
      const output = await runCommand(COMMANDS[command], args);
      matrix.push(
        `${command} | ${c.name} | ${output.code} | ${Math.round(performance.now() - started)} ms | ${output.stderr.trim().split('\n')[0] ?? ''}`,
      );

      assertWellBehaved(output, path);
      expect(output.code, output.stderr).toBe(c.codes[command]);

      if (command === 'import') {
        const files = filesUnder(out);
        expect(files.filter((name) => name.includes('.tmp-'))).toEqual([]);
        if (output.code !== 0) expect(files).toEqual([]);
        else {
          // The entry in the content folder; the original archived beside it, in archive/ (never in content/).
          expect(files).toHaveLength(1);
          const entry = files.find((name) => name.endsWith('.mdx'))!;
          expect(filesUnder(join(dir, 'archive')).some((name) => name.includes('.original.'))).toBe(true);
          const text = readFileSync(join(out, entry), 'utf8');
          expect(text).not.toMatch(HOSTILE);
          if (c.shows) expect(text).toContain(c.shows);
        }
      }
      if (command === 'normalise' && output.code !== 2) {
        // Nothing lost: the change record turns the output back into the decoded input.
        const changes = JSON.parse(readFileSync(log, 'utf8')) as Change[];
        expect(restore(output.stdout, changes) === decodeFile(readFileSync(path), path).text).toBe(true);
        if (c.shows) expect(output.stdout).toContain(c.shows);
      }
      if (command === 'extract' && output.code === 0) {
        expect(output.stdout).not.toMatch(HOSTILE);
        if (c.shows === TITLE) expect(output.stdout).toContain(`标题：${TITLE}`);
      }
      if (command === 'check' && output.code === 1) {
        expect(output.stdout).toMatch(new RegExp(`${basename(path).replace('.', '\\.')}:\\d+:\\d+  error`));
        if (c.checkRule) expect(output.stdout).toContain(c.checkRule);
      }
    },
    120_000,
  );
});

describe('through the command line', () => {
  test('the exit code and the one-line message come through scripts/deeds.ts', () => {
    const path = join(scratch, 'cli', 'picture.txt');
    mkdirSync(join(scratch, 'cli'), { recursive: true });
    writeFileSync(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...noise(64)]));
    const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/deeds.ts', 'normalise', path], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${path}：这是PNG 图片`)]);
  }, 30_000);
});
