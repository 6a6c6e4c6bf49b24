/**
 * The build meets broken and hostile content the way the commands do: one failing build lists every
 * problem of every file with file:line:column and no stack trace, and the previous `dist/` — its
 * pages, its Pagefind index and its open data — stays as it was, so planted personal data reaches
 * none of them.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';

const build = buildFixture;

/** A resident ID number with a valid check digit (GB 11643), made up. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const ID = residentId('44030119850617123');
const MOBILE = '13912345678';
const PRIVATE_FIELD = '性别：女';

const VALID_DEED = (extra = '', body = '她在社区门诊工作多年。') =>
  `---\ntitle: 一位社区医生\nsubject:\n  name: 钟乾\n  type: person\nunit: 示例市第一人民医院\nhonours: [先进个人]\nyear: 2022\nroll: 2023/mingdan\nannouncement: 2023/tongzhi\n${extra}---\n\n${body}\n`;

/** The broken files, and the line each must be reported at (`undefined`: any line). */
const BROKEN: Record<string, { text: string; line?: number }> = {
  'content/deeds/2023/bad-yaml.mdx': { text: '---\ntitle: [未闭合\nsubject: {name: 某人\n---\n\n正文。\n' },
  // An expression left open is reported where the file ends.
  'content/deeds/2023/mdx-syntax.mdx': { text: VALID_DEED('', '正文。\n\n<span 未闭合的标签 {'), line: 16 },
  'content/deeds/2023/unknown-field.mdx': { text: VALID_DEED('年龄: 41\n'), line: 11 },
  'content/deeds/2023/missing-announcement.mdx': {
    text: VALID_DEED('').replace('announcement: 2023/tongzhi', 'announcement: 2023/meiyou-zhege-tongzhi'),
    line: 10,
  },
  'content/deeds/2023/personal.mdx': {
    text: VALID_DEED('', `她的身份证号${ID}。\n\n联系电话${MOBILE}。\n\n${PRIVATE_FIELD}`),
  },
};

/** Every file under `dir`, read as text. */
function allText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile()) text += readFileSync(path).toString('latin1') + readFileSync(path, 'utf8');
  }
  return text;
}

describe('a build with broken and hostile content', () => {
  let fixture: FixtureRoot;
  let outside: string;
  beforeAll(() => {
    fixture = fixtureRoot(join(PROJECT_ROOT, 'test/fixtures/sites/minimal/content'));
    outside = mkdtempSync(join(tmpdir(), 'deeds-outside-'));
  });
  afterAll(() => {
    fixture.remove();
    rmSync(outside, { recursive: true, force: true });
  });

  test('fails once, listing every problem with file:line:column, and keeps the previous dist/', () => {
    const first = build(fixture.root);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const dist = join(fixture.root, 'dist');
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(existsSync(join(dist, 'pagefind'))).toBe(true);
    expect(existsSync(join(dist, 'data'))).toBe(true);

    for (const [path, { text }] of Object.entries(BROKEN)) writeFileSync(join(fixture.root, path), text);
    // The same id as the fixture's zhong-qian.mdx but for case: reported on one of the two, naming the other.
    writeFileSync(join(fixture.root, 'content/deeds/2023/Zhong-Qian.mdx'), VALID_DEED('', '另一篇。'));
    writeFileSync(join(outside, 'secret.mdx'), VALID_DEED('', `外面的文件 ${MOBILE}`));
    symlinkSync(join(outside, 'secret.mdx'), join(fixture.root, 'content/deeds/2023/outside-link.mdx'));

    const second = build(fixture.root);
    const output = second.stdout + second.stderr;
    expect(second.status, output).not.toBe(0);
    for (const [path, { line }] of Object.entries(BROKEN)) {
      expect(output, path).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:${line ?? '\\d+'}:\\d+`));
    }
    expect(output).toMatch(/content\/deeds\/2023\/outside-link\.mdx:1:1 .+ symlink/);
    expect(output).toMatch(
      /content\/deeds\/2023\/zhong-qian\.mdx:1:1 {2}error {2}.+content\/deeds\/2023\/Zhong-Qian\.mdx.+ {2}duplicate-id/,
    );
    for (const rule of [
      'frontmatter-yaml',
      'mdx-syntax',
      'frontmatter-schema',
      'duplicate-id',
      'references',
      'symlink',
      'privacy',
    ])
      expect(output, rule).toContain(rule);
    // Three kinds of personal data in one file, each reported at its own line.
    expect(output.match(/personal\.mdx:\d+:\d+ {2}error {2}.+ {2}privacy/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('Stack trace');
    // The report masks what it found.
    for (const planted of [ID, MOBILE]) expect(output).not.toContain(planted);

    // The previous site stands, and none of the planted data is in it.
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(home);
    const site = allText(dist);
    for (const planted of [ID, MOBILE, PRIVATE_FIELD, '外面的文件']) expect(site).not.toContain(planted);
    expect(allText(join(dist, 'pagefind'))).not.toContain(ID);
    expect(allText(join(dist, 'data'))).not.toContain(MOBILE);
  }, 300_000);
});
